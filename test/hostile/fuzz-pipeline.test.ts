// Property test of the whole pipeline on random and mutated articles (a modest number of cases, so
// it runs in `pnpm test`; `pnpm fuzz` runs test/fuzz/pipeline.fuzz.test.ts with FUZZ_RUNS cases):
// parse never throws, lint never crashes and its fixes never add a parse error, the build compiles
// and its catalog validates against the schema, and Object.prototype stays untouched.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseArticles, caseArbitrary, checkCase, createPipeline, type Pipeline } from './pipeline-fuzz.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});
afterAll(() => pipeline.cleanup());

describe('pipeline property', () => {
  it('parse, lint --fix and build survive random and mutated articles', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(baseArticles(false)), (text) => checkCase(pipeline, text)),
      { numRuns: 150 },
    );
  }, 300_000);
});
