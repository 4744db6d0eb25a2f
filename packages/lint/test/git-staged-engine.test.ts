// --staged and --changed-since end to end through the real engine (lintFiles), with test rules:
// `no-foo` (per file, fixable) and `dup-id` (cross-article duplicate articleId).
import { mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { lintFiles } from '../src/engine/run.js';
import { changedSincePlan, stagedContentSource, stagedPlan } from '../src/git/index.js';
import { runBaseline } from '../src/baseline.js';
import type { LintResult } from '../src/result.js';
import { article, dupId, noFoo } from './helpers.js';
import { initRepo, isolateGit, repoTools } from './git-helpers.js';

isolateGit();

let repo: string;
const { git, write, abs } = repoTools(() => repo);

beforeEach(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-staged-engine-')));
  initRepo(repo, '--initial-branch=main');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const testRules = { name: 'test-rules', module: { rules: [noFoo, dupId] } };
const config = () => loadConfig({ cwd: repo, config: {}, builtInRules: false, pluginModules: [testRules] });
const findings = (results: LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${path.relative(repo, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));

describe('lint --staged through the engine', () => {
  it('judges staged content and checks duplicates against the staged tree, not the working tree', async () => {
    write('articles/a.md', article('a', '# A\n\nFine.\n'));
    write('articles/b.md', article('b', '# B\n\nFine.\n'));
    git('add', '--all');
    git('commit', '-q', '-m', 'base');

    // b.md: a bad line is staged, then removed in the working tree only.
    write('articles/b.md', article('b', '# B\n\nA foo slipped in.\n'));
    git('add', 'articles/b.md');
    write('articles/b.md', article('b', '# B\n\nFine again.\n'));
    // new file ü.md with a space, staged with articleId "a" (a duplicate), renamed to "c" in the working tree only.
    write('articles/new ü.md', article('a', '# New\n'));
    git('add', 'articles/new ü.md');
    write('articles/new ü.md', article('c', '# New\n'));
    // a.md: the working tree changes its id (unstaged): the staged tree still says "a".
    write('articles/a.md', article('z', '# A\n\nFine.\n'));

    const plan = await stagedPlan(repo);
    expect(plan.inputs.map((i) => path.relative(repo, i.path))).toEqual(['articles/b.md', 'articles/new ü.md']);
    const run = await lintFiles(plan.inputs, { config: await config(), cwd: repo, source: plan.source, crossArticle: true });
    expect(findings(run.results)).toEqual([
      'articles/b.md:9:3 no-foo Unexpected foo.',
      'articles/new ü.md:3:14 dup-id articleId "a" is also used by articles/a.md.',
    ]);

    // Stage the fixes: the commit is clean.
    git('add', '--all');
    const again = await stagedPlan(repo);
    const clean = await lintFiles(again.inputs, { config: await config(), cwd: repo, source: again.source });
    expect(findings(clean.results)).toEqual([]);
  });

  it('--fix rewrites and re-stages a fully staged file, and leaves a partially staged one alone', async () => {
    write('articles/full.md', article('full', '# Full\n\nfoo\n'));
    write('articles/partial.md', article('partial', '# Partial\n\nfoo\n'));
    git('add', '--all');
    write('articles/partial.md', article('partial', '# Partial\n\nfoo\n\nUnstaged paragraph.\n'));
    const notices: string[] = [];
    const plan = await stagedPlan(repo, { onNotice: (line) => notices.push(line) });
    const run = await lintFiles(plan.inputs, { config: await config(), cwd: repo, source: plan.source, fix: true });
    expect(run.results.map((r) => r.output)).toEqual([article('full', '# Full\n\nbar\n'), article('partial', '# Partial\n\nbar\n')]);
    const outcomes = await plan.applyFixes!(run.results);
    expect(outcomes.map((o) => o.status)).toEqual(['fixed', 'unstaged-changes']);
    expect(notices).toEqual(['selfhelp: articles/partial.md: not fixed: the file has unstaged changes (stage or stash them, then run again)']);
    expect(readFileSync(abs('articles/full.md'), 'utf8')).toBe(article('full', '# Full\n\nbar\n'));
    expect(git('show', ':articles/full.md')).toBe(article('full', '# Full\n\nbar\n'));
    expect(readFileSync(abs('articles/partial.md'), 'utf8')).toBe(article('partial', '# Partial\n\nfoo\n\nUnstaged paragraph.\n'));
    expect(git('show', ':articles/partial.md')).toBe(article('partial', '# Partial\n\nfoo\n'));
  });

  it('with a cache, answers unchanged staged content by its blob id, without a stat or a read, and never from another content', async () => {
    write('articles/a.md', article('a', '# A\n\nA foo.\n'));
    write('articles/b.md', article('b', '# B\n\nFine.\n'));
    write('articles/c.md', article('c', '# C\n\nFine.\n'));
    git('add', '--all');
    const cacheLocation = path.join(repo, '.selfhelpcache');
    const counted = async () => {
      const plan = await stagedPlan(repo);
      const source = plan.source!;
      const calls = { stat: 0, readText: 0 };
      const counting = {
        ...source,
        stat: (p: string) => (calls.stat++, source.stat(p)),
        readText: (p: string) => (p.endsWith('.md') && calls.readText++, source.readText(p)),
      };
      const run = await lintFiles(plan.inputs, { config: await config(), cwd: repo, source: counting, cacheLocation });
      return { run, calls };
    };
    const first = await counted();
    expect(first.run.stats).toMatchObject({ files: 3, linted: 3, cached: 0 });
    expect(findings(first.run.results)).toEqual(['articles/a.md:9:3 no-foo Unexpected foo.']);
    const second = await counted();
    expect(second.run.stats).toMatchObject({ files: 3, linted: 0, cached: 3, crossChecked: 0 });
    expect(second.calls).toEqual({ stat: 0, readText: 0 });
    expect(second.run.results).toEqual(first.run.results);

    // The working file is fixed but not staged, and a plain run caches the working content: the staged
    // content (still with foo) is judged, not the cached working copy.
    write('articles/a.md', article('a', '# A\n\nA bar.\n'));
    const disk = await lintFiles([abs('articles/a.md')], { config: await config(), cwd: repo, cacheLocation });
    expect(findings(disk.results)).toEqual([]);
    const third = await counted();
    expect(third.run.stats).toMatchObject({ linted: 1, cached: 2 });
    expect(findings(third.run.results)).toEqual(['articles/a.md:9:3 no-foo Unexpected foo.']);
  });

  it('keeps the ignore answers for the staged tree in the cache, and works them out again when a .gitignore changes', async () => {
    write('articles/a.md', article('a', '# A\n'));
    write('articles/old/copy.md', article('a', '# Old copy\n'));
    write('.gitignore', 'articles/old/\n');
    git('add', '--all', '--force');
    const cacheLocation = path.join(repo, '.selfhelpcache');
    const lists = () => (JSON.parse(readFileSync(cacheLocation, 'utf8').split('\n')[1]!) as { lists: Record<string, { i: string[] }> }).lists;
    const run = async () => {
      const plan = await stagedPlan(repo);
      return lintFiles([{ path: abs('articles/a.md') }], { config: await config(), cwd: repo, source: plan.source, cacheLocation });
    };
    // The ignored copy takes no part in the duplicate check, whether the answer is worked out or cached.
    expect(findings((await run()).results)).toEqual([]);
    expect(lists()[repo]!.i).toEqual([abs('articles/old/copy.md')]);
    expect(findings((await run()).results)).toEqual([]);
    // The staged .gitignore no longer ignores it: the cached answer is not used.
    write('.gitignore', '# nothing ignored\n');
    git('add', '.gitignore');
    expect(findings((await run()).results)).toEqual(['articles/a.md:3:14 dup-id articleId "a" is also used by articles/old/copy.md.']);
    expect(lists()[repo]!.i).toEqual([]);
  });

  it('limits the staged files to the patterns and drops ignored ones', async () => {
    write('articles/x.md', article('x', '# X\n'));
    write('docs/readme.md', '# Docs\n');
    write('articles/skip/y.md', article('y', '# Y\n'));
    git('add', '--all');
    const plan = await stagedPlan(repo, { patterns: ['articles'], ignored: (p) => p.includes('/skip/') });
    expect(plan.inputs.map((i) => path.relative(repo, i.path))).toEqual(['articles/x.md']);
    const globbed = await stagedPlan(path.join(repo, 'articles'), { patterns: ['**/*.md'] });
    expect(globbed.inputs.map((i) => path.relative(repo, i.path))).toEqual(['articles/skip/y.md', 'articles/x.md']);
  });
});

describe('stagedContentSource', () => {
  it('reads staged content, lists the staged tree, and gives stat() only for files identical to the index', async () => {
    write('articles/clean.md', 'clean\n');
    write('articles/edited.md', 'staged\n');
    write('articles/gone.md', 'still staged\n');
    write('.hidden/x.md', 'hidden\n');
    write('node_modules/pkg/readme.md', 'dependency\n');
    write('articles/picture.png', 'png');
    git('add', '--all', '--force');
    write('articles/edited.md', 'working\n');
    unlinkSync(abs('articles/gone.md'));
    write('articles/untracked.md', 'untracked\n');

    const source = await stagedContentSource(repo);
    expect(source.readText(abs('articles/edited.md'))).toBe('staged\n');
    expect(source.readText(abs('articles/gone.md'))).toBe('still staged\n');
    expect(source.readText(abs('articles/clean.md'))).toBe('clean\n');
    expect(source.readText(abs('articles/untracked.md'))).toBeUndefined();
    expect(source.readText(path.join(path.dirname(repo), 'elsewhere.md'))).toBeUndefined();
    expect(source.isFile(abs('articles/picture.png'))).toBe(true);
    expect(source.isFile(abs('articles/gone.md'))).toBe(true);
    expect(source.isFile(abs('articles/untracked.md'))).toBe(false);
    expect(source.stat(abs('articles/clean.md'))).toMatchObject({ size: 6 });
    expect(source.stat(abs('articles/edited.md'))).toBeUndefined();
    expect(source.stat(abs('articles/gone.md'))).toBeUndefined();
    // The content id is the staged blob's, whatever the working file holds.
    expect(source.contentId?.(abs('articles/edited.md'))).toBe(git('rev-parse', ':articles/edited.md').trim());
    expect(source.contentId?.(abs('articles/clean.md'))).toBe(git('hash-object', 'articles/clean.md').trim());
    expect(source.contentId?.(abs('articles/untracked.md'))).toBeUndefined();
    const listed = await source.listMarkdown(repo, (p) => p.endsWith('clean.md'));
    expect(listed.map((p) => path.relative(repo, p)).sort()).toEqual(['articles/edited.md', 'articles/gone.md']);
    expect((await source.listMarkdown(abs('articles'), () => false)).map((p) => path.relative(repo, p)).sort()).toEqual([
      'articles/clean.md',
      'articles/edited.md',
      'articles/gone.md',
    ]);
    expect(await source.listMarkdown(path.dirname(repo), () => false)).toEqual([]);
    expect(source.readText(repo + '/articles/../articles/clean.md')).toBe('clean\n');
    expect(source.readText(repo + '//articles/clean.md')).toBe('clean\n');
  });

  it('falls back to the blob when git calls the file clean but its bytes differ (autocrlf)', async () => {
    git('config', 'core.autocrlf', 'true');
    write('a.md', 'one\r\ntwo\r\n');
    git('add', 'a.md');
    expect(git('diff', '--name-only')).toBe('');
    const source = await stagedContentSource(repo);
    expect(source.readText(abs('a.md'))).toBe('one\ntwo\n');
    expect(source.stats).toEqual({ workingTree: 0, objectStore: 1 });
  });
});

describe('lint --changed-since through the engine', () => {
  it('lints the files the branch changed, with cross-article checks over the whole tree', async () => {
    write('articles/a.md', article('a', '# A\n'));
    write('articles/b.md', article('b', '# B\n'));
    write('articles/old.md', article('old', '# Old\n'));
    git('add', '--all');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    write('articles/c.md', article('b', '# C\n\nfoo\n'));
    git('rm', '-q', 'articles/old.md');
    git('mv', 'articles/a.md', 'articles/a moved.md');
    git('add', '--all');
    git('commit', '-q', '-m', 'feature');

    const plan = await changedSincePlan(repo, 'main');
    expect(plan.inputs.map((i) => path.relative(repo, i.path))).toEqual(['articles/a moved.md', 'articles/c.md']);
    expect(plan.deleted).toEqual([abs('articles/old.md')]);
    expect([...plan.renames]).toEqual([['articles/a moved.md', 'articles/a.md']]);
    const run = await lintFiles(plan.inputs.slice(1), { config: await config(), cwd: repo });
    expect(findings(run.results)).toEqual([
      'articles/c.md:3:14 dup-id articleId "b" is also used by articles/b.md.',
      'articles/c.md:9:1 no-foo Unexpected foo.',
    ]);

    // Baseline: record, then an edit above the finding does not resurface it; a new one does.
    const baselineFile = path.join(repo, 'selfhelp-baseline.json');
    const sources = (p: string) => readFileSync(p, 'utf8');
    const recorded = await runBaseline(run.results, { root: repo, sources, file: baselineFile, update: true });
    expect(recorded.summary).toMatch(/^selfhelp: wrote 2 findings to the baseline /);
    expect(findings(recorded.results)).toEqual([]);
    write('articles/c.md', article('b', '# C\n\nIntro paragraph.\n\nfoo\n\nAnother foo.\n'));
    const rerun = await lintFiles(plan.inputs.slice(1), { config: await config(), cwd: repo });
    const filtered = await runBaseline(rerun.results, { root: repo, sources, file: baselineFile, update: false });
    expect(findings(filtered.results)).toEqual(['articles/c.md:13:9 no-foo Unexpected foo.']);
    expect(filtered.suppressed).toBe(2);
  });
});
