import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of @selfhelp/lint (its package.json, src/ and dist/). */
export const LINT_PACKAGE_ROOT: string = fileURLToPath(new URL('..', import.meta.url));

/** The version of @selfhelp/lint (read from its package.json, which sits one level above src/ and dist/). */
export const LINT_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();
