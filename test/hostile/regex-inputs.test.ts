// The attack strings recheck found for rule regexes that were super-linear (fixed: scans instead of
// regexes, or character classes that cannot run past a tag), written into articles and linted.
// Before the fixes these took from a minute to forever (a 27-fold comment run against the old
// `isCommentOnly` is exponential: 14 repetitions already took 33 s); now each lint finishes with its
// ordinary findings. No timing is asserted: the test timeout is the guard.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupSandboxes, lintTree, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

const REQUIRED = new Set(['metadata-required', 'product-pes-ids', 'support-topic-ids']);

async function findings(body: string): Promise<[string | null, string, number, number][]> {
  const box = sandbox({ 'a.md': selfhelp('Attack', body) });
  const run = await lintTree(box.root, ['a.md']);
  return run.results[0]!.messages.filter((m) => !REQUIRED.has(m.ruleId ?? '')).map((m) => [m.ruleId, m.message, m.line, m.column]);
}

describe('ReDoS attack strings through lint', () => {
  it('a run of comments crafted against the comment-only check (exponential before)', async () => {
    expect(await findings(`<!-${'---><!----><!-'.repeat(27)}!\n\n# Welcome\n\nBody.\n`)).toEqual([
      ['h1-first', 'Content before the H1 heading; the H1 must come first after the metadata', 9, 1],
    ]);
  });

  it('thousands of unclosed `<A` tags against the anchor scan and the issueDescription link check', async () => {
    const runs = Array.from({ length: 6 }, () => '<A\t'.repeat(5000)).join('\n\n');
    expect(await findings(`# Welcome\n\nSee [x](#nowhere).\n\n${runs}\n`)).toEqual([['link-anchor', 'No heading for `#nowhere` in this article', 11, 9]]);
    expect(await findings(`# Welcome\n\n<!--issueDescription-->${'<a\t'.repeat(5000)}<!--/issueDescription-->\n`)).toEqual([
      ['issue-description-types', 'issueDescription is not used in generic articles (only in diagnostics, rca, servicehealthinsights and TSG_Content)', 11, 1],
    ]);
  });

  it('a heading with a 200,000-blank run against the placeholder trim (quadratic before)', async () => {
    expect(await findings(`# Wel${' '.repeat(200_000)}come\n\nBody.\n`)).toEqual([]);
    expect(await findings(`# Title${'\t'.repeat(100_000)}##\n\nBody.\n`)).toEqual([['no-template-placeholder', 'Template placeholder "Title" left in the heading', 9, 1]]);
  });

  it('thousands of unclosed `<!--` against the token marker scan', async () => {
    const opens = Array.from({ length: 4 }, () => `<!--$x${'<!--'.repeat(2000)}`).join('\n\n');
    expect(await findings(`# Welcome\n\n${opens}\n\nBody.\n`)).toEqual([['parse', 'The HTML comment is not closed with "-->".', 11, 1]]);
  });
});
