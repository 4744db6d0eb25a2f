// Hostile YAML frontmatter: alias bombs, unsafe and custom tags, merge keys, enormous scalars and
// deep nesting. `yaml` reads the core schema only (no code-running tags), alias expansion is capped,
// and every key becomes plain own data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { buildTree, cleanupSandboxes, expectPrototypesIntact, learn, lintTree, sandbox } from './helpers.js';

afterAll(cleanupSandboxes);

const BASE = 'title: Hostile YAML\ndescription: A test article.\nauthor: someone\nms.author: someone\nms.service: virtual-machines\nms.topic: overview\nms.date: 03/20/2024';

/** Nine levels of nine-fold aliases: 9^9 strings if expanded without a limit. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i]!;
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

describe('YAML frontmatter', () => {
  it('an alias bomb stops at the alias limit: a finding per key, the value null, nothing expanded', async () => {
    const box = sandbox({ 'bomb.md': learn(`${BASE}\n${ALIAS_BOMB}`, '# Title\n\nBody.\n') });
    const source = readFileSync(join(box.root, 'bomb.md'), 'utf8');
    const article = parseArticle(source);
    const limited = article.diagnostics.filter((d) => d.code === 'yaml-alias-limit');
    // `a` to `c` stay under the limit (c: 729 strings); every key from `d` on is cut off.
    expect(limited.map((d) => [d.range.start.line, d.severity, d.message])).toEqual(
      'defghi'.split('').map((_, i) => [12 + i, 'error', 'YAML: Excessive alias count indicates a resource exhaustion attack']),
    );
    expect(article.frontmatter!.data['i']).toBeNull();
    expect((article.frontmatter!.data['b'] as unknown[]).flat()).toHaveLength(81);
    const run = await lintTree(box.root, ['bomb.md']);
    const parse = run.results[0]!.messages.filter((m) => m.ruleId === 'parse');
    expect(parse.map((m) => [m.line, m.severity])).toEqual('defghi'.split('').map((_, i) => [12 + i, 2]));
    expect(JSON.stringify(run.results).length).toBeLessThan(100_000);
  });

  it('unsafe and custom tags (!!js/function, !!python/object, !custom) are warnings and stay plain data; no code runs', async () => {
    const g = globalThis as Record<string, unknown>;
    const fm = [
      BASE,
      'fn: !!js/function "function () { globalThis.__selfhelpPwned = 1; }"',
      'undef: !!js/undefined ""',
      'regexp: !!js/regexp /(a+)+$/',
      'py: !!python/object/apply:os.system ["touch /tmp/selfhelp-pwned"]',
      'custom: !custom value',
      'binary: !!binary aGVsbG8=',
    ].join('\n');
    const box = sandbox({ 'tags.md': learn(fm, '# Title\n\nBody.\n') });
    const article = parseArticle(readFileSync(join(box.root, 'tags.md'), 'utf8'));
    const data = article.frontmatter!.data;
    expect(data['fn']).toBe('function () { globalThis.__selfhelpPwned = 1; }');
    expect(data['regexp']).toBe('/(a+)+$/');
    expect(data['py']).toEqual(['touch /tmp/selfhelp-pwned']);
    expect(data['custom']).toBe('value');
    expect(typeof data['fn']).toBe('string');
    expect(g['__selfhelpPwned']).toBeUndefined();
    expect(article.diagnostics.filter((d) => d.code === 'yaml-warning').map((d) => [d.range.start.line, d.message])).toEqual([
      [9, 'YAML: Unresolved tag: tag:yaml.org,2002:js/function'],
      [10, 'YAML: Unresolved tag: tag:yaml.org,2002:js/undefined'],
      [11, 'YAML: Unresolved tag: tag:yaml.org,2002:js/regexp'],
      [12, 'YAML: Unresolved tag: tag:yaml.org,2002:python/object/apply:os.system'],
      [13, 'YAML: Unresolved tag: !custom'],
    ]);
    const run = await lintTree(box.root, ['tags.md'], { fix: true });
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'parse' && m.message.startsWith('YAML: Unresolved tag'))).toHaveLength(5);
    expect(g['__selfhelpPwned']).toBeUndefined();
    await buildTree(box);
    expect(g['__selfhelpPwned']).toBeUndefined();
    expectPrototypesIntact();
  });

  it('merge keys are not merged (YAML 1.2): `<<` stays a plain key, even with a __proto__ mapping', async () => {
    const fm = `${BASE}\nbase: &base {x: 1, polluted: no}\nmerged:\n  <<: *base\n  y: 2\n<<: {__proto__: {polluted: yes}, isAdmin: true}`;
    const box = sandbox({ 'merge.md': learn(fm, '# Title\n\nBody.\n') });
    const article = parseArticle(readFileSync(join(box.root, 'merge.md'), 'utf8'));
    const data = article.frontmatter!.data as Record<string, Record<string, unknown>>;
    expect(Object.keys(data['merged']!)).toEqual(['<<', 'y']);
    expect(data['merged']!['x']).toBeUndefined();
    expect(Object.keys(data['<<']!)).toEqual(['__proto__', 'isAdmin']);
    expect(Object.getPrototypeOf(data['<<'])).toBe(Object.prototype);
    expect(data['isAdmin']).toBeUndefined();
    await lintTree(box.root, ['merge.md'], { fix: true });
    await buildTree(box);
    expectPrototypesIntact();
  });

  it('an enormous scalar is read whole, in bounded time, and lint reports the length', async () => {
    const huge = 'x'.repeat(2 << 20);
    const box = sandbox({ 'huge.md': learn(BASE.replace('title: Hostile YAML', `title: ${huge}`), '# Title\n\nBody.\n') });
    const article = parseArticle(readFileSync(join(box.root, 'huge.md'), 'utf8'));
    expect(article.frontmatter!.data['title']).toBe(huge);
    const run = await lintTree(box.root, ['huge.md']);
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'learn-metadata-length').map((m) => [m.line, m.column])).toContainEqual([2, 8]);
  });

  it('deeply nested flow collections are a finding, not a stack overflow', async () => {
    const deep = `${BASE}\nnest: ${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const box = sandbox({ 'deep.md': learn(deep, '# Title\n\nBody.\n') });
    const article = parseArticle(readFileSync(join(box.root, 'deep.md'), 'utf8'));
    // `yaml` catches its own stack overflow and reports it as a syntax error on the line.
    const errors = article.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) expect([d.code, d.range.start.line]).toEqual(['yaml-syntax', 9]);
    expect(article.frontmatter!.data['title']).toBe('Hostile YAML');
    const run = await lintTree(box.root, ['deep.md']);
    expect(run.results[0]!.messages.some((m) => m.fatal)).toBe(false);
    expect(run.results[0]!.messages.filter((m) => m.ruleId === 'parse' && m.severity === 2).length).toBeGreaterThan(0);
  });
  it('collection keys (`? [a, b]`) become string keys quietly: no Node warning on stderr, plain data', async () => {
    const emit = vi.spyOn(process, 'emitWarning');
    const warn = vi.spyOn(console, 'warn');
    try {
      const fm = `${BASE}\n? [a, b]\n: top\nnested:\n  ? {x: 1}\n  : inner\n  ? [ ]\n  : empty`;
      const box = sandbox({ 'keys.md': learn(fm, '# Title\n\nBody.\n') });
      const article = parseArticle(readFileSync(join(box.root, 'keys.md'), 'utf8'));
      const data = article.frontmatter!.data;
      expect(Object.keys(data)).toContain('a,b');
      expect(Object.keys(data['nested'] as object)).toEqual(['{ x: 1 }', '[]']);
      await lintTree(box.root, ['keys.md']);
      expect(emit).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      emit.mockRestore();
      warn.mockRestore();
    }
  });
});
