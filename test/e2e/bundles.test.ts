// The build's last step (scripts/bundle.mjs) turns the entry of core, schema, links and rules into one
// module each, and core's third-party parser modules into a few: a process then loads ~80 modules
// instead of ~330. These check that the built files are such bundles, importing only what they must, and
// that a parse through them is the parse through the sources.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(join(root, 'packages/core/dist/vendor/markdown.js'));

/** The module specifiers a built file imports (static imports and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2])!);
}

describe.skipIf(!built)('bundles (dist)', () => {
  it("core's vendor modules import no third-party package: everything behind remark-parse, unified and GFM is inside", () => {
    const dir = join(root, 'packages/core/dist/vendor');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.filter((f) => !f.startsWith('chunk-')).sort()).toEqual(['gfm.js', 'markdown.js']);
    for (const f of files) {
      const specs = importsOf(join(dir, f));
      expect(specs.filter((s) => !s.startsWith('./chunk-') && !s.startsWith('node:')), f).toEqual([]);
    }
  });

  it.each([
    ['packages/core', ['./vendor/markdown.js']],
    ['packages/schema', ['../generated/annotations.js', '../generated/validators.js']],
    ['packages/links', []],
    ['rules', []],
  ])('%s/dist/index.js holds all of its own code: its only relative imports are files found beside it', (dir, relative) => {
    const specs = importsOf(join(root, dir, 'dist/index.js'));
    expect([...new Set(specs.filter((s) => s.startsWith('.')))].sort()).toEqual(relative);
    expect(specs.length).toBeGreaterThan(0);
  });

  it('parses as the sources do: the same tree and links for plain Markdown and for GFM', async () => {
    const bundled = (await import(join(root, 'packages/core/dist/index.js'))) as typeof import('@selfhelp/core');
    const text = [
      '<properties',
      '  pageTitle="Bundle check"',
      '  articleId="bundle-check"',
      '/>',
      '',
      '# Bundle check',
      '',
      'Text with *emphasis*, `code` and a [link](https://learn.microsoft.com/azure).',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | ~~2~~ |',
      '',
      '- [x] done, see https://example.com',
      '',
    ].join('\n');
    const fromBundle = bundled.parseArticle(text, { path: 'a.md' });
    const fromSources = parseArticle(text, { path: 'a.md' });
    expect(fromBundle.tree).toEqual(fromSources.tree);
    expect(fromBundle.links).toEqual(fromSources.links);
    expect(fromBundle.tree?.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'table', 'list']);
  });
});
