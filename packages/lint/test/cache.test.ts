import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LINT_VERSION, lintFiles, loadConfig, resolveCacheLocation, type SelfhelpConfig } from '@selfhelp/lint';
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
const config = (cwd: string, inline: SelfhelpConfig = {}) => loadConfig({ cwd, config: inline, builtInRules: false, pluginModules: [testRules] });

describe('cache', () => {
  async function setup() {
    const dir = tree({ 'articles/a.md': article('a', '# A\n\nfoo\n'), 'articles/b.md': article('b', 'no title\n') });
    const files = [join(dir, 'articles/a.md'), join(dir, 'articles/b.md')];
    const cacheLocation = join(dir, '.selfhelpcache');
    return { dir, files, cacheLocation };
  }

  it('answers unchanged files from the cache with the same results', async () => {
    const { dir, files, cacheLocation } = await setup();
    const first = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(first.stats).toMatchObject({ files: 2, linted: 2, cached: 0 });
    const second = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(second.stats).toMatchObject({ files: 2, linted: 0, cached: 2 });
    expect(second.results).toEqual(first.results);
    // No temporary files are left beside the cache.
    expect(readdirSync(dir).sort()).toEqual(['.selfhelpcache', 'articles']);
  });

  it('misses on a content change, even one that keeps the size and sets the mtime back', async () => {
    const { dir, files, cacheLocation } = await setup();
    const when = new Date(2020, 1, 1);
    utimesSync(files[0]!, when, when);
    await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    writeFileSync(files[0]!, article('a', '# A\n\nbar\n')); // same size
    utimesSync(files[0]!, when, when); // same mtime: only ctime and the content hash can tell
    const same = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(same.stats).toMatchObject({ linted: 1, cached: 1 });
    expect(same.results[0]!.messages).toEqual([]);
    writeFileSync(files[0]!, article('a', '# A\n\nfoo foo\n'));
    const changed = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(changed.stats).toMatchObject({ linted: 1, cached: 1 });
    expect(changed.results[0]!.messages.map((m) => m.column)).toEqual([1, 5]);
  });

  it('hits after a touch that changes only the mtime (content hash), and misses on a config change', async () => {
    const { dir, files, cacheLocation } = await setup();
    await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    utimesSync(files[1]!, new Date(2021, 1, 1), new Date(2021, 1, 1));
    const touched = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(touched.stats).toMatchObject({ linted: 0, cached: 2 });
    const other = await lintFiles(files, { config: await config(dir, { rules: { 'needs-title': 'error' } }), cwd: dir, cacheLocation });
    expect(other.stats).toMatchObject({ linted: 2, cached: 0 });
    expect(other.results[1]!.errorCount).toBe(1);
  });

  it('ignores a corrupt cache, a foreign file and a cache of another version, and rebuilds it', async () => {
    const { dir, files, cacheLocation } = await setup();
    for (const content of ['{"format":"selfhelp-lint-cache", trunc', '{"hello":"world"}', '{}\n' + JSON.stringify({ format: 'selfhelp-lint-cache', version: 2, tool: '0.0.0-other', entries: {} }), '\u0000\u0001binary']) {
      writeFileSync(cacheLocation, content);
      const run = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
      expect(run.stats).toMatchObject({ linted: 2, cached: 0 });
      expect(run.stats.cacheDiscarded).toMatch(/^(corrupt|not a cache of this selfhelp version)$/);
      const written = JSON.parse(readFileSync(cacheLocation, 'utf8').split('\n')[1]!) as { format: string; tool: string; entries: object };
      expect([written.format, written.tool, Object.keys(written.entries).length]).toEqual(['selfhelp-lint-cache', LINT_VERSION, 2]);
    }
    // Corrupt findings inside a valid cache are a miss for that file only.
    const [manifest, main, summaries, findings] = readFileSync(cacheLocation, 'utf8').split('\n') as [string, string, string, string];
    const records = JSON.parse(findings) as Record<string, string[]>;
    records[files[0]!]![2] = '[{"ruleId"';
    writeFileSync(cacheLocation, [manifest, main, summaries, JSON.stringify(records)].join('\n'));
    const run = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(run.stats).toMatchObject({ linted: 1, cached: 1 });
    // A corrupt summaries line only costs a metadata parse when cross-article checks need summaries.
    writeFileSync(join(dir, 'articles/c.md'), article('a', '# C\n'));
    const lines = readFileSync(cacheLocation, 'utf8').split('\n');
    lines[2] = '{"broken';
    writeFileSync(cacheLocation, lines.join('\n'));
    const cross = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(cross.stats).toMatchObject({ linted: 0, cached: 2, summarized: 3 });
    expect(cross.results[0]!.messages.map((m) => m.message)).toEqual(['articleId "a" is also used by articles/c.md.', 'Unexpected foo.']);
  });

  it('recomputes cross-article findings when another file of the tree changes', async () => {
    const dir = tree({ 'articles/a.md': article('x', '# A\n'), 'articles/b.md': article('y', '# B\n') });
    const cacheLocation = join(dir, 'cache', 'lint.json');
    const a = join(dir, 'articles/a.md');
    const first = await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation });
    expect(first.results[0]!.messages).toEqual([]);
    writeFileSync(join(dir, 'articles/b.md'), article('x', '# B\n'));
    const second = await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation });
    expect(second.stats).toMatchObject({ linted: 0, cached: 1, summarized: 1 });
    expect(second.results[0]!.messages.map((m) => m.message)).toEqual(['articleId "x" is also used by articles/b.md.']);
    const third = await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation });
    expect(third.stats).toMatchObject({ linted: 0, cached: 1, summarized: 0, crossChecked: 0 });
    expect(third.results).toEqual(second.results);
    // Edits that leave every file's metadata as it was (body only) do not run the cross-article rules again.
    writeFileSync(a, article('x', '# A\n\nNew paragraph.\n'));
    writeFileSync(join(dir, 'articles/b.md'), article('x', '# B changed\n'));
    const bodyOnly = await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation });
    expect(bodyOnly.stats).toMatchObject({ linted: 1, cached: 0, summarized: 1, crossChecked: 0 });
    expect(bodyOnly.results).toEqual(second.results);
    // A metadata edit does.
    writeFileSync(join(dir, 'articles/b.md'), article('z', '# B changed\n'));
    const metadata = await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation });
    expect(metadata.stats).toMatchObject({ linted: 0, cached: 1, summarized: 1, crossChecked: 1 });
    expect(metadata.results[0]!.messages).toEqual([]);
  });

  it('keeps the summaries line as written when no summary changed, and appends changed ones without losing any', async () => {
    const dir = tree({ 'articles/a.md': article('x', '# A\n'), 'articles/b.md': article('y', '# B\n'), 'articles/c.md': article('w', '# C\n') });
    const cacheLocation = join(dir, '.selfhelpcache');
    const a = join(dir, 'articles/a.md');
    const b = join(dir, 'articles/b.md');
    const summariesLine = () => readFileSync(cacheLocation, 'utf8').split('\n')[2]!;
    await lintFiles([a, b], { config: await config(dir), cwd: dir, cacheLocation });
    const written = summariesLine();
    expect(Object.keys(JSON.parse(written) as object).sort()).toEqual([a, b, join(dir, 'articles/c.md')]);
    // A body-only edit of a linted file: its summary is unchanged, the line is copied byte for byte.
    writeFileSync(a, article('x', '# A\n\nMore text.\n'));
    const bodyOnly = await lintFiles([a, b], { config: await config(dir), cwd: dir, cacheLocation });
    expect(bodyOnly.stats).toMatchObject({ linted: 1, cached: 1, crossChecked: 0 });
    expect(summariesLine()).toBe(written);
    // A metadata edit of a linted file that no cross-article run needed (crossArticle off): appended, not reparsed.
    writeFileSync(a, article('y', '# A\n\nMore text.\n'));
    await lintFiles([a], { config: await config(dir), cwd: dir, cacheLocation, crossArticle: false });
    const appended = summariesLine();
    expect(appended.startsWith(written.slice(0, -1) + ',')).toBe(true);
    // The appended summary wins over the older one of the same file: cross-article rules see articleId "y" twice.
    const cross = await lintFiles([a, b], { config: await config(dir), cwd: dir, cacheLocation });
    expect(cross.stats).toMatchObject({ linted: 0, cached: 2, summarized: 0, crossChecked: 1 });
    expect(cross.results[0]!.messages.map((m) => m.message)).toEqual(['articleId "y" is also used by articles/b.md.']);
    // Once parsed, the line is written again whole: one key per file.
    const compacted = summariesLine();
    expect(compacted.length).toBeLessThan(appended.length);
    expect(Object.keys(JSON.parse(compacted) as object).length).toBe(3);
    // And the cached cross-article findings are reused while no summary changes.
    const again = await lintFiles([a, b], { config: await config(dir), cwd: dir, cacheLocation });
    expect(again.stats).toMatchObject({ linted: 0, cached: 2, summarized: 0, crossChecked: 0 });
    expect(again.results).toEqual(cross.results);
  });

  it('appends a few changed entries to the entries line as a patch that later runs apply, and writes it whole again when patches grow', async () => {
    const { dir, files, cacheLocation } = await setup();
    const mainLine = () => readFileSync(cacheLocation, 'utf8').split('\n')[1]!;
    await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    const whole = mainLine();
    expect(whole).not.toContain('"p1"');
    writeFileSync(files[0]!, article('a', '# A\n\nfoo foo\n'));
    const changed = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(changed.stats).toMatchObject({ linted: 1, cached: 1 });
    const patched = mainLine();
    expect(patched.startsWith(whole.slice(0, -1) + ',"p1":{' + JSON.stringify(files[0]!) + ':')).toBe(true);
    expect(JSON.parse(patched)).toMatchObject({ patches: 1, patched: 1 });
    // The patch wins over the older entry: the next run answers both files from the cache, with the new findings.
    const again = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(again.stats).toMatchObject({ linted: 0, cached: 2 });
    expect(again.results).toEqual(changed.results);
    expect(again.results[0]!.messages.map((m) => m.column)).toEqual([1, 5]);
    // Past 64 patches the line is written whole: one entry per file, no patch.
    for (let i = 0; i < 64; i++) {
      writeFileSync(files[1]!, article('b', `no title ${i}\n`));
      await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    }
    const compacted = JSON.parse(mainLine()) as Record<string, unknown>;
    expect([compacted['patches'], Object.keys(compacted).filter((k) => /^p\d+$/.test(k)).length, Object.keys(compacted['entries'] as object).length]).toEqual([undefined, 0, 2]);
    const last = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(last.stats).toMatchObject({ linted: 0, cached: 2 });
  });

  it('a run that asks for no cached findings or summaries leaves those lines unparsed: copied, with new records appended', async () => {
    const { dir, files, cacheLocation } = await setup();
    const lines = () => readFileSync(cacheLocation, 'utf8').split('\n');
    await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    const [, , summaries, findings] = lines() as [string, string, string, string];
    expect(Object.keys(JSON.parse(findings) as object)).toEqual(files);
    // A body-only edit of one file, linted alone (as --staged does): nothing cached is read, new findings appended.
    writeFileSync(files[0]!, article('a', '# A\n\nfoo foo\n'));
    const one = await lintFiles([files[0]!], { config: await config(dir), cwd: dir, cacheLocation });
    expect(one.stats).toMatchObject({ linted: 1, cached: 0, crossChecked: 0 });
    const [, main, summariesAfter, findingsAfter] = lines() as [string, string, string, string];
    expect(summariesAfter).toBe(summaries);
    expect(findingsAfter.startsWith(findings.slice(0, -1) + ',' + JSON.stringify(files[0]!) + ':')).toBe(true);
    expect(JSON.parse(main)).toMatchObject({ appendedFindings: 1 });
    // The appended record wins; a run that reads the line writes it whole again, one record per file.
    const both = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    expect(both.stats).toMatchObject({ linted: 0, cached: 2 });
    expect(both.results[0]!.messages.map((m) => m.column)).toEqual([1, 5]);
    const compacted = lines()[3]!;
    expect(compacted.length).toBeLessThan(findingsAfter.length);
    expect(Object.keys(JSON.parse(compacted) as object)).toEqual(files);
    expect(JSON.parse(lines()[1]!)).toMatchObject({ appendedFindings: 0 });
  });

  it('writes the file as ASCII (JSON escapes) and reads non-ASCII paths and text back unchanged', async () => {
    const dir = tree({ 'articles/ünïcode 字.md': article('ü', '# Ärger\n\nfoo\n') });
    const file = join(dir, 'articles/ünïcode 字.md');
    const cacheLocation = join(dir, '.selfhelpcache');
    const first = await lintFiles([file], { config: await config(dir), cwd: dir, cacheLocation });
    const bytes = readFileSync(cacheLocation);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toContain('\\u00fcn\\u00efcode \\u5b57.md');
    const second = await lintFiles([file], { config: await config(dir), cwd: dir, cacheLocation });
    expect(second.stats).toMatchObject({ linted: 0, cached: 1 });
    expect(second.results).toEqual(first.results);
    expect(second.results[0]!.messages.map((m) => m.message)).toEqual(['Unexpected foo.']);
  });

  it('with --fix, a cached file that has fixable findings is linted again to fix it', async () => {
    const { dir, files, cacheLocation } = await setup();
    await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation });
    const fixed = await lintFiles(files, { config: await config(dir), cwd: dir, cacheLocation, fix: true });
    expect(fixed.stats).toMatchObject({ linted: 1, cached: 1 });
    expect(fixed.results[0]!.output).toBe(article('a', '# A\n\nbar\n'));
  });

  it('resolves --cache-location: a file, an existing folder, or a path ending with a slash', () => {
    const dir = tree({ 'sub/.keep': '' });
    expect(resolveCacheLocation(dir, undefined)).toBe(join(dir, '.selfhelpcache'));
    expect(resolveCacheLocation(dir, 'x.json')).toBe(join(dir, 'x.json'));
    expect(resolveCacheLocation(dir, 'sub')).toBe(join(dir, 'sub', '.selfhelpcache'));
    expect(resolveCacheLocation(dir, 'new/')).toBe(join(dir, 'new', '.selfhelpcache'));
  });
});

