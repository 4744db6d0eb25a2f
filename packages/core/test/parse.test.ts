import { describe, expect, it } from 'vitest';
import { parseArticle, parseMetadata } from '@selfhelp/core';
import { assertRangesValid, lc } from './helpers.js';

describe('parseArticle', () => {
  it('a file without metadata is a fragment, with comments', () => {
    const a = parseArticle('Some shared text. <!-- check with the team -->\n\n## A section\n', { path: 'includes/x.md' });
    expect(a.kind).toBe('fragment');
    expect(a.metadata).toEqual([]);
    expect(a.comments.map((c) => [c.text, lc(c.range)])).toEqual([[' check with the team ', '1:19-1:47']]);
    expect(lc(a.bodyRange)).toBe('1:1-4:1');
  });

  it('positions agree with mdast for \\n, \\r\\n and \\r files', () => {
    for (const eol of ['\n', '\r\n', '\r'] as const) {
      const source = ['<properties', 'a="1"', '/>', '', '# Title', '', 'Text [x](y.md)', ''].join(eol);
      const a = parseArticle(source);
      expect(a.eol).toBe(eol);
      expect(lc(a.title!.range)).toBe('5:1-5:8');
      const heading = a.tree.children.find((n) => n.type === 'heading')!;
      expect(heading.position!.start).toEqual(a.title!.range.start);
      expect(heading.position!.end).toEqual(a.title!.range.end);
      expect(lc(a.links[0]!.range)).toBe('7:6-7:15');
      assertRangesValid(a);
    }
  });

  it('the metadata block is blanked: the tree starts at the body, positions are file positions', () => {
    const a = parseArticle('<properties a="1" />\n# T\n');
    expect(a.tree.children.map((n) => n.type)).toEqual(['heading']);
    expect(a.tree.children[0]!.position!.start).toEqual({ line: 2, column: 1, offset: 21 });
  });

  it('records the BOM and strips it from source', () => {
    const a = parseArticle('\uFEFF# T\n');
    expect(a.bom).toBe(true);
    expect(a.source).toBe('# T\n');
    expect(a.title!.range.start.offset).toBe(0);
  });

  it('never throws on odd input', () => {
    for (const input of ['', '\uFEFF', '<properties', '---', '---\n---', '<!--', '[!INCLUDE [', '\r', '\u0000\uD800', undefined as unknown as string]) {
      const a = parseArticle(input);
      assertRangesValid(a);
    }
  });

  it('refuses pathological Markdown with a diagnostic instead of a hang', () => {
    expect(parseArticle('>'.repeat(100000) + ' x\n').diagnostics.map((d) => d.code)).toEqual(['markdown-too-deep']);
    expect(parseArticle('['.repeat(5000) + 'x' + ']'.repeat(5000) + '\n').diagnostics.map((d) => d.code)).toEqual(['markdown-too-deep']);
    expect(parseArticle('[x] '.repeat(20000)).diagnostics.map((d) => d.code)).toEqual(['markdown-too-deep']);
    const big = parseArticle('word '.repeat(200000));
    expect(big.diagnostics.map((d) => d.code)).toEqual(['markdown-too-large']);
    expect(big.tree.children).toEqual([]);
    expect(parseArticle('word '.repeat(1000), { maxMarkdownLength: 100 }).diagnostics.map((d) => d.code)).toEqual(['markdown-too-large']);
  });

  it('caps diagnostics per file', () => {
    const a = parseArticle('<!--$a-->'.repeat(3000));
    expect(a.diagnostics).toHaveLength(1001);
    expect(a.diagnostics.filter((d) => d.code === 'diagnostics-truncated')).toHaveLength(1);
  });
});

describe('parseMetadata', () => {
  it('returns the same metadata as parseArticle without the Markdown parse', () => {
    const source = '<properties\n  selfHelpType="supportTopicDescription"\n  articleId="x"\n/>\n# T\n---\n{"supportTopics": []}\n---\n';
    const full = parseArticle(source, { path: 'a.md' });
    const meta = parseMetadata(source, { path: 'a.md' });
    expect(meta.metadata).toEqual(full.metadata);
    expect(meta.jsonBodies).toEqual(full.jsonBodies);
    expect(meta.selfHelpType).toBe('supportTopicDescription');
    expect(meta.kind).toBe('selfhelp');
    expect(Object.keys(meta).sort()).toEqual(['bodyRange', 'bom', 'diagnostics', 'eol', 'jsonBodies', 'kind', 'metadata', 'path', 'properties', 'selfHelpType', 'source']);
  });
});
