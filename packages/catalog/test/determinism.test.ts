// Byte-identical output whatever the order files are found or compiled in, the number of worker
// threads, CRLF versus LF line endings (and a BOM), or whether entries came from the cache.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { ArticleCompiler, assemble, buildCatalogs, compileCatalog, ContentRoot, toJson } from '@selfhelp/catalog';
import { cleanup, FIXTURE, project, snapshotDir } from './helpers.js';

afterAll(cleanup);

async function buildSnapshot(files: Record<string, string>, options: { workers?: number; workerUrl?: URL; cache?: string | false } = {}): Promise<Record<string, string>> {
  const dir = project(files);
  const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: options.cache ?? false, workers: options.workers ?? 0, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) });
  expect(result.written).toBe(true);
  return snapshotDir(join(dir, 'dist'));
}

/** More articles than the fixture, so orderings have room to differ. */
function manyArticles(): Record<string, string> {
  const files: Record<string, string> = { ...FIXTURE };
  for (let i = 0; i < 40; i++) {
    const clouds = ['public', 'fairfax', 'mooncake', 'usnat'][i % 4];
    files[`articles/gen/n${(i * 7919) % 97}-${i}.md`] =
      `<properties articleId="gen-${(i * 31) % 41}-${i}" selfHelpType="${i % 2 ? 'generic' : 'Resource'}" supportTopicIds="${i % 5}, ${100 + (i % 3)}" productPesIds="${i % 7}" cloudEnvironments="${clouds}, public" diagnosticScenario="${i % 3 ? '' : `scn-${i % 4}`}" />\n# Title ${i}\n\nBody ${i} with [a link](https://example.com/${i}).\n`;
  }
  return files;
}

const reversed = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).reverse());
const crlf = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, `\ufeff${v.replace(/\n/g, '\r\n')}`]));

describe('determinism', () => {
  test('the order files are created in does not matter', async () => {
    const files = manyArticles();
    expect(await buildSnapshot(reversed(files))).toEqual(await buildSnapshot(files));
  });

  test('the order outcomes arrive in (as from workers) does not matter', () => {
    const dir = project(manyArticles());
    const compiler = new ArticleCompiler(new ContentRoot(dir));
    const files = Object.entries(manyArticles()).filter(([p]) => p.startsWith('articles/')).map(([path, text]) => compiler.compile(path, text));
    const text = (list: typeof files): string => {
      const { catalog, clouds } = buildCatalogs(assemble(list).articles, { name: 'selfhelp', version: '1' });
      return toJson(catalog) + [...clouds.values()].map(toJson).join('');
    };
    const expected = text(files);
    // A fixed pseudo-random shuffle, several times.
    let seed = 7;
    for (let round = 0; round < 5; round++) {
      const shuffled = [...files];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(text(shuffled)).toBe(expected);
    }
  });

  test('CRLF line endings and a BOM give the same bytes, content hashes included', async () => {
    const files = manyArticles();
    const lf = await buildSnapshot(files);
    const windows = await buildSnapshot(crlf(files));
    expect(windows).toEqual(lf);
    expect(lf['catalog.json']).toContain('"hash":"sha256:');
  });

  test('entries from the cache give the same bytes as fresh ones', async () => {
    const files = manyArticles();
    const dir = project(files);
    const cache = join(dir, 'cache.json');
    const options = { root: dir, paths: [join(dir, 'articles')], cache, workers: 0 };
    const first = await compileCatalog({ ...options, outDir: join(dir, 'a') });
    const second = await compileCatalog({ ...options, outDir: join(dir, 'b') });
    expect(first.stats.rendered).toBe(first.articles);
    expect(second.stats.rendered).toBe(0);
    expect(snapshotDir(join(dir, 'b'))).toEqual(snapshotDir(join(dir, 'a')));
  });

  // Worker threads load the compiled worker (packages/catalog/dist/worker.js, built by `pnpm build`).
  const workerUrl = new URL('../dist/worker.js', import.meta.url);
  const built = existsSync(fileURLToPath(workerUrl));
  if (!built) console.log(`[catalog] ${fileURLToPath(workerUrl)} is not built: skipping the worker-count test (run pnpm build)`);
  test.skipIf(!built)('the number of worker threads does not matter', async () => {
    const files = manyArticles();
    const inline = await buildSnapshot(files, { workers: 0 });
    expect(await buildSnapshot(files, { workers: 2, workerUrl })).toEqual(inline);
    expect(await buildSnapshot(files, { workers: 3, workerUrl })).toEqual(inline);
  });
});