describe('rule manifest', () => {
  const pluginText = (message: string) =>
    `export const rules = [{ meta: { id: 'says', description: 'd', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } }, check(c) { c.report({ message: ${JSON.stringify(message)}, range: c.article.bodyRange }); } }];`;

  it('a warm run takes the rules from the cache manifest and never loads rule code; a changed plugin is noticed', async () => {
    const dir = tree({ 'selfhelp.config.json': JSON.stringify({ plugins: ['./plugin.mjs'] }), 'plugin.mjs': pluginText('first'), 'articles/a.md': article('a', '# A\n') });
    const cacheLocation = join(dir, '.selfhelpcache');
    const files = [join(dir, 'articles/a.md')];
    const load = () => loadConfig({ cwd: dir, builtInRules: false, snapshot: cacheLocation });
    const cold = await load();
    expect(cold.registry.loaded).toBe(true);
    const first = await lintFiles(files, { config: cold, cwd: dir, cacheLocation });
    expect(first.results[0]!.messages.map((m) => m.message)).toEqual(['first']);

    const warm = await load();
    expect(warm.registry.loaded).toBe(false);
    expect(warm.registry.metas.map((m) => m.id)).toEqual(['parse', 'says', 'unused-disable']);
    expect(warm.hash).toBe(cold.hash);
    const second = await lintFiles(files, { config: warm, cwd: dir, cacheLocation });
    expect(second.stats).toMatchObject({ cached: 1, linted: 0 });
    expect(second.results).toEqual(first.results);
    expect(warm.registry.loaded).toBe(false);

    // Two callers at once (the CLI starts the load early under --staged) share one load.
    const again = await load();
    expect(again.registry.loaded).toBe(false);
    const loads = [again.loadRuleCode(), again.loadRuleCode()];
    expect(loads[0]).toBe(loads[1]);
    await Promise.all(loads);
    expect(again.registry.loaded).toBe(true);

    // A file that must be linted loads the code on demand.
    writeFileSync(files[0]!, article('a', '# A changed\n'));
    const third = await lintFiles(files, { config: warm, cwd: dir, cacheLocation });
    expect(warm.registry.loaded).toBe(true);
    expect(third.results[0]!.messages.map((m) => m.message)).toEqual(['first']);

    writeFileSync(join(dir, 'plugin.mjs'), pluginText('second, longer'));
    const changed = await load();
    expect(changed.registry.loaded).toBe(true);
    const fourth = await lintFiles(files, { config: changed, cwd: dir, cacheLocation });
    expect(fourth.stats).toMatchObject({ cached: 0, linted: 1 });
    expect(fourth.results[0]!.messages.map((m) => m.message)).toEqual(['second, longer']);
  });
});

