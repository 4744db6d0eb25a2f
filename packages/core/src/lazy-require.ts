// Synchronous, on-first-use loading of dependencies that most parses never need (GFM, YAML,
// fast-xml-parser): importing them up front costs start-up time on every run. CommonJS packages
// load through `require` on any Node; ES-module-only packages need `require(esm)` (Node 20.19+,
// 22.12+), and are imported eagerly at start-up where it is missing (see markdown.ts).
import { createRequire } from 'node:module';

export const requireDependency = createRequire(import.meta.url);

/** True when `require` can load ES modules synchronously. */
export const canRequireEsm = (process.features as { require_module?: boolean }).require_module === true;
