import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStagedFixes, hasUnstagedChanges, restage, stagedChanges } from '../src/git/index.js';
import { isolateGit, initRepo } from './git-helpers.js';

isolateGit();

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const write = (file: string, text: string) => writeFileSync(path.join(repo, file), text);
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const staged = (file: string) => git('show', `:${file}`);

beforeEach(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-fix-staged-')));
  initRepo(repo);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('hasUnstagedChanges', () => {
  it('is false when the working file is the staged content, true after a later edit or when unstaged', async () => {
    write('a b.md', 'one\n');
    git('add', 'a b.md');
    expect(await hasUnstagedChanges(repo, 'a b.md')).toBe(false);
    write('a b.md', 'one\ntwo\n');
    expect(await hasUnstagedChanges(repo, 'a b.md')).toBe(true);
    write('untracked.md', 'x\n');
    expect(await hasUnstagedChanges(repo, 'untracked.md')).toBe(true);
  });
});

describe('applyStagedFixes', () => {
  it('fixes and re-stages a fully staged file, keeping its mode; leaves a partially staged one alone', async () => {
    write('clean.md', 'selfhelptype="Generic"\n');
    chmodSync(path.join(repo, 'clean.md'), 0o755);
    write('partial.md', 'selfhelptype="Generic"\n');
    git('add', '--all');
    write('partial.md', 'selfhelptype="Generic"\nunstaged edit\n');
    const changes = await stagedChanges(repo);
    const oid = (p: string) => changes.files.find((f) => f.path === p)?.oid ?? '';

    const outcomes = await applyStagedFixes(repo, [
      { path: 'clean.md', oid: oid('clean.md'), output: 'selfHelpType="generic"\n' },
      { path: 'partial.md', oid: oid('partial.md'), output: 'selfHelpType="generic"\n' },
    ]);
    expect(outcomes).toEqual([
      { path: 'clean.md', status: 'fixed' },
      {
        path: 'partial.md',
        status: 'unstaged-changes',
        message: 'partial.md: not fixed: the file has unstaged changes (stage or stash them, then run again)',
      },
    ]);
    expect(read('clean.md')).toBe('selfHelpType="generic"\n');
    expect(staged('clean.md')).toBe('selfHelpType="generic"\n');
    expect(statSync(path.join(repo, 'clean.md')).mode & 0o777).toBe(0o755);
    expect(git('ls-files', '-s', 'clean.md').slice(0, 6)).toBe('100755');
    expect(read('partial.md')).toBe('selfhelptype="Generic"\nunstaged edit\n');
    expect(staged('partial.md')).toBe('selfhelptype="Generic"\n');
    expect(readdirSync(repo).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('does not write when the index changed since the content was linted', async () => {
    write('a.md', 'v1\n');
    git('add', 'a.md');
    const [file] = (await stagedChanges(repo)).files;
    write('a.md', 'v2\n');
    git('add', 'a.md');
    const [outcome] = await applyStagedFixes(repo, [{ path: 'a.md', oid: file?.oid ?? '', output: 'fixed\n' }]);
    expect(outcome?.status).toBe('unstaged-changes');
    expect(read('a.md')).toBe('v2\n');
    expect(staged('a.md')).toBe('v2\n');
  });
});

describe('restage', () => {
  it('stages the given paths literally', async () => {
    write('*.md', 'star\n');
    write('b.md', 'b\n');
    await restage(repo, ['*.md']);
    expect(git('diff', '--cached', '--name-only')).toBe('*.md\n');
  });
});
