// Validates catalogs against schemas/catalog.schema.json with the validator compiled ahead of time
// by `pnpm generate` (generated/catalog-validator.cjs). When that file has not been generated (a
// source checkout running tests without a build), the same schema is compiled at run time instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

interface ValidationError {
  instancePath: string;
  message?: string;
}
type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

export const CATALOG_SCHEMA_PATH = fileURLToPath(new URL('../schemas/catalog.schema.json', import.meta.url));

/** The exact bytes of the catalog's JSON Schema, as written next to the catalog. */
export function catalogSchemaText(): string {
  return readFileSync(CATALOG_SCHEMA_PATH, 'utf8');
}

let cached: { validate: Validator; generated: boolean } | undefined;

/** The catalog validator, and whether it is the ahead-of-time one. */
export function catalogValidator(): { validate: Validator; generated: boolean } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  try {
    cached = { validate: require('../generated/catalog-validator.cjs') as Validator, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    cached = { validate: ajv.compile(JSON.parse(catalogSchemaText())) as Validator, generated: false };
  }
  return cached;
}

/** Validates one catalog document (plain data); the messages of the first errors, empty when valid. */
export function validateCatalog(data: unknown): string[] {
  const { validate } = catalogValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
