import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside, realPathsByFolder, resolvesInside } from '../src/paths.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'selfhelp-paths-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('realPathsByFolder', () => {
  it('gives the same real paths as realpath: plain files, linked files, files under linked folders; undefined when missing', () => {
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'articles', 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'articles', 'sub', 'plain.md'), 'a');
    writeFileSync(join(outside, 'secret.md'), 's');
    symlinkSync(join(outside, 'secret.md'), join(root, 'articles', 'leak.md'));
    symlinkSync(outside, join(root, 'articles', 'leakdir'));
    symlinkSync('sub/plain.md', join(root, 'articles', 'alias.md'));
    const realOf = realPathsByFolder();
    const files = ['articles/sub/plain.md', 'articles/leak.md', 'articles/leakdir/secret.md', 'articles/alias.md'].map((f) => join(root, f));
    // Twice: the second answers come from the folders already resolved.
    for (let round = 0; round < 2; round++) {
      expect(files.map(realOf)).toEqual(files.map((f) => realpathSync.native(f)));
    }
    // Made after the folder was listed: not in the listing, so looked at directly.
    writeFileSync(join(outside, 'late-secret.md'), 's');
    symlinkSync(join(outside, 'late-secret.md'), join(root, 'articles', 'late-link.md'));
    expect(realOf(join(root, 'articles', 'late-link.md'))).toBe(join(outside, 'late-secret.md'));
    expect(realOf(join(root, 'articles', 'missing.md'))).toBeUndefined();
    expect(realOf(join(root, 'no-folder', 'missing.md'))).toBeUndefined();
    expect(files.map((f) => resolvesInside(root, f, realOf))).toEqual([true, false, false, true]);
    expect(resolvesInside(root, join(root, 'articles', 'missing.md'), realOf)).toBe(true);
  });
});

describe('isInside', () => {
  it('answers as path.relative does, on the sliced fast path and off it', () => {
    const byRelative = (dir: string, path: string) => {
      const rel = relative(dir, path);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    };
    const cases: [string, string, boolean][] = [
      ['/repo', '/repo', true],
      ['/repo', '/repo/a.md', true],
      ['/repo', '/repo/', true],
      ['/repo', '/repo/sub/deep/a.md', true],
      ['/repo', '/repo/.hidden/..a.md', true], // dot names that are not . or .. segments
      ['/repo/', '/repo/a.md', true],
      ['/', '/a.md', true],
      ['/repo', '/repository/a.md', false],
      ['/repo', '/rep', false],
      ['/repo', '/repo/../other/a.md', false],
      ['/repo', '/repo/sub/../../other', false],
      ['/repo', '/repo/sub/../a.md', true],
      ['/repo', '/repo/./a.md', true],
      ['/repo', '/repo/..', false],
      ['/repo/sub/..', '/repo/a.md', true],
      ['/repo/./sub', '/repo/sub/a.md', true],
      ['/repo/sub', '/repo/./sub/../a.md', false],
      ['/repo', '/other/a.md', false],
      ['/repo', '/repo//a.md', true],
    ];
    for (const [dir, path, inside] of cases) {
      expect([dir, path, isInside(dir, path)]).toEqual([dir, path, inside]);
      expect([dir, path, byRelative(dir, path)]).toEqual([dir, path, inside]);
    }
  });
});
