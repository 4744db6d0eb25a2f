// Build errors stop the build and write nothing; --skip-invalid writes the rest and lists each
// invalid article with its reason; style problems never block.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileCatalog, type CatalogArticle } from '@selfhelp/catalog';
import { cleanup, project } from './helpers.js';

afterAll(cleanup);

const good = `<properties articleId="good-one" selfHelpType="generic" cloudEnvironments="public" />\n# Good\n\nFine.\n`;

const BROKEN: Record<string, string> = {
  'articles/unterminated.md': `<properties\n  articleId="unterminated"\n  selfHelpType="generic\n  cloudEnvironments="public"\n/>\n# Broken metadata\n`,
  'articles/no-id.md': `<properties selfHelpType="generic" cloudEnvironments="public" />\n# No id\n`,
  'articles/empty-id.md': `<properties articleId="  " selfHelpType="generic" />\n# Empty id\n`,
  'articles/dup-1.md': `<properties articleId="Same-ID" selfHelpType="generic" />\n# One\n`,
  'articles/dup-2.md': `<properties\n  selfHelpType="generic"\n  articleId="same-id" />\n# Two\n`,
  'articles/bad-json.md': `<properties articleId="bad-json" selfHelpType="problemScopingQuestions" />\n# Form\n---\n{\n  "title": "x",\n  "formElements": [ }\n}\n---\n`,
};

describe('build errors', () => {
  test('each kind of build error, with its position; nothing is written', async () => {
    const dir = project({ 'articles/good.md': good, ...BROKEN });
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false });
    expect(result.written).toBe(false);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(result.articles).toBe(1);
    const errors = result.invalid.map((a) => [a.path, a.errors.map((e) => `${e.line}:${e.column} ${e.code}`)]);
    expect(errors).toEqual([
      ['articles/bad-json.md', ['6:21 json-body-invalid']],
      ['articles/dup-1.md', ['1:13 article-id-duplicate']],
      ['articles/dup-2.md', ['3:3 article-id-duplicate']],
      ['articles/empty-id.md', ['1:1 article-id-missing']],
      ['articles/no-id.md', ['1:1 article-id-missing']],
      ['articles/unterminated.md', ['3:16 metadata-unreadable']],
    ]);
    const messages = Object.fromEntries(result.invalid.map((a) => [a.path, a.errors[0]!.message]));
    expect(messages['articles/dup-1.md']).toBe('articleId "Same-ID" is also used by articles/dup-2.md.');
    expect(messages['articles/dup-2.md']).toBe('articleId "same-id" is also used by articles/dup-1.md.');
    expect(messages['articles/no-id.md']).toBe('The article has no articleId.');
    expect(messages['articles/unterminated.md']).toMatch(/^The value of "selfHelpType" has no closing "\. \(properties-unterminated-value\)$/);
    expect(messages['articles/bad-json.md']).toMatch(/^JSON: .+ \(json-syntax\)$/);
  });

  test('--skip-invalid writes the catalog without the invalid articles and lists each', async () => {
    const dir = project({ 'articles/good.md': good, ...BROKEN });
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false, skipInvalid: true });
    expect(result.written).toBe(true);
    expect(result.invalid.map((a) => [a.path, a.id, a.errors.map((e) => e.code)])).toEqual([
      ['articles/bad-json.md', 'bad-json', ['json-body-invalid']],
      ['articles/dup-1.md', 'Same-ID', ['article-id-duplicate']],
      ['articles/dup-2.md', 'same-id', ['article-id-duplicate']],
      ['articles/empty-id.md', null, ['article-id-missing']],
      ['articles/no-id.md', null, ['article-id-missing']],
      ['articles/unterminated.md', 'unterminated', ['metadata-unreadable']],
    ]);
    const catalog = JSON.parse(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')) as { articles: CatalogArticle[] };
    expect(catalog.articles.map((a) => a.id)).toEqual(['good-one']);
  });

  test('a file named twice (directly and through its directory) is compiled once', async () => {
    const dir = project({ 'articles/good.md': good });
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles', 'good.md'), join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false });
    expect(result.written).toBe(true);
    expect(result.stats.files).toBe(1);
  });

  test('style problems do not block: odd quoting, heading jumps, empty links, unknown keys and types', async () => {
    const dir = project({
      'articles/sloppy.md': `<properties articleId=sloppy selfHelpType="NotAType" madeUpKey="x" pageTitle="Tom & Jerry" />\n#### Deep heading first\n\n[](https://empty.example) and [spaced] (https://x.example)\n`,
    });
    const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false });
    expect(result.invalid).toEqual([]);
    expect(result.written).toBe(true);
    const [article] = (JSON.parse(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')) as { articles: CatalogArticle[] }).articles;
    expect(article).toMatchObject({ id: 'sloppy', selfHelpType: null, pageTitle: 'Tom & Jerry', title: null, clouds: [] });
    expect(article!.metadata).toMatchObject({ selfHelpType: 'NotAType', madeUpKey: 'x' });
  });
});

test('a <properties> block the parser does not read as metadata is a build error, not a silently dropped fragment', async () => {
  const dir = project({
    // Read by the parser (a warning, properties-not-first): catalogued.
    'articles/late-props.md': `# Heading first\n\n<properties\n  articleId="late"\n  selfHelpType="generic" />\n\nText.\n`,
    'articles/commented.md': `<!-- a note -->\n<properties articleId="commented" selfHelpType="generic" />\n# Title\n`,
    // Not read (it comes after a code block): an error rather than a fragment.
    'articles/after-code.md': '```\nsome code\n```\n\n<properties articleId="after-code" selfHelpType="generic" />\n\n# Title\n',
    // The syntax shown in a code block: a fragment.
    'articles/doc.md': 'A fragment that shows the syntax:\n\n```\n<properties articleId="x" />\n```\n',
  });
  const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false, skipInvalid: true });
  expect(result.invalid.map((a) => [a.path, a.errors.map((e) => `${e.line}:${e.column} ${e.code} ${e.message}`)])).toEqual([
    ['articles/after-code.md', ['5:1 metadata-unreadable This <properties> block is not at the start of the file, so it is not read; move it to the top.']],
  ]);
  expect(result.excluded.fragment).toEqual(['articles/doc.md']);
  const catalog = JSON.parse(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')) as { articles: CatalogArticle[] };
  expect(catalog.articles.map((a) => a.id)).toEqual(['commented', 'late']);
});
