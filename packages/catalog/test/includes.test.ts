// Includes: resolved into the body (nested, inline, several in a paragraph, in list items), and
// their errors (missing, cycle, outside the content root, through a symbolic link) with positions.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileCatalog, type BuildResult, type CatalogArticle } from '@selfhelp/catalog';
import { cleanup, project } from './helpers.js';

afterAll(cleanup);

const head = (id: string) => `<properties articleId="${id}" selfHelpType="generic" cloudEnvironments="public" />\n`;

async function build(files: Record<string, string>, extra?: (dir: string) => void): Promise<{ dir: string; result: BuildResult; articles: CatalogArticle[] }> {
  const dir = project(files);
  extra?.(dir);
  const result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false });
  const articles = result.written ? (JSON.parse(readFileSync(join(dir, 'dist', 'catalog.json'), 'utf8')) as { articles: CatalogArticle[] }).articles : [];
  return { dir, result, articles };
}

describe('resolving includes', () => {
  test('a nested include is resolved depth-first, recorded once, and feeds the hash', async () => {
    const files = {
      'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [outer](../includes/outer.md)]\n\nAfter.\n\n[!INCLUDE [outer again](../includes/outer.md)]\n`,
      'includes/outer.md': 'Outer start.\n\n[!INCLUDE [inner](parts/inner.md)]\n',
      'includes/parts/inner.md': '- inner item with [a link](https://inner.example)\n',
    };
    const { articles } = await build(files);
    const a = articles[0]!;
    expect(a.html).toBe('<h1 id="a">A</h1>\n<p>Outer start.</p>\n<ul>\n<li>inner item with <a href="https://inner.example">a link</a></li>\n</ul>\n<p>After.</p>\n<p>Outer start.</p>\n<ul>\n<li>inner item with <a href="https://inner.example">a link</a></li>\n</ul>');
    expect(a.includes).toEqual(['includes/outer.md', 'includes/parts/inner.md']);
    expect(a.links.filter((l) => l.include)).toEqual([
      { kind: 'https', href: 'https://inner.example', text: 'a link', image: false, line: 1, column: 19, include: 'includes/parts/inner.md' },
      { kind: 'https', href: 'https://inner.example', text: 'a link', image: false, line: 1, column: 19, include: 'includes/parts/inner.md' },
    ]);
    const changed = await build({ ...files, 'includes/parts/inner.md': '- inner item changed\n' });
    expect(changed.articles[0]!.hash).not.toBe(a.hash);
  });

  test('inline, side by side, in a list item, the legacy form, and not inside code', async () => {
    const { articles } = await build({
      'articles/a.md': [
        head('a'),
        '# A',
        '',
        'Call [!INCLUDE [name](../inc/name.md)] now.',
        '',
        '[!INCLUDE [one](../inc/one.md)]',
        '[AZURE.INCLUDE [two](../inc/two.md)]',
        '',
        '- Item: [!INCLUDE [name](../inc/name.md)]',
        '',
        '```',
        '[!INCLUDE [code](../inc/missing.md)]',
        '```',
        '',
      ].join('\n'),
      'inc/name.md': 'the *support* team\n',
      'inc/one.md': '## One\n\nFirst.\n',
      'inc/two.md': 'Second.\n\nThird.\n',
    });
    expect(articles[0]!.html).toBe(
      [
        '<h1 id="a">A</h1>',
        '<p>Call the <em>support</em> team now.</p>',
        '<h2 id="one">One</h2>',
        '<p>First.</p>',
        '<p>Second.</p>',
        '<p>Third.</p>',
        '<ul>',
        '<li>Item: the <em>support</em> team</li>',
        '</ul>',
        '<pre><code>[!INCLUDE [code](../inc/missing.md)]',
        '</code></pre>',
      ].join('\n'),
    );
    expect(articles[0]!.includes).toEqual(['inc/name.md', 'inc/one.md', 'inc/two.md']);
  });

  test('a path from the root with a leading slash, and one with a query or anchor', async () => {
    const { articles } = await build({
      'articles/deep/a.md': `${head('a')}[!INCLUDE [x](/inc/x.md)]\n\n[!INCLUDE [y](../../inc/x.md#part)]\n`,
      'inc/x.md': 'X text.\n',
    });
    expect(articles[0]!.html).toBe('<p>X text.</p>\n<p>X text.</p>');
  });
});

