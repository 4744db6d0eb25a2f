// The incremental cache: an unchanged article is not re-rendered; a changed article or a changed
// include re-renders exactly the articles concerned; a corrupt or stale cache is ignored.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileCatalog, type CompileCatalogOptions } from '@selfhelp/catalog';
import { cleanup, FIXTURE, project, snapshotDir, writeFiles } from './helpers.js';

afterAll(cleanup);

function setup(): { dir: string; build: (extra?: Partial<CompileCatalogOptions>) => Promise<{ rendered: string[]; fromCache: number; read: number; cache: string }> } {
  const dir = project({
    ...FIXTURE,
    'articles/other/uses-note.md': '<properties articleId="uses-note" selfHelpType="generic" cloudEnvironments="public" />\n# Uses the note\n\n[!INCLUDE [n](../../includes/restart-note.md)]\n',
  });
  const build = async (extra: Partial<CompileCatalogOptions> = {}) => {
    const rendered: string[] = [];
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: join(dir, '.cache', 'catalog.json'), workers: 0, onRender: (p) => rendered.push(p), ...extra });
    expect(result.written).toBe(true);
    return { rendered, fromCache: result.stats.fromCache, read: result.stats.read, cache: result.stats.cache };
  };
  return { dir, build };
}

describe('incremental cache', () => {
  test('a second build renders nothing; editing one article renders that one only', async () => {
    const { dir, build } = setup();
    const first = await build();
    expect(first.rendered).toEqual(['articles/other/uses-note.md', 'articles/storage/upload-form.md', 'articles/topics/st-5000.md', 'articles/vm/restart-diagnostic.md']);
    expect(first.cache).toBe('missing');
    const output = snapshotDir(join(dir, 'dist'));

    const second = await build();
    expect(second.rendered).toEqual([]);
    expect(second.fromCache).toBe(6); // four articles, one Learn page, one fragment
    expect(second.cache).toBe('used');
    expect(snapshotDir(join(dir, 'dist'))).toEqual(output);

    const path = join(dir, 'articles/storage/upload-form.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('# Upload problems', '# Upload trouble'));
    const third = await build();
    expect(third.rendered).toEqual(['articles/storage/upload-form.md']);
    expect(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')).toContain('Upload trouble');
  });

  test('touching a file without changing it renders nothing (the key is the content)', async () => {
    const { dir, build } = setup();
    await build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'articles/vm/restart-diagnostic.md'), later, later);
    expect((await build()).rendered).toEqual([]);
  });

  test('editing an include re-renders the articles that include it, and only those', async () => {
    const { dir, build } = setup();
    await build();
    writeFiles(dir, { 'includes/restart-note.md': '> The note, reworded.\n' });
    const next = await build();
    expect(next.rendered).toEqual(['articles/other/uses-note.md', 'articles/vm/restart-diagnostic.md']);
    expect(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')).toContain('The note, reworded.');
  });

  test('a missing include that appears later is picked up', async () => {
    const { dir, build } = setup();
    writeFiles(dir, { 'articles/late.md': '<properties articleId="late" selfHelpType="generic" />\n# Late\n\n[!INCLUDE [x](../includes/later.md)]\n' });
    const failing = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: join(dir, '.cache', 'catalog.json'), workers: 0 });
    expect(failing.invalid.map((a) => a.errors[0]!.code)).toEqual(['include-missing']);
    writeFiles(dir, { 'includes/later.md': 'Now here.\n' });
    expect((await build()).rendered).toEqual(['articles/late.md']);
  });

  test('a corrupt cache is ignored, and rewritten', async () => {
    const { dir, build } = setup();
    await build();
    const output = snapshotDir(join(dir, 'dist'));
    const cacheFile = join(dir, '.cache', 'catalog.json');
    const text = readFileSync(cacheFile, 'utf8');
    for (const corrupt of [text.slice(0, text.length / 2), text.replace('"status":"ok"', '"status":"OK"'), 'not json at all', '']) {
      writeFileSync(cacheFile, corrupt);
      const again = await build();
      expect(again.cache).toBe('corrupt');
      expect(again.rendered.length).toBe(4);
      expect(snapshotDir(join(dir, 'dist'))).toEqual(output);
      expect((await build()).rendered).toEqual([]); // rewritten whole
    }
    expect(readdirSync(join(dir, '.cache'))).toEqual(['catalog.json']); // written atomically: no temporary files left
  });

  test('a different tool version or content root invalidates the cache', async () => {
    const { build } = setup();
    await build({ generator: { name: 'selfhelp', version: '1.0.0' } });
    const other = await build({ generator: { name: 'selfhelp', version: '1.0.1' } });
    expect(other.cache).toBe('stale');
    expect(other.rendered.length).toBe(4);
  });

  test('cache: false reads and writes no cache', async () => {
    const { dir, build } = setup();
    const off = await build({ cache: false });
    expect(off.cache).toBe('off');
    expect(readdirSync(dir)).not.toContain('.cache');
  });

  describe('stat fast path', () => {
    // The files were just written: a window of 0 ms trusts their stat at once (the default of 2 s
    // would make every one of them be read again by the next build).
    const now = { racyWindowMs: 0 };
    const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 20));

    test('unchanged files are not read again; the output is the same bytes', async () => {
      const { dir, build } = setup();
      await settle();
      const first = await build(now);
      expect(first.read).toBe(6);
      const output = snapshotDir(join(dir, 'dist'));
      const second = await build(now);
      expect(second).toMatchObject({ rendered: [], fromCache: 6, read: 0 });
      expect(snapshotDir(join(dir, 'dist'))).toEqual(output);
    });

    test('an edit of the same size with the modification time put back is still seen (the change time moved)', async () => {
      const { dir, build } = setup();
      const path = join(dir, 'articles/storage/upload-form.md');
      const second = Math.floor(Date.now() / 1000) - 3600; // a whole second: utimes puts it back exactly
      utimesSync(path, second, second);
      await settle();
      await build(now);
      const before = statSync(path);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('# Upload problems');
      writeFileSync(path, text.replace('# Upload problems', '# Upload PROBLEMS'));
      utimesSync(path, second, second);
      const after = statSync(path);
      expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
      await settle();
      const next = await build(now);
      expect(next).toMatchObject({ rendered: ['articles/storage/upload-form.md'], read: 1 });
      expect(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')).toContain('Upload PROBLEMS');
    });

    test('a touched file is read and hashed but not rendered, and its new stat is kept', async () => {
      const { dir, build } = setup();
      await settle();
      await build(now);
      const output = snapshotDir(join(dir, 'dist'));
      const earlier = new Date(Date.now() - 60_000);
      utimesSync(join(dir, 'articles/vm/restart-diagnostic.md'), earlier, earlier);
      await settle();
      expect(await build(now)).toMatchObject({ rendered: [], read: 1 });
      expect(await build(now)).toMatchObject({ rendered: [], read: 0 });
      expect(snapshotDir(join(dir, 'dist'))).toEqual(output);
    });

    test('after an edit, the output is the bytes of a build from scratch; an unchanged build leaves the cache file alone', async () => {
      const { dir, build } = setup();
      await settle();
      await build(now);
      const path = join(dir, 'articles/vm/restart-diagnostic.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace('# ', '# Edited: '));
      await settle();
      expect((await build(now)).rendered).toEqual(['articles/vm/restart-diagnostic.md']);
      const cacheFile = join(dir, '.cache', 'catalog.json');
      const cacheBefore = statSync(cacheFile);
      await settle();
      expect(await build(now)).toMatchObject({ rendered: [], read: 0 });
      expect(statSync(cacheFile).mtimeMs).toBe(cacheBefore.mtimeMs);
      const incremental = snapshotDir(join(dir, 'dist'));
      expect(incremental['catalog.json']).toContain('Edited: ');
      await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'scratch'), cache: false, workers: 0 });
      expect(snapshotDir(join(dir, 'scratch'))).toEqual(incremental);
    });

    test('a file changed within the racy window is read again by the next build', async () => {
      const { build } = setup();
      await build({ racyWindowMs: 3_600_000 });
      expect(await build({ racyWindowMs: 3_600_000 })).toMatchObject({ rendered: [], read: 6 });
    });

    test('an edited include is seen although the articles that use it have an unchanged stat', async () => {
      const { dir, build } = setup();
      await settle();
      await build(now);
      writeFiles(dir, { 'includes/restart-note.md': '> The note, reworded again.\n' });
      const next = await build(now);
      expect(next.rendered).toEqual(['articles/other/uses-note.md', 'articles/vm/restart-diagnostic.md']);
      expect(next.read).toBe(2); // the two that must be rendered again, not the others
      expect(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')).toContain('The note, reworded again.');
    });
  });
});
