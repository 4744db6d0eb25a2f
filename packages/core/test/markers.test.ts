import { describe, expect, it } from 'vitest';
import { isCommentOnlyHtml, parseArticle } from '@selfhelp/core';
import { assertRangesValid, lc, textAt } from './helpers.js';

const diag = [
  '<properties selfHelpType="diagnostics" />',
  '# Your app restarted',
  '',
  '<!--issueDescription-->',
  'At <!--$startTime-->the start time<!--/$startTime-->, the app <!-- $appName -->app<!-- /$appName --> restarted.',
  '<!--/issueDescription-->',
  '',
  'Outside: <!--$region-->West US<!--/$region--> <!-- a note -->',
  '',
  '```html',
  '<!--$notAToken-->',
  '```',
  '',
].join('\n');

describe('issueDescription and tokens', () => {
  const a = parseArticle(diag);

  it('finds the region with its exact ranges and text', () => {
    expect(a.issueDescriptions).toHaveLength(1);
    const r = a.issueDescriptions[0]!;
    expect(r.range).toEqual({ start: { line: 4, column: 1, offset: 64 }, end: { line: 6, column: 25, offset: 224 } });
    expect(lc(r.contentRange)).toBe('4:24-6:1');
    expect(r.text).toBe(textAt(a.source, r.contentRange));
    expect(r.text.startsWith('\nAt <!--$startTime-->')).toBe(true);
  });

  it('finds tokens (whitespace inside markers tolerated) with default text and region', () => {
    expect(a.tokens.map((t) => [t.name, t.defaultText, t.region, lc(t.range)])).toEqual([
      ['startTime', 'the start time', 0, '5:4-5:53'],
      ['appName', 'app', 0, '5:63-5:101'],
      ['region', 'West US', -1, '8:10-8:46'],
    ]);
    const t = a.tokens[0]!;
    expect(t.defaultRange).toEqual({ start: { line: 5, column: 21, offset: 108 }, end: { line: 5, column: 35, offset: 122 } });
    expect(textAt(a.source, t.range)).toBe('<!--$startTime-->the start time<!--/$startTime-->');
  });

  it('keeps other comments and ignores markers in code', () => {
    expect(a.comments.map((c) => [c.text, lc(c.range)])).toEqual([[' a note ', '8:47-8:62']]);
    expect(a.tokens.map((t) => t.name)).not.toContain('notAToken');
    expect(a.diagnostics).toEqual([]);
    assertRangesValid(a);
  });
});

describe('unbalanced markers', () => {
  const codes = (source: string): string[] => parseArticle(source).diagnostics.map((d) => `${d.code} ${lc(d.range)}`);

  it('unclosed issueDescription', () => {
    expect(codes('<!--issueDescription-->\ntext\n')).toEqual(['issue-description-unclosed 1:1-1:24']);
  });
  it('closing without opening, and nested regions', () => {
    expect(codes('x <!--/issueDescription-->\n')).toEqual(['issue-description-unopened 1:3-1:27']);
    expect(codes('<!--issueDescription-->\n<!--issueDescription-->\n<!--/issueDescription-->\n')).toEqual(['issue-description-nested 2:1-2:24']);
  });
  it('unclosed token', () => {
    expect(codes('a <!--$name-->b\n')).toEqual(['token-unclosed 1:3-1:15']);
  });
  it('mismatched token', () => {
    const source = 'a <!--$one-->b<!--/$two--> c\n';
    expect(codes(source)).toEqual(['token-unclosed 1:3-1:14', 'token-mismatched 1:15-1:27']);
  });
  it('closing a token that was never opened', () => {
    expect(codes('a <!--/$two-->\n')).toEqual(['token-unopened 1:3-1:15']);
  });
  it('nested tokens, the inner closing first', () => {
    const a = parseArticle('<!--$outer-->x <!--$inner-->y<!--/$inner--> z<!--/$outer-->\n');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['token-nested 1:16-1:29']);
    expect(a.tokens.map((t) => [t.name, t.defaultText])).toEqual([
      ['outer', 'x <!--$inner-->y<!--/$inner--> z'],
      ['inner', 'y'],
    ]);
  });
  it('a closing marker in another case closes the token with a warning', () => {
    const a = parseArticle('<!--$RoleName-->r<!--/$rolename-->\n');
    expect(a.tokens.map((t) => t.name)).toEqual(['RoleName']);
    expect(a.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['token-case-mismatch warning']);
  });
  it('an unclosed comment', () => {
    expect(codes('text <!-- never closed\n')).toEqual(['comment-unclosed 1:6-1:10']);
  });
});

describe('isCommentOnlyHtml', () => {
  it('is true for comments and white space only, with at least one comment', () => {
    expect(isCommentOnlyHtml('<!-- a -->')).toBe(true);
    expect(isCommentOnlyHtml('  <!-- a -->\n\t<!--b-->  ')).toBe(true);
    expect(isCommentOnlyHtml('<!---->')).toBe(true);
  });

  it('is false for other HTML, text, an unclosed comment or nothing', () => {
    expect(isCommentOnlyHtml('')).toBe(false);
    expect(isCommentOnlyHtml('   ')).toBe(false);
    expect(isCommentOnlyHtml('<!-- a --> <br>')).toBe(false);
    expect(isCommentOnlyHtml('text <!-- a -->')).toBe(false);
    expect(isCommentOnlyHtml('<!-- a -- >')).toBe(false);
    expect(isCommentOnlyHtml('<!-- a --><!-- b')).toBe(false);
  });

  it('stays linear on a long run of unclosed comment openers', () => {
    expect(isCommentOnlyHtml('<!--'.repeat(200_000))).toBe(false);
  });
});
