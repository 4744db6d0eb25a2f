// Prototype pollution: `__proto__`, `constructor` and `prototype` as `<properties>` attribute names,
// YAML keys (top level and nested) and JSON body keys. After parse, lint (with the cache, twice),
// fix and build, Object.prototype is untouched, and the keys survive as plain own data in the model
// and in the catalog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { lintFiles, loadConfig } from '@selfhelp/lint';
import { buildTree, cleanupSandboxes, expectPrototypesIntact, fixTree, learn, runCli, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

const JSON_BODY = '{"__proto__": {"polluted": "json"}, "constructor": {"prototype": {"polluted": "json-ctor"}}, "prototype": {"isAdmin": true}, "nested": [{"__proto__": {"x": 1}}]}';

const FILES = {
  'articles/props.md': selfhelp('ProtoProps', '# Title\n\nBody with a foo link [here](https://example.com).\n', '\n  __proto__="polluted-props"\n  constructor="ctor"\n  prototype="proto"\n  toString="str"\n  hasOwnProperty="own"'),
  'articles/json.md': selfhelp('ProtoJson', `# Title\n\n---\n${JSON_BODY}\n---\n`),
  'articles/learn.md': learn(
    'title: Proto keys\n__proto__:\n  polluted: yaml\nconstructor:\n  prototype:\n    polluted: yaml-ctor\nprototype: {isAdmin: true}\nnested:\n  __proto__: {polluted: nested}\n  list: [{__proto__: {y: 1}}]',
    '# Title\n\nBody.\n',
  ),
};

function ownKeys(value: unknown): string[] {
  return Object.keys(value as object);
}

describe('prototype pollution', () => {
  it('the keys are plain own data in the article model', () => {
    const props = parseArticle(FILES['articles/props.md']);
    expect(props.properties!.attributes.map((a) => a.key)).toContain('__proto__');
    expect(props.metadata.filter((f) => ['__proto__', 'constructor', 'prototype'].includes(f.key)).map((f) => [f.key, f.value])).toEqual([
      ['__proto__', 'polluted-props'],
      ['constructor', 'ctor'],
      ['prototype', 'proto'],
    ]);

    const json = parseArticle(FILES['articles/json.md']).jsonBodies[0]!.value as Record<string, unknown>;
    expect(ownKeys(json)).toEqual(['__proto__', 'constructor', 'prototype', 'nested']);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(json, '__proto__')!.value).toEqual({ polluted: 'json' });
    const nested = (json['nested'] as Record<string, unknown>[])[0]!;
    expect(ownKeys(nested)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);

    const fm = parseArticle(FILES['articles/learn.md']).frontmatter!.data;
    expect(ownKeys(fm)).toEqual(['title', '__proto__', 'constructor', 'prototype', 'nested']);
    expect(Object.getOwnPropertyDescriptor(fm, '__proto__')!.value).toEqual({ polluted: 'yaml' });
    const yamlNested = fm['nested'] as Record<string, unknown>;
    expect(ownKeys(yamlNested)).toEqual(['__proto__', 'list']);
    expect(Object.getPrototypeOf(yamlNested)).toBe(Object.prototype);
    expect(ownKeys((yamlNested['list'] as unknown[])[0])).toEqual(['__proto__']);
    expectPrototypesIntact();
  });

  it('Object.prototype is untouched after lint (cold and cached), fix and build; the catalog keeps the keys as data', async () => {
    const box = sandbox(FILES);
    // Lint twice with a cache (summaries and findings go through JSON and back), then fix and build.
    const config = await loadConfig({ cwd: box.root, config: { root: '.', gitignore: false } });
    const paths = Object.keys(FILES).map((p) => join(box.root, p));
    const cacheLocation = join(box.base, '.selfhelpcache');
    const cold = await lintFiles(paths, { config, cwd: box.root, cacheLocation, concurrency: 'off' });
    const warm = await lintFiles(paths, { config, cwd: box.root, cacheLocation, concurrency: 'off' });
    expect(warm.stats.cached).toBe(3);
    expect(warm.results).toEqual(cold.results);
    expectPrototypesIntact();
    const props = cold.results.find((r) => r.filePath.endsWith('props.md'))!;
    expect(props.messages.filter((m) => m.ruleId === 'metadata-unknown-key').map((m) => m.message)).toEqual([
      '__proto__: unknown key',
      'constructor: unknown key',
      'prototype: unknown key',
      'toString: unknown key',
      'hasOwnProperty: unknown key',
    ]);

    await fixTree(box.root, Object.keys(FILES));
    expectPrototypesIntact();

    const build = await buildTree(box, ['articles']);
    expect(build.written).toBe(true);
    expectPrototypesIntact();
    const text = readFileSync(join(box.base, 'out', 'catalog.json'), 'utf8');
    const catalog = JSON.parse(text) as { articles: { id: string; metadata: Record<string, unknown>; body: unknown }[] };
    const byId = new Map(catalog.articles.map((a) => [a.id, a]));
    const meta = byId.get('ProtoProps')!.metadata;
    expect(Object.getOwnPropertyDescriptor(meta, '__proto__')!.value).toBe('polluted-props');
    expect(meta['constructor']).toBe('ctor');
    expect(meta['prototype']).toBe('proto');
    expect(meta['toString']).toBe('str');
    expect(text).toContain('"__proto__":"polluted-props","constructor":"ctor","prototype":"proto","toString":"str","hasOwnProperty":"own"');
    expect(text).toContain('"body":{"__proto__":{"polluted":"json"},"constructor":{"prototype":{"polluted":"json-ctor"}},"prototype":{"isAdmin":true},"nested":[{"__proto__":{"x":1}}]}');
    expectPrototypesIntact();
  });

  it('the selfhelp CLI (lint --fix, build) leaves the prototypes untouched', async () => {
    const box = sandbox(FILES);
    const lint = await runCli(box.root, 'lint', '--no-cache', '--concurrency', 'off', '--format', 'json', '--fix', 'articles');
    expect(lint.code).toBe(1);
    const report = JSON.parse(lint.stdout) as { filePath: string }[];
    expect(report).toHaveLength(3);
    const build = await runCli(box.root, 'build', '--no-cache', '--concurrency', 'off', '--out', join(box.base, 'dist'), 'articles');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expectPrototypesIntact();
  });
});
