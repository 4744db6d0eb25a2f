import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot, GitError, hasHead, hooksDir, NotAGitRepositoryError, resolveCommit } from '../src/git/index.js';
import { isolateGit } from './git-helpers.js';

// Isolate from the caller's git setup: no global or system config, no hook environment.
isolateGit();

let dir: string;
const sh = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-git-repo-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findRepoRoot', () => {
  it('finds the top of the working tree from a subdirectory, even one with spaces and non-ASCII', async () => {
    const repo = path.join(dir, 'repo ä');
    mkdirSync(path.join(repo, 'articles', 'sub dir'), { recursive: true });
    sh(repo, 'init', '-q');
    expect(await findRepoRoot(path.join(repo, 'articles', 'sub dir'))).toBe(repo);
    expect(await findRepoRoot(repo)).toBe(repo);
    expect(await hasHead(repo)).toBe(false);
  });

  it('keeps the spelling of a cwd reached through a symbolic link', async () => {
    const repo = path.join(dir, 'real-repo');
    mkdirSync(path.join(repo, 'articles'), { recursive: true });
    sh(repo, 'init', '-q');
    const link = path.join(dir, 'linked-repo');
    symlinkSync(repo, link);
    expect(await findRepoRoot(path.join(link, 'articles'))).toBe(link);
    expect(await findRepoRoot(link)).toBe(link);
  });

  it('throws NotAGitRepositoryError outside a repository, with the CLI message', async () => {
    const outside = path.join(dir, 'plain');
    mkdirSync(outside);
    const error = await findRepoRoot(outside).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAGitRepositoryError);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toBe('not inside a git repository');
    expect((error as GitError).code).toBe('not-a-repository');
    expect((error as GitError).userError).toBe(true);
  });

  it('treats the .git directory itself as outside a working tree', async () => {
    const repo = path.join(dir, 'inside-git');
    mkdirSync(repo);
    sh(repo, 'init', '-q');
    await expect(findRepoRoot(path.join(repo, '.git'))).rejects.toBeInstanceOf(NotAGitRepositoryError);
  });

  it('finds a plain repository without starting git, and still asks git where the plain walk is not certain', async () => {
    const repo = path.join(dir, 'no-git-needed');
    mkdirSync(path.join(repo, 'articles'), { recursive: true });
    sh(repo, 'init', '-q');
    sh(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'first');
    const tree = path.join(dir, 'no-git-needed-worktree');
    sh(repo, 'worktree', 'add', '-q', tree);
    mkdirSync(path.join(tree, 'sub'));
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = path.join(dir, 'no-such-bin'); // git cannot start
      expect(await findRepoRoot(path.join(repo, 'articles'))).toBe(repo);
      // A worktree's .git is a file: only git knows where it leads.
      const error = await findRepoRoot(path.join(tree, 'sub')).catch((e: unknown) => e);
      expect((error as GitError).code).toBe('git-not-found');
    } finally {
      process.env.PATH = savedPath;
    }
    expect(await findRepoRoot(path.join(tree, 'sub'))).toBe(tree);
    // GIT_DIR set: git takes cwd as the top of the work tree, and so does findRepoRoot.
    process.env.GIT_DIR = path.join(repo, '.git');
    try {
      expect(await findRepoRoot(path.join(repo, 'articles'))).toBe(path.join(repo, 'articles'));
    } finally {
      delete process.env.GIT_DIR;
    }
    // core.worktree moves the work tree elsewhere: git's answer again.
    const moved = path.join(dir, 'moved-work-tree');
    mkdirSync(moved);
    sh(repo, 'config', 'core.worktree', moved);
    expect(await findRepoRoot(repo)).toBe(moved);
  });

  it('in a bare repository inside a work tree, says what git says: not a work tree', async () => {
    const outer = path.join(dir, 'outer-tree');
    mkdirSync(outer);
    sh(outer, 'init', '-q');
    const bare = path.join(outer, 'mirror.git');
    sh(outer, 'init', '-q', '--bare', bare);
    await expect(findRepoRoot(bare)).rejects.toBeInstanceOf(NotAGitRepositoryError);
    expect(await findRepoRoot(outer)).toBe(outer);
  });

  it('throws for a directory that does not exist', async () => {
    await expect(findRepoRoot(path.join(dir, 'missing'))).rejects.toBeInstanceOf(NotAGitRepositoryError);
  });
});

describe('hooksDir', () => {
  it('is .git/hooks by default and follows core.hooksPath', async () => {
    const repo = path.join(dir, 'hooks');
    mkdirSync(path.join(repo, 'sub'), { recursive: true });
    sh(repo, 'init', '-q');
    expect(await hooksDir(path.join(repo, 'sub'))).toBe(path.join(repo, '.git', 'hooks'));
    sh(repo, 'config', 'core.hooksPath', '.husky/_');
    expect(await hooksDir(path.join(repo, 'sub'))).toBe(path.join(repo, '.husky', '_'));
  });
});

describe('resolveCommit', () => {
  it('rejects unknown and option-like revisions with a bad-ref GitError', async () => {
    const repo = path.join(dir, 'refs');
    mkdirSync(repo);
    sh(repo, 'init', '-q');
    for (const ref of ['main', '--output=x', '']) {
      const error = await resolveCommit(repo, ref).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).code).toBe('bad-ref');
    }
    expect((await resolveCommit(repo, 'nope').catch((e: GitError) => e.message))).toBe(
      'unknown git revision "nope" (not a branch, tag or commit in this repository)',
    );
  });
});
