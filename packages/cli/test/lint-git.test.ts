// The CLI wiring of the git workflows and the baseline (the modules themselves are tested in packages/lint).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, project, runCli } from './lint-helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const NO_TTY = { NO_COLOR: '1', FORCE_COLOR: undefined };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

function repo(files: Record<string, string>): string {
  const p = project(files);
  cleanups.push(p.cleanup);
  git(p.dir, 'init', '-q', '-b', 'main');
  return p.dir;
}

describe('selfhelp lint workflows', () => {
  it('--staged judges the staged content, not the working file', async () => {
    const dir = repo({ 'articles/ok.md': article('ok', '# OK\n') });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'init');
    writeFileSync(join(dir, 'articles/new.md'), article('new', '# New\n\nfoo\n'));
    git(dir, 'add', 'articles/new.md');
    writeFileSync(join(dir, 'articles/new.md'), article('new', '# New\n\nfixed in the working tree only\n'));
    const r = await runCli(dir, ['lint', '--staged', '--no-cache', '-f', 'github'], NO_TTY);
    expect([r.code, r.stdout]).toEqual([1, '::error file=articles/new.md,line=9,col=1,endLine=9,endColumn=4,title=no-foo::Unexpected foo.\n']);
    git(dir, 'add', 'articles/new.md');
    expect((await runCli(dir, ['lint', '--staged', '--no-cache'], NO_TTY)).code).toBe(0);
  });

  it('--staged outside a git repository is a usage error', async () => {
    const p = project({ 'articles/a.md': article('a', '# A\n') });
    cleanups.push(p.cleanup);
    const r = await runCli(p.dir, ['lint', '--staged', '--no-cache'], { ...NO_TTY, GIT_CEILING_DIRECTORIES: join(p.dir, '..') });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'selfhelp: not inside a git repository\n']);
  });

  it('--staged with a bad config outside a git repository reports the config, in one line, and nothing else', async () => {
    const p = project({ 'articles/a.md': article('a', '# A\n'), 'selfhelp.config.json': '{"rules": {"no-such-rule": "error"}}' });
    cleanups.push(p.cleanup);
    const r = await runCli(p.dir, ['lint', '--staged', '--no-cache'], { ...NO_TTY, GIT_CEILING_DIRECTORIES: join(p.dir, '..') });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^selfhelp: [^\n]*no-such-rule[^\n]*\n$/);
  });

  it('--update-baseline records legacy findings; --baseline suppresses them and still fails on new ones', async () => {
    const dir = repo({ 'articles/a.md': article('a', '# A\n\nfoo\n') });
    const update = await runCli(dir, ['lint', '--no-cache', '--update-baseline'], NO_TTY);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe('selfhelp: wrote 1 finding to the baseline selfhelp-baseline.json\n');
    expect(existsSync(join(dir, 'selfhelp-baseline.json'))).toBe(true);
    const clean = await runCli(dir, ['lint', '--no-cache', '--baseline', 'selfhelp-baseline.json'], NO_TTY);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    writeFileSync(join(dir, 'articles/a.md'), article('a', '# A\n\nfoo\n\nand a new foo\n'));
    const fresh = await runCli(dir, ['lint', '--no-cache', '--baseline', 'selfhelp-baseline.json', '-f', 'json'], NO_TTY);
    expect(fresh.code).toBe(1);
    expect((JSON.parse(fresh.stdout) as { messages: { line: number }[] }[])[0]!.messages.map((m) => m.line)).toEqual([11]);
  });

  it('--changed-since with --baseline follows a renamed legacy article (its findings stay suppressed)', async () => {
    const dir = repo({ 'articles/old-name.md': article('a', '# A\n\nfoo\n') });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'legacy');
    expect((await runCli(dir, ['lint', '--no-cache', '--update-baseline'], NO_TTY)).code).toBe(0);
    git(dir, 'add', 'selfhelp-baseline.json');
    git(dir, 'commit', '-q', '-m', 'baseline');
    git(dir, 'checkout', '-q', '-b', 'topic');
    git(dir, 'mv', 'articles/old-name.md', 'articles/new-name.md');
    git(dir, 'commit', '-q', '-m', 'rename');
    const moved = await runCli(dir, ['lint', '--no-cache', '--changed-since', 'main', '--baseline', 'selfhelp-baseline.json', '-f', 'json'], NO_TTY);
    expect(moved.code).toBe(0);
    expect((JSON.parse(moved.stdout) as { filePath: string; messages: unknown[] }[]).map((r) => [r.filePath.endsWith('new-name.md'), r.messages.length])).toEqual([[true, 0]]);
  });
});