/**
 * The LintCache class (not exported by the package), a cache path in a new folder, one finding, and `seed()`:
 * saves a cache there holding /x/a.md's findings (that finding) and summary (returns what save() returned).
 */
async function cacheFile() {
  const { LintCache } = await import('../src/engine/cache.js');
  const path = join(tree({}), 'cache');
  const message = { ruleId: 'r', severity: 2 as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
  const seed = (): boolean => {
    const first = new LintCache(path, 'manifest');
    first.setLinted('/x/a.md', { h: 'ha', c: 'k', sh: 's1' }, [message], []);
    first.setSummary('/x/a.md', 's1', '{"k":"selfhelp"}');
    return first.save();
  };
  return { LintCache, path, message, seed };
}

describe('LintCache saved twice by one instance', () => {
  it('writes lines kept in pieces (not concatenated) and, on the second save, builds on them', async () => {
    const { LintCache, path, message, seed } = await cacheFile();
    expect(seed()).toBe(true);
    // Reopened: the findings and summaries lines are appended to unparsed, so they are written as pieces.
    const second = new LintCache(path, 'manifest');
    second.setLinted('/x/b.md', { h: 'hb', c: 'k', sh: 's2' }, [{ ...message, message: 'n' }], []);
    second.setSummary('/x/b.md', 's2', '{"k":"learn"}');
    expect(second.save()).toBe(true);
    second.setLinted('/x/c.md', { h: 'hc', c: 'k' }, [{ ...message, message: 'o' }], []);
    expect(second.save()).toBe(true);
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines).toHaveLength(4);
    const third = new LintCache(path, 'manifest');
    for (const [file, text] of [['/x/a.md', 'm'], ['/x/b.md', 'n'], ['/x/c.md', 'o']] as const) {
      const entry = third.get(file)!;
      expect(third.findings(file, entry)?.messages.map((m) => m.message)).toEqual([text]);
    }
    expect(third.getSummary('/x/a.md', 's1')).toBe('{"k":"selfhelp"}');
    expect(third.getSummary('/x/b.md', 's2')).toBe('{"k":"learn"}');
  });
});

