// The real corpus (../shared/corpus/selfhelp beside the repository), when present: the build with
// skipInvalid completes, every output validates, and each skipped article says why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { catalogValidator, compileCatalog } from '@selfhelp/catalog';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/selfhelp', import.meta.url));
const present = existsSync(join(corpus, 'articles'));
if (!present) console.log(`[catalog] ${corpus} is absent: skipping the corpus build`);

const out = mkdtempSync(join(tmpdir(), 'selfhelp-corpus-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test.skipIf(!present)('the corpus builds with skipInvalid, and every output validates', { timeout: 600_000 }, async () => {
  const workerUrl = new URL('../dist/worker.js', import.meta.url);
  const result = await compileCatalog({
    root: corpus,
    paths: [join(corpus, 'articles')],
    outDir: join(out, 'dist'),
    cache: false,
    skipInvalid: true,
    ...(existsSync(fileURLToPath(workerUrl)) ? { workerUrl } : { workers: 0 }),
  });
  expect(result.written).toBe(true);
  expect(result.articles).toBeGreaterThan(5000);
  expect(result.invalid.length).toBeLessThan(result.articles / 100);
  for (const article of result.invalid) expect(article.errors.length).toBeGreaterThan(0);
  const { validate } = catalogValidator();
  for (const output of result.outputs.filter((o) => o.path.endsWith('.json') && o.path !== 'catalog.schema.json')) {
    const data = JSON.parse(readFileSync(join(out, 'dist', output.path), 'utf8')) as { articles: unknown[] };
    expect(validate(data), output.path).toBe(true);
    expect(data.articles.length).toBe(output.articles);
  }
  console.log(
    `[catalog] corpus: ${result.articles} articles, ${result.invalid.length} skipped, ${result.excluded.fragment.length} fragments; ` +
      result.outputs.map((o) => `${o.path} ${o.bytes} B`).join(', '),
  );
});
