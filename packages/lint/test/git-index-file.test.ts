// index-file.ts: git's index read directly, checked against git itself on real repositories (index versions
// 2, 3 and 4, SHA-1 and SHA-256), and the cases it leaves to git (split index, a damaged file).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskSource } from '../src/fs.js';
import { stagedContentSource, stagedPlan } from '../src/git/index.js';
import { cleanStat, parseIndex, readIndexFile, readWorkTreeIndex, statData } from '../src/git/index-file.js';
import { initRepo, isolateGit, repoTools } from './git-helpers.js';

isolateGit();

let repo: string;
const { git, write, abs } = repoTools(() => repo);

beforeEach(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-index-')));
});
afterEach(() => {
  delete process.env.GIT_INDEX_FILE;
  rmSync(repo, { recursive: true, force: true });
});

/** `git ls-files -s` as the reader reports it: stage-0 regular files, as "mode oid path". */
function fromGit(): string[] {
  return execFileSync('git', ['ls-files', '-s', '-z'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .flatMap((record) => {
      const tab = record.indexOf('\t');
      const [mode, oid, stage] = record.slice(0, tab).split(' ');
      return stage === '0' && (mode === '100644' || mode === '100755') ? [`${mode} ${oid} ${record.slice(tab + 1)}`] : [];
    });
}
const fromFile = (hashLength: 20 | 32 = 20) => readIndexFile(abs('.git/index'), hashLength)!.entries.map((e) => `${e.mode} ${e.oid} ${e.path}`);

/** A tree with what the reader must keep or leave out: odd names, an executable, a link, a conflict, `git add -N`. */
function varied(): void {
  initRepo(repo);
  // After the long path, version 4 drops more than 127 bytes of it: a varint of two bytes.
  const names = ['a.md', 'with space.md', 'ünïcödé/grüße.md', 'quote"and\\back.md', 'new\nline.md', 'deep/er/still/deeper/file.md', 'x.txt', `long-${'l'.repeat(150)}/x.md`];
  for (const name of names) write(name, `# ${name}\n`);
  write('run.sh', '#!/bin/sh\n');
  chmodSync(abs('run.sh'), 0o755);
  symlinkSync('a.md', abs('link.md'));
  write('conflict.md', 'base\n');
  git('add', '--all');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'other');
  write('conflict.md', 'other\n');
  git('commit', '-q', '-am', 'other');
  git('checkout', '-q', '-');
  write('conflict.md', 'mine\n');
  git('commit', '-q', '-am', 'mine');
  try {
    git('merge', '-q', 'other');
  } catch {
    // the conflict this tree wants
  }
}

function intend(): void {
  write('intended.md', 'not yet\n');
  git('add', '-N', 'intended.md');
}

describe('readIndexFile', () => {
  it('lists the stage-0 regular files of git ls-files -s, in index versions 2, 3 and 4', () => {
    varied();
    expect(git('ls-files', '-s', 'conflict.md').split('\n').filter(Boolean)).toHaveLength(3); // stages 1-3
    git('update-index', '--index-version', '2');
    expect(readFileSync(abs('.git/index')).readUInt32BE(4)).toBe(2);
    expect(fromFile()).toEqual(fromGit());
    // An intent-to-add entry needs the extended flags of version 3. git ls-files shows it as a staged empty
    // file; the flag tells them apart.
    intend();
    const listed = fromGit();
    expect(listed.filter((e) => e.endsWith(' intended.md'))).toHaveLength(1);
    const expected = listed.filter((e) => !e.endsWith(' intended.md'));
    expect(expected).toContain(`100755 ${git('rev-parse', ':run.sh').trim()} run.sh`);
    expect(expected.some((e) => e.endsWith(' conflict.md') || e.endsWith(' link.md'))).toBe(false);
    expect(expected).toHaveLength(9);
    for (const version of [3, 4]) {
      git('update-index', '--index-version', String(version));
      expect(readFileSync(abs('.git/index')).readUInt32BE(4)).toBe(version);
      expect(fromFile(), `version ${version}`).toEqual(expected);
    }
  });

  it('reads a SHA-256 repository\'s index', () => {
    initRepo(repo, '--object-format=sha256');
    write('a.md', '# A\n');
    write('b/ü.md', '# B\n');
    git('add', '--all');
    const entries = fromFile(32);
    expect(entries).toEqual(fromGit());
    expect(entries[0]).toMatch(/^100644 [0-9a-f]{64} a\.md$/);
    expect(readWorkTreeIndex(repo)?.entries.map((e) => e.oid)).toEqual(entries.map((e) => e.split(' ')[1]));
  });

  it('leaves to git what it cannot vouch for: a split index, a damaged file, another format, a missing index', () => {
    initRepo(repo);
    write('a.md', '# A\n');
    git('add', 'a.md');
    const bytes = readFileSync(abs('.git/index'));
    expect(parseIndex(bytes, 20)).toHaveLength(1);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 30]! ^= 1; // inside the entry: the checksum no longer matches
    expect(parseIndex(damaged, 20)).toBeUndefined();
    expect(parseIndex(bytes.subarray(0, 40), 20)).toBeUndefined();
    expect(parseIndex(Buffer.from('not an index at all, but long enough to look'), 20)).toBeUndefined();
    expect(parseIndex(bytes, 32)).toBeUndefined(); // read as SHA-256: nothing adds up
    git('update-index', '--split-index');
    expect(readWorkTreeIndex(repo)).toBeUndefined(); // the "link" extension: entries live in another file too
    rmSync(abs('.git/index'));
    rmSync(repo + '/.git/' + readFileSync(abs('.git/HEAD'), 'utf8').trim().replace('ref: ', ''), { force: true });
    expect(readWorkTreeIndex(repo)).toBeUndefined();
  });

  it('reads the index GIT_INDEX_FILE names (as git sets it for a pre-commit hook), relative to the top of the work tree', () => {
    initRepo(repo);
    write('a.md', '# A\n');
    write('b.md', '# B\n');
    git('add', 'a.md');
    execFileSync('git', ['add', 'a.md', 'b.md'], { cwd: repo, env: { ...process.env, GIT_INDEX_FILE: '.git/other-index' } });
    expect(readWorkTreeIndex(repo)?.entries.map((e) => e.path)).toEqual(['a.md']);
    process.env.GIT_INDEX_FILE = '.git/other-index';
    expect(readWorkTreeIndex(repo)?.entries.map((e) => e.path)).toEqual(['a.md', 'b.md']);
  });
});