describe('LintCache summaries line length', () => {
  it('records where the findings line starts, and finds it by scanning when the record is wrong', async () => {
    const { LintCache, path, message, seed } = await cacheFile();
    seed();
    const second = new LintCache(path, 'manifest');
    second.setSummary('/x/b.md', 's2', '{"k":"learn"}');
    second.save(); // appended to the unparsed summaries line: the recorded length follows it
    const lines = readFileSync(path, 'latin1').split('\n');
    const main = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(main.summariesBytes).toBe(Buffer.byteLength(lines[2]!));
    expect(JSON.parse(lines[2]!)).toEqual({ '/x/a.md': ['s1', '{"k":"selfhelp"}'], '/x/b.md': ['s2', '{"k":"learn"}'] });
    // A wrong length (a file edited by hand, another build) is not trusted: the newline is looked for.
    lines[1] = lines[1]!.replace(/"summariesBytes":\d+/g, '"summariesBytes":5');
    writeFileSync(path, lines.join('\n'));
    const third = new LintCache(path, 'manifest');
    expect(third.getSummary('/x/b.md', 's2')).toBe('{"k":"learn"}');
    expect(third.findings('/x/a.md', third.get('/x/a.md')!)?.messages.map((m) => m.message)).toEqual(['m']);
  });
});

