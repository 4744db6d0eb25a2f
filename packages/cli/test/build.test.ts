// `selfhelp build`: flags, exit codes, the summary and the error report. In-process through
// main(), plus one run of the built binary with the defaults (articles -> dist) when it is built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/main.js';

let dir: string;

const article = (id: string, clouds = 'public') =>
  `<properties\n  pageTitle="Page ${id}"\n  articleId="${id}"\n  selfHelpType="generic"\n  cloudEnvironments="${clouds}"\n/>\n\n# Title ${id}\n\nText.\n`;

function write(rel: string, text: string): void {
  const file = path.join(dir, ...rel.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const cache = args.includes('--no-cache') ? [] : ['--cache-location', path.join(dir, '.cache.json')];
    const code = await main(['build', '--root', dir, ...cache, '--concurrency', 'off', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-build-cli-')));
  write('articles/one.md', article('one', 'public, fairfax'));
  write('articles/two.md', article('two'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('selfhelp build', () => {
  test('builds, prints a summary and exits 0', async () => {
    const r = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Built .*out: 2 articles \(public 2, fairfax 1, mooncake 0, blackforest 0, usnat 0, ussec 0\), [\d.]+ KiB in [\d.]+s\.\n {2}2 rendered; 0 from cache\.\n$/);
    const catalog = JSON.parse(readFileSync(path.join(dir, 'out', 'catalog.json'), 'utf8')) as { articles: { id: string; source: string }[]; generator: unknown };
    expect(catalog.articles.map((a) => [a.id, a.source])).toEqual([['one', 'articles/one.md'], ['two', 'articles/two.md']]);
    expect(catalog.generator).toEqual({ name: 'selfhelp', version: '0.1.0' });
    // Second run: everything from the cache.
    expect((await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'))).stdout).toContain('0 rendered; 2 from cache.');
  });

  test('build errors: listed stylish, exit 1, nothing written', async () => {
    write('articles/three.md', article('one'));
    write('articles/bad.md', '<properties selfHelpType="generic" />\n# No id\n');
    const r = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'articles/bad.md',
        '  1:1  error  The article has no articleId.  article-id-missing',
        '',
        'articles/one.md',
        '  3:3  error  articleId "one" is also used by articles/three.md.  article-id-duplicate',
        '',
        'articles/three.md',
        '  3:3  error  articleId "one" is also used by articles/one.md.  article-id-duplicate',
        '',
        '✖ 3 invalid articles (3 build errors); nothing was written to out.',
        '  Fix them, or pass --skip-invalid to build without them.',
        '',
      ].join('\n').replace('written to out.', `written to ${path.relative(process.cwd(), path.join(dir, 'out'))}.`),
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('--skip-invalid writes the rest, lists the skipped, exits 0', async () => {
    write('articles/bad.md', '<properties selfHelpType="generic" />\n# No id\n');
    const r = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'), '--skip-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('articles/bad.md\n  1:1  error  The article has no articleId.  article-id-missing\n');
    expect(r.stdout).toContain('Skipped 1 invalid article (1 build error, listed above).');
    expect(r.stdout).toMatch(/: 2 articles \(/);
  });

  test('--format json and --format github', async () => {
    write('articles/bad.md', '<properties selfHelpType="generic" />\n# No id\n');
    const json = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'), '--format', 'json', '--no-cache');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { written: boolean; articles: number; invalid: { path: string; errors: { code: string }[] }[] };
    expect(report.written).toBe(false);
    expect(report.articles).toBe(2);
    expect(report.invalid.map((a) => [a.path, a.errors.map((e) => e.code)])).toEqual([['articles/bad.md', ['article-id-missing']]]);
    const github = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'out'), '-f', 'github');
    expect(github.stdout.split('\n')[0]).toBe('::error file=articles/bad.md,line=1,col=1,title=article-id-missing::The article has no articleId.');
  });

  test('usage errors exit 2 with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--format', 'xml'], /--format: unknown format "xml"/],
      [['--concurrency', 'many'], /--concurrency: expected a number, auto or off/],
      [['--no-cache', '--cache-location', 'x'], /cannot be used together/], // the helper adds no location with --no-cache
      [[path.join(dir, 'nowhere')], /no such file or directory/],
      [[path.join(tmpdir())], /is outside the content root/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    write('src/keep.ts', 'export {};\n');
    const refuse = await run(path.join(dir, 'articles'), '--out', path.join(dir, 'src'));
    expect(refuse.code).toBe(2);
    expect(refuse.stderr).toMatch(/refusing to replace .*src: it is not empty and holds no catalog\.json/);
  });

  test('--help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: selfhelp build \[options\] \[paths\.\.\.\]/);
  });

  const bin = fileURLToPath(new URL('../bin/selfhelp.js', import.meta.url));
  const built = existsSync(fileURLToPath(new URL('../dist/commands/build.js', import.meta.url)));
  if (!built) console.log('[cli] dist/commands/build.js is not built: skipping the binary test (run pnpm build)');
  test.skipIf(!built)('the built binary with the defaults: articles -> dist', () => {
    const r = spawnSync(process.execPath, [bin, 'build'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Built dist: 2 articles/);
    expect(existsSync(path.join(dir, 'dist', 'clouds', 'fairfax.json'))).toBe(true);
    expect(existsSync(path.join(dir, '.selfhelp-cache', 'catalog.json'))).toBe(true);
  });
});
