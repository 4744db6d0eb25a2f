// Encodings: invalid UTF-8, UTF-16 with a byte order mark (LE and BE), binary files with a `.md`
// name, empty files and CR-only line endings. What selfhelp does: UTF-16 with a BOM is decoded (the
// mark says so unambiguously) and read like the UTF-8 file; invalid UTF-8 is an `encoding-invalid`
// error at the first bad byte; NUL characters are `binary-content` (not a text file); an empty file
// is an empty fragment; CR-only files get the same lines and columns as LF ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, parseArticle, sniffEncoding } from '@selfhelp/core';
import { cleanupSandboxes, runCli, sandbox, selfhelp } from './helpers.js';

export const TEXT = selfhelp('Encoded', '# Café résumé\n\nNaïve text with “quotes” and 日本語.\n\n## **Recommended Steps**\n\n- [Docs](https://example.com)\n');

export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** The UTF-8 text (or bytes) with invalid bytes spliced in after `marker`. */
export function invalidUtf8(text: string | Buffer, marker: string, bytes: number[]): Buffer {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const at = raw.indexOf(marker) + Buffer.byteLength(marker);
  return Buffer.concat([raw.subarray(0, at), Buffer.from(bytes), raw.subarray(at)]);
}

/** A small PNG-like binary with a `.md` name. */
export const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xff, 0xd8, 0x00, 0x10]);

function modelOf(source: string) {
  const a = parseArticle(source, { path: 'a.md' });
  return { kind: a.kind, attributes: a.properties?.attributes.map((x) => [x.key, x.value]), headings: a.headings.map((h) => [h.text, h.range.start.line]), links: a.links.map((l) => l.href), diagnostics: a.diagnostics };
}

describe('encodings: decoding and parsing', () => {
  it('UTF-16 LE and BE with a byte order mark decode to the same article as UTF-8', () => {
    expect(sniffEncoding(utf16le(TEXT))).toBe('utf-16le');
    expect(sniffEncoding(utf16be(TEXT))).toBe('utf-16be');
    expect(sniffEncoding(Buffer.from(TEXT))).toBe('utf-8');
    expect(decodeText(utf16le(TEXT))).toBe(TEXT);
    expect(decodeText(utf16be(TEXT))).toBe(TEXT);
    expect(modelOf(decodeText(utf16le(TEXT)))).toEqual(modelOf(TEXT));
    expect(modelOf(TEXT).diagnostics).toEqual([]);
    // A UTF-8 BOM is kept as U+FEFF for parseArticle to record.
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toBe(`\uFEFF${TEXT}`);
  });

  it('invalid UTF-8 is an encoding-invalid error at the first bad byte, counting the others', () => {
    const bytes = invalidUtf8(invalidUtf8(TEXT, 'Naïve', [0xc3, 0x28]), 'quotes', [0xff, 0xfe, 0xfd]);
    const text = decodeText(bytes);
    const first = text.indexOf('\uFFFD');
    expect(first).toBe(TEXT.indexOf('Naïve') + 5);
    const article = parseArticle(text);
    const line = text.slice(0, first).split('\n').length;
    expect(article.diagnostics).toEqual([
      {
        code: 'encoding-invalid',
        message: 'Not valid UTF-8: a U+FFFD replacement character (4 in the file) stands for bytes that could not be read; save the file as UTF-8.',
        severity: 'error',
        range: { start: { line, column: 6, offset: first }, end: { line, column: 7, offset: first + 1 } },
      },
    ]);
  });

  it('a binary file with a .md name is binary-content at the first NUL', () => {
    const article = parseArticle(decodeText(BINARY), { path: 'image.md' });
    expect(article.kind).toBe('fragment');
    const errors = article.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.message, d.range.start.line, d.range.start.column])).toEqual([
      ['encoding-invalid', 'Not valid UTF-8: a U+FFFD replacement character (3 in the file) stands for bytes that could not be read; save the file as UTF-8.', 1, 1],
      ['binary-content', 'The file holds 7 NUL characters: it is not a text file.', 3, 1],
    ]);
  });

  it('an empty file is an empty fragment without diagnostics', () => {
    for (const text of ['', decodeText(Buffer.alloc(0)), '\uFEFF', decodeText(Buffer.from([0xff, 0xfe]))]) {
      const article = parseArticle(text, { path: 'empty.md' });
      expect([article.kind, article.diagnostics, article.tree.children, article.source]).toEqual(['fragment', [], [], '']);
    }
  });

  it('CR-only line endings give the same lines and columns as LF', () => {
    const cr = parseArticle(TEXT.replace(/\n/g, '\r'));
    expect(cr.eol).toBe('\r');
    const lf = parseArticle(TEXT);
    const shape = (a: ReturnType<typeof parseArticle>) => ({
      attributes: a.properties!.attributes.map((x) => [x.key, x.value, x.keyRange.start.line, x.keyRange.start.column]),
      headings: a.headings.map((h) => [h.text, h.range.start.line, h.range.start.column, h.range.end.line, h.range.end.column]),
      links: a.links.map((l) => [l.href, l.range.start.line, l.range.start.column]),
      diagnostics: a.diagnostics,
    });
    expect(shape(cr)).toEqual(shape(lf));
  });
});

