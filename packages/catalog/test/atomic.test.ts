// Atomic output: a build that fails on purpose (before the swap, or with build errors) leaves the
// previous catalog byte-identical; leftovers of a killed build are cleaned up or restored.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileCatalog, OutputDirError, writeDirAtomic } from '@selfhelp/catalog';
import { cleanup, FIXTURE, project, snapshotDir, writeFiles } from './helpers.js';

afterAll(cleanup);

/** A process id that is certainly not running: that of a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function firstBuild(): Promise<{ dir: string; out: string; before: Record<string, string> }> {
  const dir = project(FIXTURE);
  const out = join(dir, 'dist');
  const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: out, cache: false });
  expect(result.written).toBe(true);
  return { dir, out, before: snapshotDir(out) };
}

describe('atomic output', () => {
  test('a build that fails after writing everything, before the swap, leaves the old catalog byte-identical', async () => {
    const { dir, out, before } = await firstBuild();
    writeFiles(dir, { 'articles/new.md': '<properties articleId="new-one" selfHelpType="generic" />\n# New\n' });
    let temp = '';
    await expect(
      compileCatalog({
        root: dir,
        paths: [join(dir, 'articles')],
        outDir: out,
        cache: false,
        beforeSwap: (t) => {
          temp = t;
          // The new catalog is complete in the temporary directory at this point.
          expect(snapshotDir(t)['catalog.json']).toContain('"new-one"');
          throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    expect(temp).not.toBe('');
    expect(snapshotDir(out)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });

  test('a build with build errors writes nothing and leaves the old catalog byte-identical', async () => {
    const { dir, out, before } = await firstBuild();
    writeFiles(dir, { 'articles/broken.md': '<properties selfHelpType="generic" />\n# No id\n' });
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: out, cache: false });
    expect(result.written).toBe(false);
    expect(snapshotDir(out)).toEqual(before);
  });

  test('a successful rebuild replaces the whole directory, dropping files it no longer writes', async () => {
    const { dir, out } = await firstBuild();
    writeFileSync(join(out, 'clouds', 'stale.json'), '{}');
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: out, cache: false });
    expect(result.written).toBe(true);
    expect(readdirSync(join(out, 'clouds')).sort()).toEqual(['blackforest.json', 'fairfax.json', 'mooncake.json', 'public.json', 'usnat.json', 'ussec.json']);
    expect(statSync(out).mode & 0o777).not.toBe(0o700);
  });

  test('leftovers of a killed build: its temporary directory is removed, an interrupted swap is rolled back', async () => {
    const { dir, out, before } = await firstBuild();
    const pid = deadPid();
    // Killed while writing: a half-written temporary directory.
    mkdirSync(join(dir, `.dist.tmp-${pid}-0000`));
    writeFileSync(join(dir, `.dist.tmp-${pid}-0000`, 'catalog.json'), '{"half');
    // Killed between the two renames: the old catalog moved away, the new one not yet in place.
    renameSync(out, join(dir, `.dist.old-${pid}-0001`));
    // The next build fails: the previous catalog must be back, untouched.
    await expect(compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: out, cache: false, beforeSwap: () => { throw new Error('fail again'); } })).rejects.toThrow('fail again');
    expect(snapshotDir(out)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });

  test('refuses to replace a directory that does not hold a catalog, or a file', async () => {
    const dir = project({ 'src/keep.ts': 'export {};\n', 'file.txt': 'x' });
    await expect(writeDirAtomic(join(dir, 'src'), new Map([['catalog.json', '{}']]), { marker: 'catalog.json' })).rejects.toThrow(OutputDirError);
    await expect(writeDirAtomic(join(dir, 'file.txt'), new Map([['catalog.json', '{}']]), { marker: 'catalog.json' })).rejects.toThrow(/not a directory/);
    expect(snapshotDir(join(dir, 'src'))).toEqual({ 'keep.ts': 'export {};\n' });
  });

  test('writes chunked and whole files, creating sub-directories, and reports their sizes', async () => {
    const dir = project({});
    const sizes = await writeDirAtomic(join(dir, 'out'), new Map<string, string | Iterable<string>>([['a.json', ['{', '"é":1', '}']], ['sub/b.json', 'x']]), { marker: 'a.json' });
    expect([...sizes]).toEqual([['a.json', 8], ['sub/b.json', 1]]);
    expect(snapshotDir(join(dir, 'out'))).toEqual({ 'a.json': Buffer.from('{"é":1}').toString('latin1'), 'sub/b.json': 'x' });
  });
});
