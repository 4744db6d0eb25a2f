import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintFiles, loadConfig, virtualSource, writeFixes, type SelfhelpConfig } from '@selfhelp/lint';
import lintBatch from '@selfhelp/lint/worker';
import { article, tempTree, testRules } from './helpers.js';

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

async function config(cwd: string, inline: SelfhelpConfig = {}) {
  return loadConfig({ cwd, config: inline, builtInRules: false, pluginModules: [testRules] });
}

describe('lintFiles', () => {
  it('runs rules once per file and reports ESLint-shaped results in path order', async () => {
    const dir = tree({
      'articles/b.md': article('b', '# Title\n\nSome foo here.\n'),
      'articles/a.md': article('a', 'No heading.\n'),
    });
    const cfg = await config(dir);
    const run = await lintFiles([join(dir, 'articles/b.md'), join(dir, 'articles/a.md')], { config: cfg, cwd: dir });
    expect(run.results.map((r) => r.filePath)).toEqual([join(dir, 'articles/a.md'), join(dir, 'articles/b.md')]);
    expect(run.results[0]).toEqual({
      filePath: join(dir, 'articles/a.md'),
      messages: [{ ruleId: 'needs-title', severity: 1, message: 'No H1.', line: 5, column: 3, endLine: 8, endColumn: 1 }],
      errorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    expect(run.results[1]!.messages).toEqual([
      { ruleId: 'no-foo', severity: 2, message: 'Unexpected foo.', line: 9, column: 6, endLine: 9, endColumn: 9, fix: { range: [94, 97], text: 'bar' } },
    ]);
    expect(run.results[1]!.fixableErrorCount).toBe(1);
  });
});

describe('inline directives', () => {
  it('disable/enable blocks, next-line, line, lists of ids, and unused disables', async () => {
    const body = [
      '# Title', // 7
      '',
      'foo one', // 9
      '<!-- selfhelp-disable no-foo -->', // 10
      'foo two', // 11
      '<!-- selfhelp-enable no-foo -->', // 12
      'foo three', // 13
      '<!-- selfhelp-disable-next-line squeeze, no-foo -- legacy text -->', // 14
      'foo four xx', // 15
      'foo five <!-- selfhelp-disable-line -->', // 16
      '<!-- selfhelp-disable-next-line needs-title -->', // 17
      'plain', // 18
      '<!-- selfhelp-disable -->', // 19
      '',
    ].join('\n');
    const dir = tree({ 'a.md': article('a', body) });
    const run = await lintFiles([join(dir, 'a.md')], { config: await config(dir), cwd: dir });
    expect(run.results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      '9:1 no-foo Unexpected foo.',
      '13:1 no-foo Unexpected foo.',
      "17:1 unused-disable Unused selfhelp-disable directive (no problems were reported from 'needs-title').",
      '19:1 unused-disable Unused selfhelp-disable directive (no problems were reported).',
    ]);
  });

  it('ignores directive-like text in code blocks, and reports through the severity configured', async () => {
    const body = '# T\n\n```md\n<!-- selfhelp-disable -->\n```\n\nfoo\n<!-- selfhelp-disable-next-line no-foo -->\nok\n';
    const dir = tree({ 'a.md': article('a', body) });
    const run = await lintFiles([join(dir, 'a.md')], { config: await config(dir, { rules: { 'unused-disable': 'error' } }), cwd: dir });
    expect(run.results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`)).toEqual(['13:1 2 no-foo', '14:1 2 unused-disable']);
  });

  it('can disable cross-article findings, and does not call a disable that suppresses one unused', async () => {
    const dir = tree({
      'articles/a.md': article('same', '<!-- selfhelp-disable dup-id -->\n# A\n'),
      'articles/b.md': article('same', '# B\n'),
    });
    const run = await lintFiles([join(dir, 'articles/a.md'), join(dir, 'articles/b.md')], { config: await config(dir), cwd: dir });
    expect(run.results[0]!.messages).toEqual([]);
    expect(run.results[1]!.messages).toEqual([
      { ruleId: 'dup-id', severity: 2, message: 'articleId "same" is also used by articles/a.md.', line: 3, column: 14, endLine: 3, endColumn: 18 },
    ]);
  });
});

describe('cross-article rules', () => {
  it('see the whole tree under the content root even when one file is linted, minus ignores', async () => {
    const dir = tree({
      'selfhelp.config.json': JSON.stringify({ ignores: ['drafts/**'] }),
      'articles/one.md': article('dup', '# One\n'),
      'articles/deep/two.md': article('dup', '# Two\n'),
      'drafts/three.md': article('dup', '# Three\n'),
      '.gitignore': 'generated/\n',
      'generated/four.md': article('dup', '# Four\n'),
    });
    // An inline config (no file): no ignores but .gitignore.
    const run = await lintFiles([join(dir, 'articles/one.md')], { config: await config(dir, {}), cwd: dir });
    expect(run.results).toHaveLength(1);
    expect(run.results[0]!.messages.map((m) => m.message)).toEqual(['articleId "dup" is also used by articles/deep/two.md, drafts/three.md.']);
    const configured = await loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules] });
    const again = await lintFiles([join(dir, 'articles/one.md')], { config: configured, cwd: dir });
    expect(again.results[0]!.messages.map((m) => m.message)).toEqual(['articleId "dup" is also used by articles/deep/two.md.']);
    expect(again.stats.summarized).toBe(1);
  });

  it('a stray file outside any project (no config, no articles folder, no git) is checked only against the files linted with it', async () => {
    const dir = tree({ 'a.md': article('same', '# A\n'), 'b.md': article('same', '# B\n') });
    const alone = await lintFiles([join(dir, 'a.md')], { config: await config(dir), cwd: dir });
    expect(alone.results[0]!.messages).toEqual([]);
    const both = await lintFiles([join(dir, 'a.md'), join(dir, 'b.md')], { config: await config(dir), cwd: dir });
    expect(both.results.map((r) => r.messages.map((m) => m.message))).toEqual([['articleId "same" is also used by b.md.'], ['articleId "same" is also used by a.md.']]);
  });

  it('lint a virtual tree: given texts and a virtual source instead of the disk', async () => {
    const dir = tree({ 'articles/a.md': article('a', '# On disk\n') });
    const files = new Map([
      [join(dir, 'articles/a.md'), article('x', 'staged foo\n')],
      [join(dir, 'articles/b.md'), article('x', '# B\n')],
    ]);
    const run = await lintFiles([{ path: 'articles/a.md', text: files.get(join(dir, 'articles/a.md'))! }], {
      config: await config(dir),
      cwd: dir,
      source: virtualSource(files),
    });
    expect(run.results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:14 dup-id', '5:3 needs-title', '7:8 no-foo']);
  });
});

describe('fixes', () => {
  it('applies fixes in passes until stable and reports what is left on the final text', async () => {
    const text = article('a', '# T\n\nxxxx and foo, foo\n');
    const dir = tree({ 'a.md': text, 'clean.md': article('c', '# Clean\n') });
    const run = await lintFiles([join(dir, 'a.md'), join(dir, 'clean.md')], { config: await config(dir), cwd: dir, fix: true });
    expect(run.results[0]!.output).toBe(article('a', '# T\n\nx and bar, bar\n'));
    expect(run.results[0]!.messages).toEqual([]);
    expect(run.results[1]!.output).toBeUndefined();
    // Nothing is written by lintFiles; writeFixes writes only changed files, atomically.
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(text);
    const before = statSync(join(dir, 'clean.md')).mtimeMs;
    expect(writeFixes(run.results)).toEqual([join(dir, 'a.md')]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(article('a', '# T\n\nx and bar, bar\n'));
    expect(statSync(join(dir, 'clean.md')).mtimeMs).toBe(before);
  });

  it('stops after the maximum number of passes', async () => {
    const dir = tree({ 'a.md': article('a', '# T\n\n' + 'x'.repeat(14) + '\n') });
    const run = await lintFiles([join(dir, 'a.md')], { config: await config(dir), cwd: dir, fix: true });
    expect(run.results[0]!.output).toBe(article('a', '# T\n\n' + 'x'.repeat(4) + '\n'));
    expect(run.results[0]!.messages.map((m) => m.ruleId)).toEqual(['squeeze']);
  });

  it('keeps a BOM and CRLF, and does not apply the fixes of disabled findings', async () => {
    const text = '\uFEFF' + article('a', '# T\r\n\r\n<!-- selfhelp-disable-next-line no-foo -->\r\nfoo\r\nfoo\r\n');
    const dir = tree({ 'a.md': text });
    const run = await lintFiles([join(dir, 'a.md')], { config: await config(dir), cwd: dir, fix: true });
    expect(run.results[0]!.output).toBe('\uFEFF' + article('a', '# T\r\n\r\n<!-- selfhelp-disable-next-line no-foo -->\r\nfoo\r\nbar\r\n'));
  });
});

describe('engine findings', () => {
  it('parse diagnostics become `parse` findings with their code; "warning" caps them, "off" hides them', async () => {
    const text = '<properties\n  pageTitle="Unclosed"\n  articleId="u"\n\n# Title\n';
    const dir = tree({ 'a.md': text });
    const run = await lintFiles([join(dir, 'a.md')], { config: await config(dir), cwd: dir });
    const parse = run.results[0]!.messages.filter((m) => m.ruleId === 'parse');
    expect(parse.length).toBeGreaterThan(0);
    expect(parse[0]).toMatchObject({ ruleId: 'parse', severity: 2, data: { code: expect.stringMatching(/^[a-z-]+$/) as unknown } });
    const capped = await lintFiles([join(dir, 'a.md')], { config: await config(dir, { rules: { parse: 'warning' } }), cwd: dir });
    expect(capped.results[0]!.messages.filter((m) => m.ruleId === 'parse').every((m) => m.severity === 1)).toBe(true);
    const off = await lintFiles([join(dir, 'a.md')], { config: await config(dir, { rules: { parse: 'off' } }), cwd: dir });
    expect(off.results[0]!.messages.filter((m) => m.ruleId === 'parse')).toEqual([]);
  });

  it('a file over maxFileSize is one fatal finding and is not parsed (from disk or given as text)', async () => {
    const big = article('big', '# Big\n\n' + 'foo '.repeat(40) + '\n');
    const dir = tree({ 'big.md': big });
    const cfg = await config(dir, { maxFileSize: 100 });
    const fatal = { ruleId: null, severity: 2, message: `File is ${big.length} bytes, larger than maxFileSize (100 bytes); not linted.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
    expect((await lintFiles([join(dir, 'big.md')], { config: cfg, cwd: dir })).results[0]!.messages).toEqual([fatal]);
    expect((await lintFiles([{ path: join(dir, 'big.md'), text: big }], { config: cfg, cwd: dir })).results[0]!.messages).toEqual([fatal]);
  });

  it('a rule that throws becomes a fatal finding of that rule; the others still run', async () => {
    const { defineRule } = await import('@selfhelp/rules');
    const boom = defineRule(
      { id: 'boom', description: 'd', category: 'content', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } },
      () => {
        throw new Error('kaboom\nsecond line');
      },
    );
    const dir = tree({ 'a.md': article('a', '# A\n\nfoo\n') });
    const cfg = await loadConfig({ cwd: dir, config: {}, builtInRules: false, pluginModules: [testRules, { name: 'boom', module: { rules: [boom] } }] });
    const run = await lintFiles([join(dir, 'a.md')], { config: cfg, cwd: dir });
    expect(run.results[0]!.messages.map((m) => [m.ruleId, m.message, m.fatal ?? false])).toEqual([
      ['boom', 'Rule "boom" crashed: kaboom', true],
      ['no-foo', 'Unexpected foo.', false],
    ]);
  });

  it('an unreadable file is a fatal finding, not a crash', async () => {
    const dir = tree({});
    const run = await lintFiles([join(dir, 'missing.md')], { config: await config(dir), cwd: dir });
    expect(run.results[0]!.messages).toEqual([{ ruleId: null, severity: 2, message: `Cannot read file ${join(dir, 'missing.md')}.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }]);
  });
});

describe('time budget', () => {
  it('on the main thread, a file over the budget keeps its findings and gets one more, and is not cached', async () => {
    const { defineRule } = await import('@selfhelp/rules');
    const slow = defineRule(
      { id: 'slow', description: 'd', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } },
      (context) => {
        if (!context.article.source.includes('SLOW')) return;
        const until = performance.now() + 600;
        while (performance.now() < until) {
          // busy: a pathological rule
        }
      },
    );
    const dir = tree({ 'a.md': article('a', '# A\n\nSLOW foo\n'), 'b.md': article('b', '# B\n') });
    const cfg = await loadConfig({ cwd: dir, config: { timeBudget: 300 }, builtInRules: false, pluginModules: [testRules, { name: 'slow', module: { rules: [slow] } }] });
    const cacheLocation = join(dir, '.cache');
    const run = await lintFiles([join(dir, 'a.md'), join(dir, 'b.md')], { config: cfg, cwd: dir, cacheLocation });
    const messages = run.results[0]!.messages;
    expect(messages.map((m) => m.ruleId)).toEqual([null, 'no-foo']);
    expect(messages[0]!.message).toMatch(/^Linting this file took \d+ ms, over the time budget \(300 ms\)\.$/);
    expect(run.results[1]!.messages).toEqual([]);
    const again = await lintFiles([join(dir, 'a.md'), join(dir, 'b.md')], { config: cfg, cwd: dir, cacheLocation });
    expect(again.stats).toMatchObject({ linted: 1, cached: 1 });
  });
});

describe('lintBatch', () => {
  // A plugin file: a thread rebuilds the configuration from its spec, so rules come from files, not objects.
  const testRulesModule = `
const docs = { rationale: 'r', incorrect: [], correct: [] };
function pos(source, offset) {
  let line = 1, start = 0;
  for (let i = source.indexOf('\\n'); i !== -1 && i < offset; i = source.indexOf('\\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1, offset };
}
export const rules = [{
  meta: { id: 'banned-word', description: 'd', category: 'content', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs },
  check(c) { const s = c.article.source; for (let i = s.indexOf('foo'); i !== -1; i = s.indexOf('foo', i + 3)) c.report({ message: 'foo', range: { start: pos(s, i), end: pos(s, i + 3) } }); },
}];
`;
  it('lints a batch in this thread as the worker threads do: the findings of lintFiles, before inline directives', async () => {
    const body = '# Title\n\n<!-- selfhelp-disable-next-line banned-word -->\nSome foo here.\n\nAnd foo again.\n';
    const dir = tree({ 'selfhelp.config.json': JSON.stringify({ extends: 'none', plugins: ['./rules.mjs'], rules: { 'banned-word': 'error' } }), 'rules.mjs': testRulesModule, 'articles/a.md': article('a', body) });
    const cfg = await loadConfig({ cwd: dir, builtInRules: false });
    const path = join(dir, 'articles/a.md');
    const text = readFileSync(path, 'utf8');
    const [outcome, ...rest] = await lintBatch({ spec: cfg.spec, fix: false, tasks: [{ absPath: path, path: 'articles/a.md', root: dir, text }] });
    expect(rest).toEqual([]);
    const inFiles = await lintFiles([path], { config: cfg, cwd: dir, concurrency: 'off' });
    // The directive hides the first `foo` from lintFiles' result; the batch reports both, with the directive.
    expect(inFiles.results[0]!.messages.map((m) => m.line)).toEqual([12]);
    expect(outcome!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['banned-word', 10, 6], ['banned-word', 12, 5]]);
    expect(outcome!.directives).toEqual([{ kind: 'disable-next-line', ids: ['banned-word'], line: 9, column: 1, endLine: 9, endColumn: 48 }]);
  });
});
