// Property-based tests: random and mutated inputs never make the parser throw, every range lies
// inside the file with line/column matching its offset, and named text round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseMetadata } from '@selfhelp/core';
import { checkArticle, input, learn, selfhelp } from './arbitraries.js';
import { assertRangesValid } from './helpers.js';

const RUNS = Number(process.env['CORE_PROPERTY_RUNS'] ?? 300);

describe('parser properties (fast-check)', () => {
  it('never throws; ranges inside the file; text round-trips', () => {
    fc.assert(
      fc.property(input, (source) => {
        checkArticle(parseArticle(source, { path: 'fuzz.md' }));
        assertRangesValid(parseMetadata(source, { path: 'fuzz.md' }));
      }),
      { numRuns: RUNS },
    );
  });

  it('the original fixtures parse cleanly', () => {
    const a = parseArticle(selfhelp);
    expect(a.diagnostics).toEqual([]);
    expect(a.tokens.map((t) => t.name)).toEqual(['startTime', 'jobName']);
    expect(a.includes).toHaveLength(1);
    expect(a.jsonBodies[0]!.value).toEqual({ title: 'Form', items: [1, 2, { a: null }] });
    expect(a.links.map((l) => l.kind)).toEqual(['https', 'malformed', 'anchor']);
    checkArticle(a);
    expect(parseArticle(learn).diagnostics).toEqual([]);
  });
});
