import { describe, expect, it } from 'vitest';
import { getMeta, parseArticle } from '@selfhelp/core';
import { assertRangesValid, lc, textAt } from './helpers.js';

const learn = [
  '---',
  'title: Rotate storage account keys',
  'description: Learn how to rotate the access keys of a storage account.',
  'ms.date: 04/02/2024',
  'ms.topic: how-to',
  'tags: [storage, keys]',
  '---',
  '',
  '# Rotate storage account keys',
  '',
].join('\n');

describe('YAML frontmatter', () => {
  it('reads entries with exact key and value ranges', () => {
    const a = parseArticle(learn, { path: 'learn.md' });
    expect(a.kind).toBe('learn');
    const fm = a.frontmatter!;
    expect(lc(fm.range)).toBe('1:1-7:4');
    expect(lc(fm.contentRange)).toBe('2:1-7:1');
    expect(fm.entries.map((e) => e.key)).toEqual(['title', 'description', 'ms.date', 'ms.topic', 'tags']);
    const date = fm.entries[2]!;
    expect(date.keyRange).toEqual({ start: { line: 4, column: 1, offset: 110 }, end: { line: 4, column: 8, offset: 117 } });
    expect(date.valueRange).toEqual({ start: { line: 4, column: 10, offset: 119 }, end: { line: 4, column: 20, offset: 129 } });
    expect(date.value).toBe('04/02/2024');
    expect(fm.entries[4]!.value).toEqual(['storage', 'keys']);
    expect(textAt(a.source, fm.entries[4]!.valueRange)).toBe('[storage, keys]');
    expect(fm.data['ms.topic']).toBe('how-to');
    expect(getMeta(a, 'MS.DATE')!.source).toBe('frontmatter');
    expect(a.title!.text).toBe('Rotate storage account keys');
    expect(a.bodyRange.start.line).toBe(7);
    expect(a.diagnostics).toEqual([]);
    assertRangesValid(a);
  });

  it('turns YAML syntax errors into positioned diagnostics', () => {
    const a = parseArticle('---\ntitle: [unclosed\nms.date: 01/02/2024\n---\n# T\n');
    expect(a.kind).toBe('learn');
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics.every((d) => d.code === 'yaml-syntax' && d.severity === 'error')).toBe(true);
    expect(a.diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(2);
    expect(a.diagnostics[0]!.range.start.line).toBeLessThanOrEqual(4);
    assertRangesValid(a);
  });

  it('reports duplicate keys case-insensitively', () => {
    const a = parseArticle('---\ntitle: A\nTitle: B\n---\n');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['yaml-duplicate-key 3:1-3:6']);
    expect(getMeta(a, 'title')!.value).toBe('B');
  });

  it('caps alias expansion (alias bombs are a diagnostic, not a hang)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(', ')}]`);
    }
    const a = parseArticle(`---\n${levels.join('\n')}\n---\n# T\n`);
    expect(a.diagnostics.some((d) => d.code === 'yaml-alias-limit')).toBe(true);
    expect(a.frontmatter!.data['a']).toEqual(Array(9).fill('x'));
  });

  it('keeps __proto__ and constructor as plain own keys', () => {
    const a = parseArticle('---\n__proto__:\n  polluted: true\nconstructor: x\nnested:\n  __proto__: {polluted: true}\n---\n');
    const data = a.frontmatter!.data;
    expect(Object.getOwnPropertyNames(data)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect((data['__proto__'] as Record<string, unknown>)['polluted']).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(data['nested'])).toEqual(['__proto__']);
  });

  it('reports a mapping that is not a mapping', () => {
    const a = parseArticle('---\n- a\n- b\n---\n');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['yaml-not-mapping 2:1-4:1']);
    expect(a.frontmatter!.entries).toEqual([]);
  });

  it('an unclosed frontmatter is a diagnostic and the file is a fragment', () => {
    const a = parseArticle('---\ntitle: A\n\n# Heading\n');
    expect(a.kind).toBe('fragment');
    expect(a.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['frontmatter-unclosed 1:1-1:4']);
  });

  it('accepts CRLF and an empty frontmatter', () => {
    const a = parseArticle('---\r\ntitle: A\r\n---\r\n# H\r\n');
    expect(a.frontmatter!.entries[0]!.value).toBe('A');
    expect(lc(a.frontmatter!.entries[0]!.valueRange)).toBe('2:8-2:9');
    expect(lc(a.title!.range)).toBe('4:1-4:4');
    const b = parseArticle('---\n---\n# H\n');
    expect(b.kind).toBe('learn');
    expect(b.frontmatter!.entries).toEqual([]);
    expect(b.diagnostics).toEqual([]);
  });
});
