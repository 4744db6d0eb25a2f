import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, presetSeverity, validateConfig, type LoadConfigOptions } from '@selfhelp/lint';
import { dupId, needsTitle, noFoo, noWord, tempTree, testRules } from './helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function tree(files: Record<string, string>) {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}
const load = (o: LoadConfigOptions) => loadConfig({ builtInRules: false, pluginModules: [testRules], ...o });

async function configError(dir: string, text: string): Promise<string> {
  writeFileSync(join(dir, 'selfhelp.config.json'), text);
  try {
    await load({ cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replaceAll(dir, '<dir>');
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the recommended preset without a config file', async () => {
    const dir = tree({});
    const config = await load({ cwd: dir });
    expect(config.file).toBeUndefined();
    expect(config.root).toBeUndefined();
    expect(config.rulesFor(join(dir, 'a.md')).rules.map((r) => [r.id, r.severity])).toEqual([
      ['dup-id', 2],
      ['needs-title', 1],
      ['no-foo', 2],
      ['parse', 2],
      ['squeeze', 1],
      ['unused-disable', 1],
    ]);
  });

  it('finds the config upward, applies strict, rules, options and overrides in order', async () => {
    const dir = tree({
      'selfhelp.config.json': JSON.stringify({
        extends: 'strict',
        rules: { 'no-foo': 'off', 'no-word': ['warning', { word: 'banana' }] },
        overrides: [
          { files: 'articles/legacy/**', rules: { 'needs-title': 'off', 'no-word': 'error' } },
          { files: ['**/*.md'], excludedFiles: 'articles/legacy/**', rules: { 'no-foo': 'warning' } },
        ],
      }),
      'articles/sub/.keep': '',
    });
    const config = await load({ cwd: join(dir, 'articles/sub') });
    expect(config.file).toBe(join(dir, 'selfhelp.config.json'));
    expect(config.root).toBe(dir);
    const plain = config.rulesFor(join(dir, 'articles/a.md'));
    expect(plain.rules.map((r) => [r.id, r.severity, r.options])).toEqual([
      ['dup-id', 2, undefined],
      ['needs-title', 2, undefined],
      ['no-foo', 1, undefined],
      ['no-word', 1, { word: 'banana' }],
      ['parse', 2, undefined],
      ['squeeze', 2, undefined],
      ['unused-disable', 2, undefined],
    ]);
    const legacy = config.rulesFor(join(dir, 'articles/legacy/old.md'));
    // severity-only settings keep the options given before
    expect(legacy.byId.get('no-word')).toEqual({ id: 'no-word', severity: 2, options: { word: 'banana' } });
    expect(legacy.byId.has('needs-title')).toBe(false);
    expect(legacy.byId.has('no-foo')).toBe(false);
    expect(legacy.key).not.toBe(plain.key);
    expect(config.rulesFor(join(dir, 'articles/b.md')).key).toBe(plain.key);
  });

  it('presets: strict turns warnings into errors unless strictSeverity says otherwise', () => {
    expect(presetSeverity(needsTitle.meta, 'recommended')).toBe('warning');
    expect(presetSeverity(needsTitle.meta, 'strict')).toBe('error');
    expect(presetSeverity({ ...needsTitle.meta, strictSeverity: 'warning' }, 'strict')).toBe('warning');
    expect(presetSeverity(noWord.meta, 'strict')).toBe('off');
    expect(presetSeverity(noFoo.meta, 'none')).toBe('off');
  });

  it('loads plugins relative to the config file', async () => {
    const dir = tree({
      'selfhelp.config.json': JSON.stringify({ extends: 'none', plugins: ['./team-rules.mjs'], rules: { 'team-rule': 'error' } }),
      'team-rules.mjs': `export const rules = [{ meta: { id: 'team-rule', description: 'd', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } }, check() {} }];`,
    });
    const config = await loadConfig({ cwd: dir, builtInRules: false });
    expect(config.registry.rules.has('team-rule')).toBe(true);
    expect(config.rulesFor(join(dir, 'x.md')).rules.map((r) => r.id)).toEqual(['team-rule']);
  });

  it('loads a plugin by package name from the config folder\'s node_modules', async () => {
    const rule = `{ meta: { id: 'pkg-rule', description: 'd', category: 'content', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } }, check() {} }`;
    const dir = tree({
      'selfhelp.config.json': JSON.stringify({ plugins: ['selfhelp-plugin-team'] }),
      'node_modules/selfhelp-plugin-team/package.json': JSON.stringify({ name: 'selfhelp-plugin-team', type: 'module', main: 'index.js' }),
      'node_modules/selfhelp-plugin-team/index.js': `export default [${rule}];`,
    });
    const config = await loadConfig({ cwd: dir, builtInRules: false });
    expect(config.rulesFor(join(dir, 'a.md')).rules.map((r) => r.id)).toEqual(['parse', 'pkg-rule', 'unused-disable']);
    await expect(loadConfig({ cwd: dir, builtInRules: false, config: { plugins: ['selfhelp-plugin-missing'] } })).rejects.toThrow(/^config: plugin "selfhelp-plugin-missing" could not be loaded: /);
  });

  it('an explicit --config file that does not exist is an error', async () => {
    const dir = tree({});
    await expect(load({ cwd: dir, configFile: 'nope.json' })).rejects.toThrow(`config file not found: ${join(dir, 'nope.json')}`);
  });

  it('gives one clear line for each kind of bad config', async () => {
    const dir = tree({});
    expect(await configError(dir, '{\n  "rules": {\n    "no-foo": "error",\n  }\n}')).toMatch(/^<dir>\/selfhelp\.config\.json: invalid JSON at line 4, column 3: /);
    expect(await configError(dir, '[]')).toBe('<dir>/selfhelp.config.json: expected a JSON object, got an array');
    expect(await configError(dir, '{"rule": {}}')).toBe(
      '<dir>/selfhelp.config.json: unknown key "rule" (did you mean "rules"?); allowed: extends, root, rules, overrides, ignores, gitignore, plugins, maxFileSize, timeBudget, links',
    );
    expect(await configError(dir, '{"extends": "eslint:recommended"}')).toBe('<dir>/selfhelp.config.json: extends: expected "recommended", "strict" or "none", got "eslint:recommended"');
    expect(await configError(dir, '{"rules": {"no-foo": "warn"}}')).toBe('<dir>/selfhelp.config.json: rules.no-foo: expected "error", "warning" or "off", got "warn" (did you mean "warning"?)');
    expect(await configError(dir, '{"rules": {"no-foo": 2}}')).toBe('<dir>/selfhelp.config.json: rules.no-foo: expected "error", "warning" or "off", got 2 (did you mean "error"?)');
    expect(await configError(dir, '{"rules": {"no-fo": "error"}}')).toBe('<dir>/selfhelp.config.json: rules.no-fo: unknown rule (did you mean "no-foo"?); run `selfhelp rules` for the list');
    expect(await configError(dir, '{"rules": {"no-word": ["error", {"word": ""}]}}')).toBe('<dir>/selfhelp.config.json: rules.no-word: invalid options: /word must NOT have fewer than 1 characters');
    expect(await configError(dir, '{"rules": {"no-foo": ["error", {"x": 1}]}}')).toBe('<dir>/selfhelp.config.json: rules.no-foo: this rule takes no options');
    expect(await configError(dir, '{"overrides": [{"rules": {}}]}')).toBe('<dir>/selfhelp.config.json: overrides[0]: "files" is required');
    expect(await configError(dir, '{"overrides": [{"files": [], "rules": {}}]}')).toBe('<dir>/selfhelp.config.json: overrides[0].files: expected a glob or a non-empty array of globs, got an array');
    expect(await configError(dir, '{"overrides": [{"files": "*.md", "rules": {"nope": "off"}}]}')).toBe(
      '<dir>/selfhelp.config.json: overrides[0].rules.nope: unknown rule; run `selfhelp rules` for the list',
    );
    expect(await configError(dir, '{"ignores": "drafts/**"}')).toBe('<dir>/selfhelp.config.json: ignores: expected an array of strings, got "drafts/**"');
    expect(await configError(dir, '{"plugins": ["./missing.mjs"]}')).toBe(`<dir>/selfhelp.config.json: plugin "./missing.mjs" not found at <dir>/missing.mjs`);
    expect(await configError(dir, '{"root": "nowhere"}')).toBe('<dir>/selfhelp.config.json: root: <dir>/nowhere is not a folder');
    expect(await configError(dir, '{"links": ["x"]}')).toBe('<dir>/selfhelp.config.json: links: expected an object of link-checker settings, got an array');
    expect(await configError(dir, '{"maxFileSize": 1.5}')).toBe('<dir>/selfhelp.config.json: maxFileSize: expected a positive whole number of bytes, got 1.5');
    writeFileSync(join(dir, 'empty.mjs'), 'export const x = 1;');
    expect(await configError(dir, '{"plugins": ["./empty.mjs"]}')).toBe(
      '<dir>/selfhelp.config.json: plugin "./empty.mjs" exports no rules (expected `rules` or a default export of rules made with defineRule)',
    );
  });

  it('rejects a plugin rule whose id is already taken', async () => {
    const dir = tree({});
    await expect(loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules, { name: 'again', module: { rules: [dupId] } }] })).rejects.toThrow(
      'rule id "dup-id" from plugin "again" is already defined by plugin "test-rules"',
    );
  });
});