describe('include errors', () => {
  test('a missing include stops the build at the include, and nothing is written', async () => {
    const { dir, result } = await build({
      'articles/a.md': `${head('a')}# A\n\nText.\n\n  [!INCLUDE [gone](../inc/gone.md)]\n`,
      'articles/b.md': `${head('b')}# B\n`,
    });
    expect(result.written).toBe(false);
    expect(result.invalid).toEqual([
      {
        path: 'articles/a.md',
        id: 'a',
        errors: [{ code: 'include-missing', message: 'The included file "../inc/gone.md" (inc/gone.md) does not exist.', article: 'articles/a.md', file: 'articles/a.md', line: 6, column: 3 }],
      },
    ]);
    expect(() => readFileSync(join(dir, 'dist', 'catalog.json'))).toThrow(/ENOENT/);
  });

  test('a cycle is reported at the include that closes it, with the chain', async () => {
    const { result } = await build({
      'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [b](../inc/b.md)]\n`,
      'inc/b.md': 'B.\n\n[!INCLUDE [c](c.md)]\n',
      'inc/c.md': 'C.\n\n\n[!INCLUDE [b again](b.md)]\n',
    });
    expect(result.invalid[0]!.errors).toEqual([
      { code: 'include-cycle', message: 'Include cycle: articles/a.md -> inc/b.md -> inc/c.md -> inc/b.md.', article: 'articles/a.md', file: 'inc/c.md', line: 4, column: 1 },
    ]);
  });

  test('an article that includes itself', async () => {
    const { result } = await build({ 'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [me](a.md)]\n` });
    expect(result.invalid[0]!.errors.map((e) => [e.code, e.message, e.line, e.column])).toEqual([['include-cycle', 'Include cycle: articles/a.md -> articles/a.md.', 4, 1]]);
  });

  test('an include that climbs out of the content root is refused without reading it', async () => {
    const { result } = await build({ 'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [pw](../../../../../../etc/hostname)]\n` });
    expect(result.invalid[0]!.errors).toEqual([
      { code: 'include-outside-root', message: 'The include "../../../../../../etc/hostname" points outside the content root.', article: 'articles/a.md', file: 'articles/a.md', line: 4, column: 1 },
    ]);
  });

  test('a symbolic link inside the root that points out of it is refused', async () => {
    const outside = project({ 'secret.md': 'Secret text that must never be published.\n' });
    const { result } = await build({ 'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [s](../inc/secret.md)]\n`, 'inc/keep.md': 'x' }, (dir) => {
      symlinkSync(join(outside, 'secret.md'), join(dir, 'inc', 'secret.md'));
    });
    expect(result.invalid[0]!.errors.map((e) => [e.code, e.line, e.column])).toEqual([['include-outside-root', 4, 1]]);
  });

  test('errors inside an included file point at that file; malformed includes are errors too', async () => {
    const { result } = await build({
      'articles/a.md': `${head('a')}# A\n\n[!INCLUDE [ok](../inc/ok.md)]\n\n[!INCLUDE broken]\n`,
      'inc/ok.md': 'Fine.\n\n[!INCLUDE [nope](nope.md)]\n',
    });
    expect(result.invalid[0]!.errors.map((e) => [e.code, e.file, e.line, e.column])).toEqual([
      ['include-malformed', 'articles/a.md', 6, 1],
      ['include-missing', 'inc/ok.md', 3, 1],
    ]);
  });

  test('a multi-paragraph include inside a heading cannot be placed', async () => {
    const { result } = await build({
      'articles/a.md': `${head('a')}# Title [!INCLUDE [t](../inc/two.md)]\n`,
      'inc/two.md': 'One.\n\nTwo.\n',
    });
    expect(result.invalid[0]!.errors.map((e) => [e.code, e.line, e.column])).toEqual([['include-misplaced', 2, 9]]);
  });
});

test('an include inside a raw HTML block cannot be resolved', async () => {
  const { result } = await build({
    'articles/a.md': `${head('a')}# A\n\n<div>\n[!INCLUDE [x](../inc/x.md)]\n</div>\n`,
    'inc/x.md': 'X.\n',
  });
  expect(result.invalid[0]!.errors.map((e) => [e.code, e.message, e.line, e.column])).toEqual([
    ['include-misplaced', 'The include "../inc/x.md" sits inside raw HTML, where it cannot be resolved.', 5, 1],
  ]);
});
