// End-to-end: the built `selfhelp` binary as users and CI run it (`pnpm test` builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/selfhelp.js');
const built = existsSync(join(repo, 'packages/cli/dist/main.js'));
const work = mkdtempSync(join(tmpdir(), 'selfhelp-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function selfhelp(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('selfhelp binary', () => {
  it('prints usage with --help and exits 0', () => {
    const r = selfhelp(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: selfhelp <command> \[options\]/);
    for (const command of ['parse', 'lint', 'rules', 'links', 'build', 'hook']) expect(r.stdout).toContain(`  ${command}`);
  });

  it('rejects an unknown command with one line and exit 2', () => {
    const r = selfhelp(['lnt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('selfhelp: unknown command "lnt"; run `selfhelp --help` for the list\n');
  });

  it('rejects an unknown flag with one line, no stack trace, exit 2', () => {
    for (const command of ['parse', 'lint', 'build', 'links', 'rules']) {
      const r = selfhelp([command, '--no-such-flag']);
      expect(r.code, command).toBe(2);
      expect(r.stderr.trim().split('\n'), command).toHaveLength(1);
      expect(r.stderr, command).toMatch(/^selfhelp: .*no-such-flag/);
      expect(r.stderr, command).not.toMatch(/\n\s+at /);
    }
  });

  it('parses an article into JSON with 1-based line and column positions', () => {
    const file = join(work, 'tiny.md');
    writeFileSync(file, '<properties\n  pageTitle="Tiny"\n  articleId="tiny-article"\n/>\n\n# Tiny\n');
    const r = selfhelp(['parse', file]);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout) as {
      kind: string;
      metadata: { key: string; value: string; valueRange: unknown }[];
      title: { text: string; range: unknown };
    };
    expect(model.kind).toBe('selfhelp');
    expect(model.metadata.map((m) => [m.key, m.value])).toEqual([['pageTitle', 'Tiny'], ['articleId', 'tiny-article']]);
    expect(model.metadata[1]!.valueRange).toEqual({ start: { line: 3, column: 14 }, end: { line: 3, column: 26 } });
    expect(model.title.text).toBe('Tiny');
    expect(model.title.range).toEqual({ start: { line: 6, column: 1 }, end: { line: 6, column: 7 } });
  });

  it('lints the sample articles clean (the main job) and exits 0', () => {
    const r = selfhelp(['lint', 'articles', '--no-cache', '--max-warnings', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 1 and names file, line and rule for an article with an error', () => {
    const dir = join(work, 'bad');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'bad.md'), '<properties\n  pageTitle="Bad"\n/>\n\nText before the title.\n\n# Bad\n');
    const r = selfhelp(['lint', dir, '--no-cache', '--format', 'json']);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(result!.filePath).toBe(join(dir, 'bad.md'));
    expect(result!.messages.some((m) => m.ruleId === 'h1-first' && m.line === 5)).toBe(true);
  });

  it('builds the sample articles into a catalog and one file per cloud', () => {
    const out = join(work, 'dist');
    const r = selfhelp(['build', 'articles', '--out', out, '--no-cache']);
    expect(r.code).toBe(0);
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')) as { articles: { id: string }[] };
    expect(catalog.articles.length).toBeGreaterThan(5);
    const ids = catalog.articles.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    expect(readdirSync(join(out, 'clouds')).sort()).toContain('public.json');
    expect(existsSync(join(out, 'catalog.schema.json'))).toBe(true);
  });
});

if (!built) console.warn('test/e2e/cli.test.ts: skipped, packages/cli/dist is missing (run `pnpm build`)');
