// Long property-based run of the parser (`pnpm fuzz`, FUZZ_RUNS cases): the same inputs and
// checks as packages/core/test/property.test.ts, many more cases.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseArticle, parseMetadata } from '@selfhelp/core';
import { checkArticle, input } from '../../packages/core/test/arbitraries.js';
import { assertRangesValid } from '../../packages/core/test/helpers.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20000);

describe('parser fuzz', () => {
  it(`never throws; ranges inside the file; text round-trips (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(input, (source) => {
        checkArticle(parseArticle(source, { path: 'fuzz.md' }));
        assertRangesValid(parseMetadata(source, { path: 'fuzz.md' }));
      }),
      { numRuns: RUNS },
    );
  });
});