describe('config schema', () => {
  const schema = JSON.parse(readFileSync(new URL('../schemas/config.schema.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);
  const samples: unknown[] = [
    {},
    { $schema: './node_modules/@selfhelp/lint/schemas/config.schema.json', extends: 'strict', root: 'content' },
    { rules: { 'h1-first': 'error', 'no-word': ['warning', { word: 'x' }], solo: ['off'] } },
    { overrides: [{ files: 'a/**', excludedFiles: ['a/b/**'], rules: { x: 'off' } }], ignores: ['drafts/**'], gitignore: false, plugins: ['./p.mjs'], maxFileSize: 10 },
    [],
    { extends: 'all' },
    { rules: { 'h1-first': 'warn' } },
    { rules: { 'h1-first': ['error', {}, 'extra'] } },
    { rules: { H1: 'error' } },
    { overrides: [{ files: '*.md' }] },
    { overrides: [{ files: [], rules: {} }] },
    { overrides: [{ files: 'x', rules: {}, other: 1 }] },
    { ignores: [''] },
    { plugins: 'x' },
    { gitignore: 'yes' },
    { maxFileSize: 0 },
    { root: '' },
    { unknown: true },
    { links: { perHostConcurrency: 4, accept: ['200-299', 403], remap: [{ pattern: '^http:', replacement: 'https:' }] } },
    { links: [] },
  ];
  it('and the hand-written checks agree on what is valid', () => {
    for (const sample of samples) {
      let handWritten = true;
      try {
        validateConfig(sample);
      } catch {
        handWritten = false;
      }
      expect([JSON.stringify(sample), validate(sample)]).toEqual([JSON.stringify(sample), handWritten]);
    }
  });
});

describe('code fingerprint', () => {
  it("covers this package's own code, the parser, the schemas, the rules and the links helpers", async () => {
    const { codePackages } = await import('../src/config/load.js');
    const { readFileSync: read } = await import('node:fs');
    const names = codePackages(true)!.map((dir) => (JSON.parse(read(join(dir, 'package.json'), 'utf8')) as { name: string }).name);
    expect(names).toEqual(['@selfhelp/lint', '@selfhelp/core', '@selfhelp/schema', '@selfhelp/rules', '@selfhelp/links']);
    expect(codePackages(false)!.length).toBe(3);
  });

  it('covers the TypeScript sources only when they are what runs (the tests), not from the build', async () => {
    const fromSources = await import('../src/config/load.js');
    expect(fromSources.CODE_FOLDERS).toEqual(['dist', 'src', 'generated']);
    const built = (await import(new URL('../dist/config/load.js', import.meta.url).href)) as typeof fromSources;
    expect(built.CODE_FOLDERS).toEqual(['dist', 'generated']);
  });

  it('takes every code file, CommonJS included (the generated validators), and no declaration or other file', async () => {
    const { codeFilesUnder } = await import('../src/config/load.js');
    const t = tempTree({ 'a.js': '', 'b.cjs': '', 'c.mjs': '', 'd.ts': '', 'e.d.ts': '', 'f.json': '{}', 'g.md': '', 'h.js.map': '', 'sub/deeper/i.cjs': '' });
    try {
      expect(codeFilesUnder(t.dir).sort()).toEqual(['a.js', 'b.cjs', 'c.mjs', 'd.ts', 'f.json', join('sub', 'deeper', 'i.cjs')]);
    } finally {
      t.cleanup();
    }
  });
});
