import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedSince, GitError } from '../src/git/index.js';
import { isolateGit, initRepo } from './git-helpers.js';

isolateGit();

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const commitAll = (message: string) => { git('add', '--all'); git('commit', '-q', '-m', message); };
const long = (name: string) => `# ${name}\n\n` + `A paragraph of ${name} that is long enough for rename detection.\n`.repeat(5);

beforeEach(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-changed-')));
  initRepo(repo, '--initial-branch=main');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('changedSince', () => {
  it('compares with the merge base: changes made on REF after branching are not listed', async () => {
    write('a.md', long('a'));
    write('b.md', long('b'));
    write('c.md', long('c'));
    write('main-only.md', long('m'));
    commitAll('base');
    const base = git('rev-parse', 'HEAD');

    git('checkout', '-q', '-b', 'feature');
    write('a.md', long('a') + 'More.\n');
    mkdirSync(path.join(repo, 'dir with space'));
    git('mv', 'b.md', 'dir with space/b renamed ß.md');
    git('rm', '-q', 'c.md');
    write('new file.md', long('new'));
    write('notes.txt', 'not an article');
    commitAll('feature work');
    write('second.md', long('second'));
    commitAll('more feature work');

    git('checkout', '-q', 'main');
    write('main-only.md', long('m') + 'Changed on main.\n');
    write('main-new.md', long('main new'));
    commitAll('main moves on');
    git('checkout', '-q', 'feature');

    const result = await changedSince(repo, 'main');
    expect(result.base).toBe(base);
    expect(result.files.map((f) => ({ path: f.path, status: f.status, oldPath: f.oldPath }))).toEqual([
      { path: 'a.md', status: 'modified', oldPath: undefined },
      { path: 'dir with space/b renamed ß.md', status: 'renamed', oldPath: 'b.md' },
      { path: 'new file.md', status: 'added', oldPath: undefined },
      { path: 'second.md', status: 'added', oldPath: undefined },
    ]);
    expect(result.deleted).toEqual(['c.md']);

    // Works with a commit id too, and ignores the working tree and the index.
    write('a.md', 'uncommitted\n');
    write('uncommitted.md', 'x\n');
    git('add', 'uncommitted.md');
    const byId = await changedSince(repo, git('rev-parse', 'main'));
    expect(byId.files.map((f) => f.path)).toEqual(['a.md', 'dir with space/b renamed ß.md', 'new file.md', 'second.md']);
  });

  it('lists nothing when HEAD is REF', async () => {
    write('a.md', 'a\n');
    commitAll('one');
    expect(await changedSince(repo, 'HEAD')).toEqual({ base: git('rev-parse', 'HEAD'), files: [], deleted: [], unmerged: [] });
  });

  it('fails with a bad-ref GitError for an unknown revision', async () => {
    write('a.md', 'a\n');
    commitAll('one');
    const error = await changedSince(repo, 'origin/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).code).toBe('bad-ref');
    expect((error as GitError).message).toBe('unknown git revision "origin/nope" (not a branch, tag or commit in this repository)');
  });

  it('fails with no-merge-base for unrelated histories', async () => {
    write('a.md', 'a\n');
    commitAll('one');
    git('checkout', '-q', '--orphan', 'other');
    git('rm', '-q', '-r', '--cached', '.');
    write('b.md', 'b\n');
    commitAll('unrelated');
    const error = await changedSince(repo, 'main').catch((e: unknown) => e);
    expect((error as GitError).code).toBe('no-merge-base');
    expect((error as GitError).message).toBe('no common ancestor between "main" and HEAD');
  });
});