describe('encodings: selfhelp lint and selfhelp build', () => {
  afterAll(cleanupSandboxes);

  function encodingSandbox() {
    return sandbox({
      'articles/utf8.md': TEXT.replaceAll('Encoded', 'Utf8'),
      'articles/utf16le.md': utf16le(TEXT.replaceAll('Encoded', 'Utf16le')),
      'articles/utf16be.md': utf16be(TEXT.replaceAll('Encoded', 'Utf16be')),
      'articles/cr.md': TEXT.replaceAll('Encoded', 'CrOnly').replace(/\n/g, '\r'),
      'articles/invalid.md': invalidUtf8(TEXT.replaceAll('Encoded', 'Invalid'), 'Naïve', [0xc3, 0x28]),
      'articles/binary.md': BINARY,
      'articles/empty.md': '',
    });
  }

  it('lint: UTF-16 and CR-only files read like UTF-8; invalid UTF-8 and binary files are errors with a position', async () => {
    const box = encodingSandbox();
    const { code, stdout } = await runCli(box.root, 'lint', '--no-cache', '--concurrency', 'off', '--format', 'json', 'articles');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; message: string; line: number; column: number; fatal?: boolean }[] }[];
    const byName = new Map(report.map((r) => [r.filePath.split('/').pop()!, r.messages]));
    const utf8 = byName.get('utf8.md')!.map((m) => [m.ruleId, m.line, m.column]);
    expect(utf8.length).toBeGreaterThan(0);
    for (const name of ['utf16le.md', 'utf16be.md', 'cr.md']) expect(byName.get(name)!.map((m) => [m.ruleId, m.line, m.column]), name).toEqual(utf8);
    const invalid = byName.get('invalid.md')!.filter((m) => m.ruleId === 'parse');
    expect(invalid.map((m) => [m.message, m.line, m.column])).toEqual([
      ['Not valid UTF-8: a U+FFFD replacement character stands for bytes that could not be read; save the file as UTF-8.', 11, 6],
    ]);
    const binary = byName.get('binary.md')!;
    expect(binary.filter((m) => m.ruleId === 'parse').map((m) => [m.message, m.line, m.column])).toEqual([
      ['Not valid UTF-8: a U+FFFD replacement character (3 in the file) stands for bytes that could not be read; save the file as UTF-8.', 1, 1],
      ['The file holds 7 NUL characters: it is not a text file.', 3, 1],
    ]);
    expect(byName.get('empty.md')).toEqual([]);
    expect(report.every((r) => r.messages.every((m) => !m.fatal || !/crash|failed/i.test(m.message)))).toBe(true);
  });

  it('lint --fix rewrites nothing it cannot read back: the binary and invalid files stay byte-identical', async () => {
    const box = encodingSandbox();
    await runCli(box.root, 'lint', '--no-cache', '--concurrency', 'off', '--fix', 'articles');
    expect(readFileSync(join(box.root, 'articles/binary.md'))).toEqual(BINARY);
    expect(readFileSync(join(box.root, 'articles/invalid.md'))).toEqual(invalidUtf8(TEXT.replaceAll('Encoded', 'Invalid'), 'Naïve', [0xc3, 0x28]));
  });

  it('build: UTF-16 and CR-only articles compile like UTF-8; invalid UTF-8 and binary files are build errors; an empty file is left out', async () => {
    const box = encodingSandbox();
    const out = join(box.base, 'out');
    const cli = await runCli(box.root, 'build', '--no-cache', '--concurrency', 'off', '--skip-invalid', '--format', 'json', '--out', out, 'articles');
    expect(cli.code).toBe(0);
    const result = JSON.parse(cli.stdout) as { invalid: { path: string; errors: { code: string; line: number; column: number }[] }[]; excluded: { fragment: string[] } };
    expect(result.invalid.map((a) => [a.path, a.errors.map((e) => [e.code, e.line, e.column])])).toEqual([
      ['articles/binary.md', [['file-unreadable', 1, 1], ['file-unreadable', 3, 1]]],
      ['articles/invalid.md', [['file-unreadable', 11, 6]]],
    ]);
    expect(result.excluded.fragment).toEqual(['articles/empty.md']);
    const catalog = JSON.parse(readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8')) as { articles: { id: string; html: string; title: string }[] };
    const html = new Map(catalog.articles.map((a) => [a.id, a.html]));
    expect([...html.keys()]).toEqual(['CrOnly', 'Utf16be', 'Utf16le', 'Utf8']);
    for (const id of ['CrOnly', 'Utf16be', 'Utf16le']) expect(html.get(id)).toBe(html.get('Utf8'));
    expect(catalog.articles[0]!.title).toBe('Café résumé');
  });
});