describe('LintCache whose file another run replaces', () => {
  it('never reads the rest of the other file at its own offsets: the new file has four lines that parse', async () => {
    const { LintCache, path, message, seed } = await cacheFile();
    seed();
    // This run has read the first two lines; its summaries and findings lines are read later, on save.
    const late = new LintCache(path, 'manifest');
    // Meanwhile another run writes a cache with a much longer entries line.
    const other = new LintCache(path, 'manifest');
    for (let i = 0; i < 200; i++) other.setLinted(`/x/other-${i}.md`, { h: `h${i}`, c: 'k', sh: `s${i}` }, [message], []);
    other.save();
    late.setLinted('/x/b.md', { h: 'hb', c: 'k', sh: 's2' }, [{ ...message, message: 'n' }], []);
    expect(late.save()).toBe(true);
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const reread = new LintCache(path, 'manifest');
    expect(reread.findings('/x/b.md', reread.get('/x/b.md')!)?.messages.map((m) => m.message)).toEqual(['n']);
    // The lines of the file it could not read again are lost, never misread: a.md has no findings record now.
    expect(reread.findings('/x/a.md', reread.get('/x/a.md')!)).toBeUndefined();
  });
});

describe('LintCache prefetch', () => {
  it('reads the rest in the background, and save copies those bytes with the new records appended', async () => {
    const { LintCache, path, message, seed } = await cacheFile();
    seed();
    const before = readFileSync(path, 'latin1').split('\n');
    const run = new LintCache(path, 'manifest');
    run.prefetch();
    await run.ready();
    run.setLinted('/x/b.md', { h: 'hb', c: 'k', sh: 's2' }, [{ ...message, message: 'n' }], []);
    expect(run.save()).toBe(true);
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines[2]).toBe(before[2]);
    expect(lines[3]!.startsWith(before[3]!.slice(0, -1) + ',"/x/b.md":')).toBe(true);
    const reread = new LintCache(path, 'manifest');
    expect(reread.findings('/x/a.md', reread.get('/x/a.md')!)?.messages.map((m) => m.message)).toEqual(['m']);
    expect(reread.findings('/x/b.md', reread.get('/x/b.md')!)?.messages.map((m) => m.message)).toEqual(['n']);
  });

  it('reads nothing from a file another run replaced after the first lines were read', async () => {
    const { LintCache, path, message, seed } = await cacheFile();
    seed();
    const late = new LintCache(path, 'manifest');
    const other = new LintCache(path, 'manifest');
    for (let i = 0; i < 50; i++) other.setLinted(`/x/other-${i}.md`, { h: `h${i}`, c: 'k' }, [message], []);
    other.save();
    late.prefetch();
    await late.ready();
    late.setLinted('/x/b.md', { h: 'hb', c: 'k', sh: 's2' }, [{ ...message, message: 'n' }], []);
    expect(late.save()).toBe(true);
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[3]!)).toEqual({ '/x/b.md': ['k', 'hb', JSON.stringify([{ ...message, message: 'n' }])] });
  });
});

