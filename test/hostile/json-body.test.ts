// Hostile JSON bodies (the `---` fenced JSON after the H1): nesting deep enough to overflow a
// recursive parser, numbers no double can hold, duplicate keys. Each is a finding with a position;
// the parse and the build go on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { buildTree, cleanupSandboxes, lintTree, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

function at(source: string, needle: string): { line: number; column: number; offset: number } {
  const offset = source.indexOf(needle);
  return { line: source.slice(0, offset).split('\n').length, column: offset - source.lastIndexOf('\n', offset - 1), offset };
}

describe('JSON bodies', () => {
  it('nesting past 256 levels is refused before parsing: one finding, a build error, no stack overflow', async () => {
    const depth = 100_000;
    const deep = selfhelp('DeepJson', `# Title\n\n---\n${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`);
    const objects = selfhelp('DeepObjects', `# Title\n\n---\n${'{"a":'.repeat(300)}1${'}'.repeat(300)}\n---\n`);
    const box = sandbox({ 'deep.md': deep, 'objects.md': objects });
    const article = parseArticle(deep);
    const first = at(deep, '[');
    const tooDeep = { line: first.line, column: first.column + 256, offset: first.offset + 256 };
    expect(article.diagnostics).toEqual([
      {
        code: 'json-too-deep',
        message: 'The JSON body nests deeper than 256 levels; it was not parsed.',
        severity: 'error',
        range: { start: tooDeep, end: { ...tooDeep, column: tooDeep.column + 1, offset: tooDeep.offset + 1 } },
      },
    ]);
    expect(article.jsonBodies[0]!.value).toBeUndefined();
    // 256 levels exactly still parse.
    const ok = parseArticle(selfhelp('Ok', `# Title\n\n---\n${'['.repeat(256)}${']'.repeat(256)}\n---\n`));
    expect(ok.diagnostics).toEqual([]);

    const run = await lintTree(box.root, ['deep.md', 'objects.md']);
    for (const r of run.results) {
      expect(r.messages.filter((m) => m.ruleId === 'parse').map((m) => m.message)).toEqual(['The JSON body nests deeper than 256 levels; it was not parsed.']);
      expect(r.messages.some((m) => m.fatal)).toBe(false);
    }
    const build = await buildTree(box);
    expect(build.invalid.map((a) => [a.path, a.errors.map((e) => [e.code, e.line])])).toEqual([
      ['deep.md', [['json-body-invalid', first.line]]],
      ['objects.md', [['json-body-invalid', first.line]]],
    ]);
  });

  it('numbers out of the double range or past 2^53 are warnings; the value is what JSON readers get', async () => {
    const json = '{"big": 1e999999, "neg": -1e400, "tiny": 1e-999999, "int": 123456789012345678901234567890, "long": ' + '9'.repeat(5000) + ', "ok": 9007199254740991, "float": 0.1}';
    const source = selfhelp('Numbers', `# Title\n\n---\n${json}\n---\n`);
    const article = parseArticle(source);
    const value = article.jsonBodies[0]!.value as Record<string, number>;
    expect(value).toEqual({ big: Infinity, neg: -Infinity, tiny: 0, int: 1.2345678901234568e29, long: Infinity, ok: 9007199254740991, float: 0.1 });
    expect(article.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.column])).toEqual([
      ['json-number-out-of-range', 'warning', 'The number 1e999999 is too large: JSON readers turn it into Infinity (written as null).', at(source, '1e999999').column],
      ['json-number-out-of-range', 'warning', 'The number -1e400 is too large: JSON readers turn it into -Infinity (written as null).', at(source, '-1e400').column],
      ['json-number-out-of-range', 'warning', 'The number 1e-999999 is too small: JSON readers turn it into 0.', at(source, '1e-999999').column],
      ['json-number-precision', 'warning', 'The integer 123456789012345678901234567890 is larger than 2^53 - 1: JSON readers round it to 1.2345678901234568e+29; write it as a string.', at(source, '1234567890').column],
      ['json-number-out-of-range', 'warning', `The number ${'9'.repeat(39)}… is too large: JSON readers turn it into Infinity (written as null).`, at(source, '"long": ').column + 8],
    ]);
    const box = sandbox({ 'numbers.md': source });
    const run = await lintTree(box.root, ['numbers.md']);
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'parse').map((m) => m.data)).toEqual([
      { code: 'json-number-out-of-range' },
      { code: 'json-number-out-of-range' },
      { code: 'json-number-out-of-range' },
      { code: 'json-number-precision' },
      { code: 'json-number-out-of-range' },
    ]);
    const build = await buildTree(box);
    expect(build.written).toBe(true);
    const catalog = readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8');
    expect(catalog).toContain('"body":{"big":null,"neg":null,"tiny":0,"int":1.2345678901234568e+29,"long":null,"ok":9007199254740991,"float":0.1}');
  });

  it('duplicate keys are warnings at each repeat; the last value wins', async () => {
    const json = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3, "__proto__": 1, "__proto__": 2}';
    const source = selfhelp('Duplicates', `# Title\n\n---\n${json}\n---\n`);
    const article = parseArticle(source);
    expect(article.jsonBodies[0]!.value).toEqual(JSON.parse('{"a": 3, "b": {"c": 2}, "__proto__": 2}'));
    const line = at(source, '{"a"').line;
    expect(article.diagnostics.map((d) => [d.code, d.message, d.range.start.line])).toEqual([
      ['json-duplicate-key', 'Duplicate key "c"; the last value is used.', line],
      ['json-duplicate-key', 'Duplicate key "a"; the last value is used.', line],
      ['json-duplicate-key', 'Duplicate key "__proto__"; the last value is used.', line],
    ]);
    expect(article.diagnostics.map((d) => d.range.start.column)).toEqual([at(source, '"c": 2').column, at(source, '"a": 3').column, at(source, '"__proto__": 2').column]);
    const box = sandbox({ 'dup.md': source });
    const run = await lintTree(box.root, ['dup.md']);
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'parse').map((m) => m.message)).toEqual([
      'Duplicate key "c"; the last value is used.',
      'Duplicate key "a"; the last value is used.',
      'Duplicate key "__proto__"; the last value is used.',
    ]);
    await buildTree(box);
    expect(readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8')).toContain('"body":{"a":3,"b":{"c":2},"__proto__":2}');
  });
});
