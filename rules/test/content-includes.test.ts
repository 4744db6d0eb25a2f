// Edge cases of include-exists, include-in-root and include-no-cycle, on a content root on disk.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lines, ranges, ruleById, selfhelp, tempRoot } from './helpers.js';

const article = (...body: string[]): string => selfhelp('generic', '# T', '', ...body);

const root = tempRoot({
  'vm/start.md': article('[!INCLUDE [a](../includes/a.md)]', '[!INCLUDE [gone](../includes/gone.md)]', '[!INCLUDE [q](../includes/a.md?tabs=1#top)]'),
  'vm/legacy.md': article('[AZURE.INCLUDE [a](../includes/a.md)]', '[!INCLUDE [dir](../includes)]'),
  'vm/escape.md': article('[!INCLUDE [x](../../x.md)]', '[!INCLUDE [abs](/includes/a.md)]', '[!INCLUDE [win](C:\\includes\\a.md)]', '[!INCLUDE [url](https://example.com/a.md)]'),
  'includes/a.md': lines('Step A.', '', '[!INCLUDE [b](b.md)]'),
  'includes/b.md': lines('Step B.'),
  'includes/self.md': lines('[!INCLUDE [me](./self.md)]'),
  'includes/c1.md': lines('[!INCLUDE [c2](c2.md)]', '[!INCLUDE [c2 again](c2.md)]'),
  'includes/c2.md': lines('[!INCLUDE [c3](c3.md)]'),
  'includes/c3.md': lines('[!INCLUDE [c1](c1.md)]', '[!INCLUDE [c2](c2.md)]'),
  'includes/tail.md': lines('[!INCLUDE [c1](c1.md)]'),
  'includes/code.md': lines('```', '[!INCLUDE [gone](gone.md)]', '```'),
});
afterAll(() => root.dispose());

const run = (id: string, rel: string, withProject = true): string[] => {
  const source = root.project.article(rel)!.source;
  return ranges(ruleById(id), source, { path: rel, ...(withProject ? { project: root.project } : {}) });
};

describe('include-exists', () => {
  it('reports missing targets at the path, query and fragment removed', () => {
    expect(run('include-exists', 'vm/start.md')).toEqual(['8:18-8:37 Included file "../includes/gone.md" does not exist (includes/gone.md)']);
  });

  it('treats legacy includes alike and a directory as missing', () => {
    expect(run('include-exists', 'vm/legacy.md')).toEqual(['8:17-8:28 Included file "../includes" does not exist (includes)']);
  });

  it('leaves paths outside the root to include-in-root, and includes in code alone', () => {
    expect(run('include-exists', 'vm/escape.md')).toEqual([]);
    expect(run('include-exists', 'includes/code.md')).toEqual([]);
  });

  it('is skipped without a content root', () => {
    expect(run('include-exists', 'vm/start.md', false)).toEqual([]);
  });

  it('counts a symbolic link out of the root as missing', () => {
    const outside = tempRoot({ 'secret.md': 'outside\n' });
    try {
      mkdirSync(path.join(root.root, 'linked'), { recursive: true });
      symlinkSync(path.join(outside.root, 'secret.md'), path.join(root.root, 'linked', 'secret.md'));
      writeFileSync(path.join(root.root, 'linked', 'page.md'), article('[!INCLUDE [s](secret.md)]'));
      expect(run('include-exists', 'linked/page.md')).toEqual(['7:15-7:24 Included file "secret.md" does not exist (linked/secret.md)']);
    } finally {
      outside.dispose();
    }
  });
});

describe('include-in-root', () => {
  it('reports leaving the root, absolute paths and URLs', () => {
    expect(run('include-in-root', 'vm/escape.md')).toEqual([
      '7:15-7:25 Include path "../../x.md" leaves the content root',
      '8:17-8:31 Include path "/includes/a.md" is absolute; write it relative to the article',
      '9:17-9:33 Include path "C:\\includes\\a.md" is absolute; write it relative to the article',
      '10:17-10:41 Include path "https://example.com/a.md" is a URL; include a file of the content tree by its relative path',
    ]);
  });

  it('still reports absolute paths and URLs without a content root', () => {
    expect(run('include-in-root', 'vm/escape.md', false)).toEqual([
      '8:17-8:31 Include path "/includes/a.md" is absolute; write it relative to the article',
      '9:17-9:33 Include path "C:\\includes\\a.md" is absolute; write it relative to the article',
      '10:17-10:41 Include path "https://example.com/a.md" is a URL; include a file of the content tree by its relative path',
    ]);
  });

  it('accepts paths inside the root, existing or not', () => {
    expect(run('include-in-root', 'vm/start.md')).toEqual([]);
  });
});

describe('include-no-cycle', () => {
  it('reports a file that includes itself', () => {
    expect(run('include-no-cycle', 'includes/self.md')).toEqual(['1:16-1:25 Include cycle: includes/self.md -> includes/self.md']);
  });

  it('reports the shortest chain back, once per target', () => {
    expect(run('include-no-cycle', 'includes/c1.md')).toEqual(['1:16-1:21 Include cycle: includes/c1.md -> includes/c2.md -> includes/c3.md -> includes/c1.md']);
    expect(run('include-no-cycle', 'includes/c3.md')).toEqual([
      '1:16-1:21 Include cycle: includes/c3.md -> includes/c1.md -> includes/c2.md -> includes/c3.md',
      '2:16-2:21 Include cycle: includes/c3.md -> includes/c2.md -> includes/c3.md',
    ]);
  });

  it('does not report a file that only leads into a cycle, nor acyclic includes', () => {
    expect(run('include-no-cycle', 'includes/tail.md')).toEqual([]);
    expect(run('include-no-cycle', 'vm/start.md')).toEqual([]);
  });

  it('is skipped without a content root', () => {
    expect(run('include-no-cycle', 'includes/self.md', false)).toEqual([]);
  });
});
