import { chmodSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobId, listIndex, readIndexBlobs, stagedChanges, stagedContentSource, stagedTree } from '../src/git/index.js';
import { initRepo, isolateGit, repoTools } from './git-helpers.js';

isolateGit();

let repo: string;
const { git, write } = repoTools(() => repo);

beforeEach(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-staged-')));
  initRepo(repo);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const article = (title: string) => `<properties pageTitle="${title}" articleId="${title.toLowerCase().replace(/\W+/g, '-')}" />\n\n# ${title}\n\nBody.\n`;

describe('stagedChanges', () => {
  it('works in a repository with no commits yet, with odd file names', async () => {
    const names = ['a.md', 'with space.md', 'ünïcödé/grüße.md', 'quote"and\\back.md', 'new\nline.md', 'notes.txt', 'UPPER.MD'];
    for (const name of names) write(name, article('T ' + name.length));
    git('add', '--all');
    const changes = await stagedChanges(repo);
    expect(changes.files.map((f) => [f.path, f.status])).toEqual([
      ['UPPER.MD', 'added'],
      ['a.md', 'added'],
      ['new\nline.md', 'added'],
      ['quote"and\\back.md', 'added'],
      ['with space.md', 'added'],
      ['ünïcödé/grüße.md', 'added'],
    ]);
    expect(changes.deleted).toEqual([]);
    const blobs = await readIndexBlobs(repo, changes.files.map((f) => f.path));
    expect(blobs.map((b) => b.path)).toEqual(changes.files.map((f) => f.path));
    expect(blobs[5]?.source).toBe(article('T ' + 'ünïcödé/grüße.md'.length));
    for (const [i, b] of blobs.entries()) expect(b.oid).toBe(changes.files[i]?.oid);
  });

  it('lists modifications, renames, deletions, type changes; ignores non-Markdown and symbolic links', async () => {
    write('keep.md', article('Keep'));
    write('edit.md', article('Edit'));
    write('old name.md', article('Renamed one with enough text to be detected as a rename\n'.repeat(3)));
    write('gone.md', article('Gone'));
    write('to-text.md', article('Becomes text, long enough to be seen as a rename\n'.repeat(3)));
    write('linked.md', article('Linked'));
    git('add', '--all');
    git('commit', '-q', '-m', 'initial');

    write('edit.md', article('Edit two'));
    git('mv', 'old name.md', 'new name ü.md');
    git('rm', '-q', 'gone.md');
    git('mv', 'to-text.md', 'to-text.txt');
    unlinkSync(path.join(repo, 'linked.md'));
    symlinkSync('keep.md', path.join(repo, 'linked.md'));
    write('link-to-keep.md', '');
    unlinkSync(path.join(repo, 'link-to-keep.md'));
    symlinkSync('keep.md', path.join(repo, 'link-to-keep.md'));
    write('other.json', '{}');
    git('add', '--all');

    const changes = await stagedChanges(repo);
    expect(changes.files).toEqual([
      { path: 'edit.md', status: 'modified', oid: blobId(Buffer.from(article('Edit two'))), mode: '100644' },
      {
        path: 'new name ü.md',
        status: 'renamed',
        oldPath: 'old name.md',
        oid: blobId(Buffer.from(article('Renamed one with enough text to be detected as a rename\n'.repeat(3)))),
        mode: '100644',
      },
    ]);
    expect(changes.deleted).toEqual(['gone.md', 'linked.md', 'to-text.md']);
    expect(changes.unmerged).toEqual([]);
  });

  it('reports an executable Markdown file with its mode', async () => {
    write('x.md', article('X'));
    chmodSync(path.join(repo, 'x.md'), 0o755);
    git('add', 'x.md');
    expect((await stagedChanges(repo)).files[0]?.mode).toBe('100755');
  });
});

describe('readIndexBlobs', () => {
  it('reads what will be committed, not the working file, for a partially staged file', async () => {
    write('a.md', 'line one\nline two\n');
    git('add', 'a.md');
    git('commit', '-q', '-m', 'one');
    write('a.md', 'line one\nline two\nstaged line\n');
    git('add', 'a.md');
    write('a.md', 'line one\nline two\nstaged line\nunstaged line\n');
    const [blob] = await readIndexBlobs(repo, ['a.md']);
    expect(blob?.source).toBe('line one\nline two\nstaged line\n');
  });

  it('takes paths literally (a file named *.md is not a pattern) and skips paths not in the index', async () => {
    write('*.md', 'star\n');
    write('b.md', 'bee\n');
    write('[c].md', 'bracket\n');
    git('add', '--all');
    const blobs = await readIndexBlobs(repo, ['*.md', 'missing.md', '[c].md']);
    expect(blobs.map((b) => [b.path, b.source])).toEqual([['*.md', 'star\n'], ['[c].md', 'bracket\n']]);
  });

  it('reads many files and large files through one process', async () => {
    const big = 'x'.repeat(3_000_000) + '\n';
    write('big.md', big);
    for (let i = 0; i < 250; i++) write(`many/${i}.md`, `file ${i}\n`);
    git('add', '--all');
    const paths = ['big.md', ...Array.from({ length: 250 }, (_, i) => `many/${i}.md`)];
    const blobs = await readIndexBlobs(repo, paths);
    expect(blobs).toHaveLength(251);
    expect(blobs[0]?.source).toBe(big);
    expect(blobs[250]?.source).toBe('file 249\n');
  });

  it('keeps a BOM and decodes UTF-8', async () => {
    write('bom.md', '\uFEFF# Überschrift\n');
    git('add', 'bom.md');
    expect((await readIndexBlobs(repo, ['bom.md']))[0]?.source).toBe('\uFEFF# Überschrift\n');
  });
});

describe('intent-to-add entries (git add -N)', () => {
  it('are not in the staged tree (nothing of them is committed); staged and committed empty files are', async () => {
    write('a.md', article('Alpha'));
    write('committed-empty.md', '');
    git('add', '--all');
    git('commit', '-q', '-m', 'initial');
    write('intended.md', article('Intended'));
    write('intended empty ü.md', '');
    write('staged-empty.md', '');
    git('add', '-N', 'intended.md', 'intended empty ü.md');
    git('add', 'staged-empty.md');
    // The index records the empty blob for all four; ls-files alone cannot tell them apart.
    expect(git('ls-files', '-s').split('\n').filter((l) => l.includes('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')).length).toBe(4);
    expect((await listIndex(repo)).map((e) => e.path)).toEqual(['a.md', 'committed-empty.md', 'staged-empty.md']);
    expect((await listIndex(repo, ['intended.md', 'staged-empty.md'])).map((e) => e.path)).toEqual(['staged-empty.md']);
    expect((await stagedChanges(repo)).files.map((f) => [f.path, f.status])).toEqual([['staged-empty.md', 'added']]);
    const source = await stagedContentSource(repo);
    expect(source.isFile(path.join(repo, 'intended.md'))).toBe(false);
    expect(source.readText(path.join(repo, 'intended.md'))).toBeUndefined();
    expect(source.isFile(path.join(repo, 'staged-empty.md'))).toBe(true);
    expect(source.readText(path.join(repo, 'committed-empty.md'))).toBe('');
    expect((await source.listMarkdown(repo, () => false)).map((p) => path.relative(repo, p)).sort()).toEqual(['a.md', 'committed-empty.md', 'staged-empty.md']);
    expect(await readIndexBlobs(repo, ['intended.md'])).toEqual([]);
  });
});

describe('stagedTree', () => {
  it('gives the staged version of every Markdown file, reusing working files that match', async () => {
    write('articles/one.md', article('One'));
    write('articles/two.md', article('Two'));
    write('articles/three.md', article('Three'));
    write('articles/readme.txt', 'not markdown');
    git('add', '--all');
    git('commit', '-q', '-m', 'base');
    write('articles/two.md', article('Two staged'));
    git('add', 'articles/two.md');
    write('articles/two.md', article('Two working'));
    write('articles/untracked.md', article('Untracked'));
    unlinkSync(path.join(repo, 'articles/three.md')); // deleted in the working tree only: still staged

    const tree = await stagedTree(repo);
    try {
      expect(tree.paths).toEqual(['articles/one.md', 'articles/three.md', 'articles/two.md']);
      const all = await tree.readMany(tree.paths);
      expect([...all]).toEqual([
        ['articles/one.md', article('One')],
        ['articles/three.md', article('Three')],
        ['articles/two.md', article('Two staged')],
      ]);
      expect(tree.stats).toEqual({ workingTree: 1, objectStore: 2 });
      expect(await tree.read('articles/untracked.md')).toBeUndefined();
      expect(tree.entry('articles/one.md')?.oid).toBe(blobId(Buffer.from(article('One'))));
    } finally {
      tree.close();
    }
  });

  it('sees a file staged in a repository with no commits, and honours a custom filter', async () => {
    write('x.md', 'x\n');
    write('registry.json', '{"topics":[]}\n');
    git('add', '--all');
    const tree = await stagedTree(repo, { filter: (p) => p.endsWith('.md') || p === 'registry.json' });
    try {
      expect(tree.paths).toEqual(['registry.json', 'x.md']);
      expect(await tree.read('registry.json')).toBe('{"topics":[]}\n');
    } finally {
      tree.close();
    }
  });

  it('reads the blob when the working file differs only by line endings (a checkout filter)', async () => {
    write('crlf.md', 'a\r\nb\r\n');
    git('add', 'crlf.md');
    git('commit', '-q', '-m', 'c');
    // What autocrlf would do on checkout: same text, different bytes than the blob.
    write('crlf.md', 'a\nb\n');
    const tree = await stagedTree(repo);
    try {
      expect(await tree.read('crlf.md')).toBe('a\r\nb\r\n');
      expect(tree.stats.objectStore).toBe(1);
    } finally {
      tree.close();
    }
  });
});
