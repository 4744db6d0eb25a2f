// Paths that try to leave the content root: `..` climbs in relative links and includes, absolute
// and `file:` paths, Windows separators and drive letters, NUL bytes, percent-encoded dots, and
// symbolic links (files and folders) pointing outside. Every file read by the process is recorded
// (real paths included): nothing under the sibling `outside/` folder (which holds a canary) and no
// system file is ever opened, and the canary's text appears in no output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProjectAccess } from '@selfhelp/core';
import { CANARY, buildTree, cleanupSandboxes, isUnder, lintTree, readTree, runCli, sandbox, selfhelp, watchFileReads, type Sandbox } from './helpers.js';

afterAll(cleanupSandboxes);

const ESCAPES = [
  '../../outside/secret.md',
  '../../../../../../../../etc/passwd',
  '..\\..\\outside\\secret.md',
  '%2e%2e/%2e%2e/outside/secret.md',
  '..%2f..%2foutside%2fsecret.md',
  '/etc/passwd',
  'file:///etc/passwd',
  'C:\\Windows\\win.ini',
  'C:/Windows/win.ini',
  '\\\\server\\share\\secret.md',
  'secret.md%00.md',
  'leak.md',
  'leakdir/secret.md',
];

function hostileArticle(): string {
  const links = ESCAPES.map((target, i) => `- [link ${i}](${target.replace(/\\/g, '\\\\')}#section)`).join('\n');
  const includes = ESCAPES.map((target) => `[!INCLUDE [part](${target})]`).join('\n\n');
  const html = ESCAPES.map((target) => `<a href="${target}">html</a> <img src="${target}" alt="img">`).join('\n');
  return selfhelp('PathEscapes', `# Title\n\n${links}\n\n${includes}\n\n${html}\n`);
}

/** The sandbox: an article full of escapes, symbolic links to the canary file and to the outside folder. */
function escapeSandbox(): Sandbox {
  const box = sandbox({ 'articles/escapes.md': hostileArticle(), 'articles/clean.md': selfhelp('Clean', '# Title\n\nSee [escapes](escapes.md#title).\n') });
  box.link('articles/leak.md', box.canary);
  box.link('articles/leakdir', box.outside);
  box.link('articles/passwd.md', '/etc/passwd');
  box.link('leakdir', box.outside);
  return box;
}

function expectNothingReadOutside(box: Sandbox, paths: string[]): void {
  const outside = paths.filter((p) => isUnder(box.outside, p) || p.startsWith('/etc/') || p.startsWith('C:') || p.startsWith('//'));
  expect(outside).toEqual([]);
}

