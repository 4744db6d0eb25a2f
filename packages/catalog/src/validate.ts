// Validates against schemas/catalog.schema.json with the validators compiled ahead of time by
// `pnpm generate` (generated/catalog-validator.cjs): one for a whole catalog, one for an article.
// When that file has not been generated (a source checkout running tests without a build), the same
// schema is compiled at run time instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvType } from 'ajv';

interface ValidationError {
  instancePath: string;
  message?: string;
}
export type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

/** A catalog or an article did not match the schema: a bug in the compiler; nothing is written. */
export class CatalogSchemaError extends Error {
  override name = 'CatalogSchemaError';
}

export const CATALOG_SCHEMA_PATH = fileURLToPath(new URL('../schemas/catalog.schema.json', import.meta.url));

let schemaText: string | undefined;

/** The exact bytes of the catalog's JSON Schema, as written next to the catalog. */
export function catalogSchemaText(): string {
  return (schemaText ??= readFileSync(CATALOG_SCHEMA_PATH, 'utf8'));
}

interface Validators {
  validate: Validator;
  validateArticle: Validator;
  /** True for the ahead-of-time validators. */
  generated: boolean;
}

let cached: Validators | undefined;

/** The catalog and article validators. */
export function catalogValidator(): Validators {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  try {
    const generated = require('../generated/catalog-validator.cjs') as { validateCatalog: Validator; validateArticle: Validator };
    cached = { validate: generated.validateCatalog, validateArticle: generated.validateArticle, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    cached = compileAtRunTime();
  }
  return cached;
}

/** The same validators compiled from the schema now (when generated/ is missing). */
export function compileAtRunTime(): Validators {
  // ajv's compiler is only loaded on this path (it costs more to load than the generated code).
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvType };
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.addSchema(JSON.parse(catalogSchemaText()) as object, 'catalog');
  return { validate: ajv.getSchema('catalog') as Validator, validateArticle: ajv.getSchema('catalog#/definitions/article') as Validator, generated: false };
}

function problems(validate: Validator, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Validates one catalog document (plain data); the messages of the first errors, empty when valid. */
export function validateCatalog(data: unknown): string[] {
  return problems(catalogValidator().validate, data);
}

/** Validates one article entry; the messages of the first errors, empty when valid. */
export function validateArticle(data: unknown): string[] {
  return problems(catalogValidator().validateArticle, data);
}