describe('cleanStat', () => {
  it('gives a clean file\'s stat as the disk source does, nothing once the file changes or when the entry is racy', () => {
    initRepo(repo);
    write('a.md', '# A\n');
    write('b.md', '# B\n');
    // Files older than the index, as after an edit and a later `git add`.
    const past = new Date(Date.now() - 60_000);
    for (const f of ['a.md', 'b.md']) utimesSync(abs(f), past, past);
    git('add', '--all');
    const index = readWorkTreeIndex(repo)!;
    const [a, b] = index.entries;
    const stat = (f: string) => statSync(abs(f), { bigint: true });
    expect(cleanStat(statData(index.bytes, a!.at), stat('a.md'), index.mtime)).toEqual(diskSource.stat(abs('a.md')));
    // Racy: written in the same instant as the index, or later, git compares the content: so must a caller.
    const recorded = statData(index.bytes, a!.at);
    expect(cleanStat(recorded, stat('a.md'), { s: recorded.mtimeS, ns: recorded.mtimeNs })).toBeUndefined();
    expect(cleanStat(recorded, stat('a.md'), { s: recorded.mtimeS, ns: recorded.mtimeNs + 1 })).toEqual(diskSource.stat(abs('a.md')));
    // Another size, another mtime (same size), another file.
    write('a.md', '# A, edited\n');
    expect(cleanStat(statData(index.bytes, a!.at), stat('a.md'), index.mtime)).toBeUndefined();
    write('b.md', '# C\n');
    utimesSync(abs('b.md'), past, new Date(past.getTime() + 1000));
    expect(cleanStat(statData(index.bytes, b!.at), stat('b.md'), index.mtime)).toBeUndefined();
    expect(cleanStat(statData(index.bytes, b!.at), stat('a.md'), index.mtime)).toBeUndefined();
  });
});

describe('the staged tree over the index read directly', () => {
  it('answers as over git\'s listing: contents, stat, assume-unchanged files, and the fallback to git for a split index', async () => {
    initRepo(repo);
    write('articles/clean.md', 'clean\n');
    write('articles/edited.md', 'staged\n');
    write('articles/assumed.md', 'staged assumed\n');
    git('add', '--all');
    write('articles/edited.md', 'working\n');
    git('update-index', '--assume-unchanged', 'articles/assumed.md');
    write('articles/assumed.md', 'working assumed\n'); // git no longer looks at it
    const check = async (from: 'file' | 'git') => {
      const source = await stagedContentSource(repo);
      expect(source.indexFrom).toBe(from);
      expect(source.readText(abs('articles/clean.md'))).toBe('clean\n');
      expect(source.readText(abs('articles/edited.md'))).toBe('staged\n');
      expect(source.readText(abs('articles/assumed.md'))).toBe('staged assumed\n');
      expect(source.stat(abs('articles/clean.md'))).toEqual(diskSource.stat(abs('articles/clean.md')));
      expect(source.stat(abs('articles/edited.md'))).toBeUndefined();
      expect(source.stat(abs('articles/assumed.md'))).toEqual(from === 'file' ? undefined : diskSource.stat(abs('articles/assumed.md')));
    };
    await check('file');
    git('update-index', '--split-index');
    await check('git');
  });

  it('reads the staged content of files edited after `git add` up front, through one process (--staged)', async () => {
    initRepo(repo);
    write('a.md', '# A, staged\n');
    write('b.md', '# B\n');
    git('add', '--all');
    write('a.md', '# A, edited later\n');
    const plan = await stagedPlan(repo);
    expect(plan.inputs.map((i) => path.relative(repo, i.path))).toEqual(['a.md', 'b.md']);
    // Without git on PATH, only what was read up front can be answered for a file whose working copy differs.
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(plan.source!.readText(abs('a.md'))).toBe('# A, staged\n');
      expect(plan.source!.readText(abs('b.md'))).toBe('# B\n');
    } finally {
      process.env.PATH = saved;
    }
  });
});