describe('paths', () => {
  it('ProjectAccess answers undefined/false for every escape, without reading outside', () => {
    const box = escapeSandbox();
    const watch = watchFileReads();
    const access = createProjectAccess(box.root);
    try {
      for (const target of ESCAPES.slice(0, 11)) {
        expect(access.resolve('articles/escapes.md', target), target).toBeUndefined();
      }
      expect(access.resolve('articles/escapes.md', 'a\0b.md')).toBeUndefined();
      // Symbolic links resolve lexically inside the root, but are neither files of the root nor readable.
      expect(access.resolve('articles/escapes.md', 'leak.md')).toBe('articles/leak.md');
      for (const rel of ['articles/leak.md', 'articles/leakdir/secret.md', 'leakdir/secret.md', 'articles/passwd.md', '../outside/secret.md', '/etc/passwd', 'articles/a\0.md']) {
        expect(access.exists(rel), rel).toBe(false);
        expect(access.article(rel), rel).toBeUndefined();
      }
      expect(access.exists('articles/clean.md')).toBe(true);
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
  });

  it('lint (with fixes) reports each escaping link and include, and reads nothing outside the root', async () => {
    const box = escapeSandbox();
    const watch = watchFileReads();
    let output: string;
    try {
      const run = await lintTree(box.root, ['articles/escapes.md', 'articles/clean.md'], { fix: true });
      output = JSON.stringify(run.results);
      const messages = run.results[1]!.messages;
      const byRule = (id: string) => messages.filter((m) => m.ruleId === id).map((m) => m.message);
      expect(byRule('include-in-root')).toEqual(
        expect.arrayContaining([
          'Include path "../../outside/secret.md" leaves the content root',
          'Include path "../../../../../../../../etc/passwd" leaves the content root',
        ]),
      );
      expect(byRule('link-relative')).toEqual(
        expect.arrayContaining([
          'Relative link `../../outside/secret.md` leaves the content root',
          'Relative link `../../../../../../../../etc/passwd` leaves the content root',
          'Relative link target `leak.md` does not exist (looked for `articles/leak.md`)',
          'Relative link target `leakdir/secret.md` does not exist (looked for `articles/leakdir/secret.md`)',
        ]),
      );
      expect(byRule('include-exists')).toEqual(expect.arrayContaining(['Included file "leak.md" does not exist (articles/leak.md)']));
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
    expect(output).not.toContain(CANARY);
    expect(output).not.toContain('canary-7d0c'); // not even as a heading slug suggestion
  });

  it('build refuses every escaping include and reads nothing outside the root', async () => {
    const box = escapeSandbox();
    const watch = watchFileReads();
    let result;
    try {
      result = await buildTree(box, ['articles']);
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
    const errors = result.invalid.flatMap((a) => a.errors.map((e) => [e.code, e.message]));
    expect(errors).toEqual(
      expect.arrayContaining([
        ['include-outside-root', 'The include "../../outside/secret.md" points outside the content root.'],
        ['include-outside-root', 'The include "leak.md" resolves (through a symbolic link) outside the content root.'],
        ['include-outside-root', 'The include "leakdir/secret.md" resolves (through a symbolic link) outside the content root.'],
      ]),
    );
    expect(result.invalid.map((a) => a.path)).toEqual(['articles/escapes.md']);
    const out = readTree(join(box.base, 'out'));
    expect(JSON.stringify(out)).not.toContain(CANARY);
    // The symbolic links in the tree are not compiled as articles.
    expect(result.stats.files).toBe(2);
  });

  it('lint refuses a symbolic link that leads out of the root, even named explicitly, without reading it', async () => {
    const box = escapeSandbox();
    box.write({ 'articles/sub/ok.md': selfhelp('Ok', '# Title\n\nBody.\n') });
    const watch = watchFileReads();
    let run;
    try {
      run = await lintTree(box.root, ['articles/leak.md', 'articles/passwd.md', 'articles/leakdir/secret.md', 'leakdir/includes/secret-include.md', 'articles/sub/ok.md']);
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
    const refused = { ruleId: null, severity: 2, message: 'File leads (through a symbolic link) outside the content root; not read.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
    expect(run.results.map((r) => [r.filePath.slice(box.root.length + 1), r.messages.filter((m) => m.fatal)])).toEqual([
      ['articles/leak.md', [refused]],
      ['articles/leakdir/secret.md', [refused]],
      ['articles/passwd.md', [refused]],
      ['articles/sub/ok.md', []],
      ['leakdir/includes/secret-include.md', [refused]],
    ]);
    expect(JSON.stringify(run.results)).not.toContain(CANARY);
  });

  it('build refuses a symbolic link that leads out of the root, even named explicitly, without reading it', async () => {
    const box = escapeSandbox();
    const watch = watchFileReads();
    let result;
    try {
      result = await buildTree(box, ['articles/leak.md', 'articles/passwd.md', 'articles/leakdir/secret.md', 'articles/clean.md']);
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
    const refused = ['file-unreadable', 'The file leads (through a symbolic link) outside the content root; it is not read.'];
    expect(result.invalid.map((a) => [a.path, a.errors.map((e) => [e.code, e.message])])).toEqual([
      ['articles/leak.md', [refused]],
      ['articles/leakdir/secret.md', [refused]],
      ['articles/passwd.md', [refused]],
    ]);
    expect(result.articles).toBe(1);
    expect(JSON.stringify(readTree(join(box.base, 'out')))).not.toContain(CANARY);
  });

  it('the selfhelp CLI over the folder (lint --fix, build) never prints or writes the canary', async () => {
    const box = escapeSandbox();
    const watch = watchFileReads();
    let lint;
    let build;
    try {
      lint = await runCli(box.root, 'lint', '--no-cache', '--concurrency', 'off', '--fix', 'articles');
      build = await runCli(box.root, 'build', '--no-cache', '--concurrency', 'off', '--skip-invalid', '--out', join(box.base, 'dist'), 'articles');
    } finally {
      watch.stop();
    }
    expectNothingReadOutside(box, watch.paths);
    expect(lint.code).toBe(1);
    expect(build.code).toBe(0);
    for (const text of [lint.stdout, lint.stderr, build.stdout, build.stderr, JSON.stringify(readTree(join(box.base, 'dist')))]) expect(text).not.toContain(CANARY);
    expect(readFileSync(join(box.root, 'articles', 'escapes.md'), 'utf8')).toBe(hostileArticle());
  });
});