describe('LintCache first lines', () => {
  it('reads first lines longer than its first read (2 MB): the buffer grows, and the lines after them are found', async () => {
    const { LintCache, path, seed } = await cacheFile();
    seed();
    const big = new LintCache(path, 'manifest');
    const folder = 'd'.repeat(300);
    for (let i = 0; i < 8000; i++) big.set(`/x/${folder}/${i}.md`, { h: `h${i}`, sh: `s${i}` });
    expect(big.save()).toBe(true);
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.length + lines[1]!.length).toBeGreaterThan(2 << 20);
    const reread = new LintCache(path, 'manifest');
    expect(reread.discarded).toBeUndefined();
    expect(reread.get(`/x/${folder}/0.md`)).toEqual({ h: 'h0', sh: 's0' });
    expect(reread.get(`/x/${folder}/7999.md`)).toEqual({ h: 'h7999', sh: 's7999' });
    // The findings and summaries lines, read from where the entries line ends.
    expect(reread.findings('/x/a.md', reread.get('/x/a.md')!)?.messages.map((m) => m.message)).toEqual(['m']);
    expect(reread.getSummary('/x/a.md', 's1')).toBe('{"k":"selfhelp"}');
  });
});

describe('LintCache appended records', () => {
  it('compacts a line once its appended records pass the limit (at least 64), keeping the last record of each file', async () => {
    const { LintCache, path, message } = await cacheFile();
    const recordsOf = () => (readFileSync(path, 'latin1').split('\n')[3]!.match(/"\/x\/a\.md"/g) ?? []).length;
    const counts: number[] = [];
    for (let i = 0; i < 70; i++) {
      // A new instance per run, as --staged runs are: each appends a record for the same file without parsing.
      const run = new LintCache(path, 'manifest');
      run.setLinted('/x/a.md', { h: `h${i}`, c: 'k' }, [{ ...message, message: `run ${i}` }], []);
      run.save();
      counts.push(recordsOf());
    }
    // Appended one by one up to the limit, then written whole (one record), then appended again.
    expect(counts.slice(0, 3)).toEqual([1, 2, 3]);
    expect(Math.max(...counts)).toBe(65);
    expect(counts[65]).toBe(1);
    expect(counts[69]).toBe(5);
    const last = new LintCache(path, 'manifest');
    expect(last.findings('/x/a.md', last.get('/x/a.md')!)?.messages.map((m) => m.message)).toEqual(['run 69']);
  });
});
