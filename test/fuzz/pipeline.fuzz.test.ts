// Long property-based run of the whole pipeline (`pnpm fuzz`: FUZZ_RUNS cases, default 20000): the
// inputs and checks of test/hostile/fuzz-pipeline.test.ts, with the corpus articles (../shared, when
// present) among the bases. Prints the case count, the seed and the time taken.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseArticles, caseArbitrary, checkCase, createPipeline, type Pipeline } from '../hostile/pipeline-fuzz.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20000);
const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() : Number(process.env['FUZZ_SEED']);

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});
afterAll(() => pipeline.cleanup());

describe('pipeline fuzz', () => {
  it(`parse, lint --fix and build survive ${RUNS} random and mutated articles`, async () => {
    const bases = baseArticles(true);
    const started = performance.now();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(bases), async (text) => {
        cases++;
        await checkCase(pipeline, text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`pipeline fuzz: ${cases} cases over ${bases.length} base articles passed (seed ${SEED}) in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  });
});
