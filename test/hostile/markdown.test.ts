// Hostile Markdown: very deep lists and block quotes, a 10 MB single line, pathological emphasis and
// link-reference patterns, thousands of links on one line, deeply nested raw HTML. The parser refuses
// what would make it super-linear (or overflow its stack) with a finding; lint and build finish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { buildTree, cleanupSandboxes, lintTree, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

const HEAD_LINES = selfhelp('X', '').split('\n').length - 1; // lines before the body

function parseErrors(source: string): [string, number][] {
  return parseArticle(source).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.range.start.line]);
}

describe('Markdown', () => {
  it('very deep lists and block quotes are markdown-too-deep at the line that goes too deep', async () => {
    const list = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const quotes = `${'>'.repeat(100_000)} deep\n`;
    const mixed = Array.from({ length: 150 }, (_, i) => `${'> '.repeat(i)}1. item`).join('\n');
    const box = sandbox({
      'list.md': selfhelp('DeepList', `# Title\n\n${list}\n`),
      'quotes.md': selfhelp('DeepQuotes', `# Title\n\n${quotes}`),
      'mixed.md': selfhelp('DeepMixed', `# Title\n\n${mixed}\n`),
    });
    // The list's 101st level has a 200-character prefix; quotes fail on their only line.
    expect(parseErrors(readFileSync(join(box.root, 'list.md'), 'utf8'))).toEqual([['markdown-too-deep', HEAD_LINES + 3 + 100]]);
    expect(parseErrors(readFileSync(join(box.root, 'quotes.md'), 'utf8'))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    expect(parseErrors(readFileSync(join(box.root, 'mixed.md'), 'utf8'))).toEqual([['markdown-too-deep', HEAD_LINES + 3 + 99]]);
    const run = await lintTree(box.root, ['list.md', 'quotes.md', 'mixed.md'], { fix: true });
    for (const r of run.results) {
      expect(r.messages.filter((m) => m.ruleId === 'parse').map((m) => m.message)).toEqual(['Containers (block quotes, lists) nest too deeply; the body was not parsed as Markdown.']);
      expect(r.messages.some((m) => m.fatal)).toBe(false);
    }
  });

  it('a 10 MB single line: over maxFileSize for lint (a fatal finding), markdown-too-large for the parser', async () => {
    const line = 'word '.repeat(2 * 1024 * 1024);
    const source = selfhelp('HugeLine', `# Title\n\n${line}\n`);
    const box = sandbox({ 'huge.md': source });
    const size = Buffer.byteLength(source);
    const lint = await lintTree(box.root, ['huge.md']);
    expect(lint.results[0]!.messages).toEqual([
      { ruleId: null, severity: 2, message: `File is ${size} bytes, larger than maxFileSize (4194304 bytes); not linted.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true },
    ]);
    const raised = await lintTree(box.root, ['huge.md'], { config: { maxFileSize: 16 * 1024 * 1024 } });
    expect(raised.results[0]!.messages.filter((m) => m.ruleId === 'parse').map((m) => m.message)).toEqual(['The body is longer than 524288 characters; it was not parsed as Markdown.']);
  });

  it('pathological emphasis and link-reference patterns are refused past the delimiter and bracket limits', () => {
    const body = (s: string) => selfhelp('Emphasis', `# Title\n\n${s}\n`);
    expect(parseErrors(body('*a'.repeat(50_000)))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    expect(parseErrors(body('_'.repeat(20_000) + 'a' + '*'.repeat(20_000)))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    expect(parseErrors(body('[a]'.repeat(30_000)))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    expect(parseErrors(body(`${'['.repeat(5_000)}a${']'.repeat(5_000)}(b)`))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    expect(parseErrors(body('<'.repeat(20_000)))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
    // Just under the limits it parses (in bounded time), with no finding.
    expect(parseErrors(body('**_'.repeat(3_000)))).toEqual([]);
    // Thousands of reference definitions and uses, one per line.
    const refs = Array.from({ length: 5_000 }, (_, i) => `[r${i}]`).join('\n\n') + '\n\n' + Array.from({ length: 5_000 }, (_, i) => `[r${i}]: https://example.com/${i}`).join('\n');
    const article = parseArticle(body(refs));
    expect(article.diagnostics).toEqual([]);
    expect(article.links).toHaveLength(5_000);
    expect(article.links[4_999]).toMatchObject({ href: 'https://example.com/4999', origin: 'reference' });
  });

  it('thousands of links on one line: parsed, linted and built', async () => {
    const links = Array.from({ length: 4_000 }, (_, i) => `[l${i}](https://example.com/p${i})`).join(' ');
    const box = sandbox({ 'links.md': selfhelp('ManyLinks', `# Title\n\n${links}\n`) });
    const article = parseArticle(readFileSync(join(box.root, 'links.md'), 'utf8'));
    expect(article.links).toHaveLength(4_000);
    expect(article.links[3_999]!.range.start).toMatchObject({ line: HEAD_LINES + 3 });
    const run = await lintTree(box.root, ['links.md']);
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'parse')).toEqual([]);
    const build = await buildTree(box);
    expect(build.articles).toBe(1);
    const catalog = JSON.parse(readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8')) as { articles: { links: unknown[] }[] };
    expect(catalog.articles[0]!.links).toHaveLength(4_000);
    // Over 10,000 inline delimiters in the paragraph: refused by the guard.
    const more = Array.from({ length: 6_000 }, (_, i) => `[l${i}](https://example.com/p${i})`).join(' ');
    expect(parseErrors(selfhelp('More', `# Title\n\n${more}\n`))).toEqual([['markdown-too-deep', HEAD_LINES + 3]]);
  });
  it('bodies the parser refused, and raw HTML nested thousands deep, are build errors: no crash, no empty page', async () => {
    const box = sandbox({
      'articles/deep-html.md': selfhelp('DeepHtml', `# Title\n\n${Array.from({ length: 3_000 }, () => '<div>').join('\n\n')}\n\ntext\n`),
      'articles/deep-inline.md': selfhelp('DeepInline', `# Title\n\n${'<b>'.repeat(3_000)}text\n`),
      'articles/deep-list.md': selfhelp('DeepList', `# Title\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`),
      'articles/ok.md': selfhelp('Ok', '# Title\n\n<div><div>fine</div></div>\n'),
      'includes/deep.md': `${'>'.repeat(500)} quoted\n`,
      'articles/includes-deep.md': selfhelp('IncludesDeep', '# Title\n\n[!INCLUDE [deep](../includes/deep.md)]\n'),
    });
    const build = await buildTree(box, ['articles']);
    expect(build.invalid.map((a) => [a.path, a.errors.map((e) => [e.code, e.file, e.line])])).toEqual([
      ['articles/deep-html.md', [['body-too-complex', 'articles/deep-html.md', 1]]],
      ['articles/deep-inline.md', [['body-too-complex', 'articles/deep-inline.md', 1]]],
      ['articles/deep-list.md', [['body-too-complex', 'articles/deep-list.md', HEAD_LINES + 3 + 100]]],
      ['articles/includes-deep.md', [['body-too-complex', 'includes/deep.md', 1]]],
    ]);
    expect(build.invalid[0]!.errors[0]!.message).toBe('The body nests too deeply to render (raw HTML nested thousands of levels deep).');
    expect(build.invalid[2]!.errors[0]!.message).toBe('Containers (block quotes, lists) nest too deeply; the body was not parsed as Markdown. (markdown-too-deep)');
    expect(build.articles).toBe(1);
  });
});
