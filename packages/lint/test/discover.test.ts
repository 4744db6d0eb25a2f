import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { glob } from 'tinyglobby';
import { createIgnoreFilter, diskSource, discoverFiles, loadConfig } from '@selfhelp/lint';
import { tempTree, testRules } from './helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function setup(configText?: string) {
  const files: Record<string, string> = {
    'articles/b.md': 'b',
    'articles/a.md': 'a',
    'articles/sub/c.md': 'c',
    'articles/sub/notes.txt': 'not markdown',
    'articles/drafts/d.md': 'd',
    'articles/build/e.md': 'e',
    'articles/node_modules/pkg/readme.md': 'dependency',
    'articles/.gitignore': 'build/\n',
    'other/f.md': 'f',
  };
  if (configText) files['selfhelp.config.json'] = configText;
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  mkdirSync(join(t.dir, '.git')); // the top of a work tree: .gitignore files are read up to here
  const config = await loadConfig({ cwd: t.dir, builtInRules: false, pluginModules: [testRules] });
  const ignored = await createIgnoreFilter(config);
  const rel = (paths: string[]) => paths.map((p) => p.slice(t.dir.length + 1));
  return { dir: t.dir, ignored, rel };
}

describe('discoverFiles', () => {
  it('walks a folder as the glob of *.md with dot: false: no dot names, no node_modules, no symbolic links', async () => {
    const t = tempTree({
      'docs/a.md': 'a',
      'docs/.hidden.md': 'dot file',
      'docs/.drafts/b.md': 'under a dot folder',
      'docs/node_modules/pkg/c.md': 'dependency',
      'docs/deep/er/d.md': 'd',
      'docs/deep/E.MD': 'upper-case extension',
      'docs/deep/notes.md.txt': 'not markdown',
      'docs/deep/x.mdx': 'not markdown',
      'docs/with space/\u00e9t\u00e9.md': 'non-ASCII name',
      'outside/o.md': 'o',
    });
    cleanups.push(t.cleanup);
    symlinkSync(join(t.dir, 'docs/a.md'), join(t.dir, 'docs/link.md'));
    symlinkSync(join(t.dir, 'outside'), join(t.dir, 'docs/linked-folder'));
    const docs = join(t.dir, 'docs');
    const rel = (paths: string[]) => paths.map((p) => p.slice(docs.length + 1)).sort();
    const expected = ['a.md', 'deep/er/d.md', 'with space/\u00e9t\u00e9.md'];
    const none = () => false;
    expect(rel((await discoverFiles([docs], { cwd: t.dir, ignored: Object.assign(none, { signature: () => '' }) })).files)).toEqual(expected);
    expect(rel(await diskSource.listMarkdown(docs, none))).toEqual(expected);
    // The same set as tinyglobby's, which the walk replaced for folders (globs still go through it).
    const globbed = await glob(['**/*.md'], { cwd: docs, absolute: true, dot: false, followSymbolicLinks: false, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    expect(rel(globbed)).toEqual(expected);
  });

  it('expands folders into sorted Markdown files, minus .gitignore and node_modules', async () => {
    const { dir, ignored, rel } = await setup();
    const found = await discoverFiles(['articles'], { cwd: dir, ignored });
    expect(rel(found.files)).toEqual(['articles/a.md', 'articles/b.md', 'articles/drafts/d.md', 'articles/sub/c.md']);
  });

  it('applies the config ignores, takes globs and files, dedupes', async () => {
    const { dir, ignored, rel } = await setup(JSON.stringify({ ignores: ['articles/drafts/'] }));
    const found = await discoverFiles(['articles/sub/c.md', 'articles/*.md', 'other', 'articles/sub/c.md'], { cwd: dir, ignored });
    expect(rel(found.files)).toEqual(['articles/a.md', 'articles/b.md', 'articles/sub/c.md', 'other/f.md']);
    expect(found.ignoredExplicit).toEqual([]);
  });

  it('reports explicitly named ignored files separately', async () => {
    const { dir, ignored, rel } = await setup(JSON.stringify({ ignores: ['**/drafts/**'] }));
    const found = await discoverFiles(['articles/drafts/d.md', 'articles/build/e.md', 'articles/a.md'], { cwd: dir, ignored });
    expect(rel(found.files)).toEqual(['articles/a.md']);
    expect(rel(found.ignoredExplicit)).toEqual(['articles/build/e.md', 'articles/drafts/d.md']);
  });

  it('a path or glob that matches nothing is an error', async () => {
    const { dir, ignored } = await setup(JSON.stringify({ ignores: ['other/**'] }));
    await expect(discoverFiles(['nope.md'], { cwd: dir, ignored })).rejects.toThrow('no such file or folder: nope.md');
    await expect(discoverFiles(['articles/**/*.mdx'], { cwd: dir, ignored })).rejects.toThrow('no files matching the pattern "articles/**/*.mdx" were found');
    await expect(discoverFiles(['other'], { cwd: dir, ignored })).rejects.toThrow('all files matched by "other" are ignored');
  });

  it('reads nested .gitignore files up to the top of the work tree', async () => {
    const { dir, ignored, rel } = await setup();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '.gitignore'), '*.draft.md\narticles/drafts/old/*.md\n');
    writeFileSync(join(dir, 'articles/sub/.gitignore'), '/c.md\n');
    writeFileSync(join(dir, 'articles/x.draft.md'), 'x');
    mkdirSync(join(dir, 'articles/drafts/old'));
    writeFileSync(join(dir, 'articles/drafts/old/g.md'), 'g');
    mkdirSync(join(dir, 'articles/drafts/old/keep'));
    writeFileSync(join(dir, 'articles/drafts/old/keep/h.md'), 'h');
    const config = await loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules] });
    const found = await discoverFiles(['articles'], { cwd: dir, ignored: await createIgnoreFilter(config) });
    // Patterns are matched against the path from each .gitignore's folder: `articles/drafts/old/*.md` from the
    // top covers g.md, not keep/h.md; `/c.md` in articles/sub covers that folder's c.md only.
    expect(rel(found.files)).toEqual(['articles/a.md', 'articles/b.md', 'articles/drafts/d.md', 'articles/drafts/old/keep/h.md']);
    expect(ignored(join(dir, 'articles/build/e.md'))).toBe(true);
  });

  it('signs what decides its answers: the paths, the config ignores and every .gitignore on the way', async () => {
    const { dir } = await setup();
    const { writeFileSync } = await import('node:fs');
    const paths = ['articles/a.md', 'articles/sub/c.md'].map((p) => join(dir, p));
    const sign = async (inline?: object) => (await createIgnoreFilter(await loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules], ...(inline ? { config: inline } : {}) }))).signature(paths);
    const first = await sign();
    expect(await sign()).toBe(first);
    writeFileSync(join(dir, 'articles/sub/.gitignore'), '/c.md\n'); // a new .gitignore on the way
    const nested = await sign();
    expect(nested).not.toBe(first);
    writeFileSync(join(dir, 'articles/sub/.gitignore'), '/d.md\n'); // its text changes
    expect(await sign()).not.toBe(nested);
    expect(await sign({ ignores: ['articles/drafts/'] })).not.toBe(await sign());
    const filter = await createIgnoreFilter(await loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules] }));
    expect(filter.signature(paths.slice(0, 1))).not.toBe(filter.signature(paths));
  });

  it('respects "gitignore": false', async () => {
    const { dir, rel } = await setup(JSON.stringify({ gitignore: false }));
    const config = await loadConfig({ cwd: dir, builtInRules: false, pluginModules: [testRules] });
    const found = await discoverFiles(['articles'], { cwd: dir, ignored: await createIgnoreFilter(config) });
    expect(rel(found.files)).toContain('articles/build/e.md');
  });
});
