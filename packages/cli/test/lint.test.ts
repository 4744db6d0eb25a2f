import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, project, runCli } from './lint-helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function setup(files: Record<string, string>, withConfig = true): string {
  const p = project(files, withConfig);
  cleanups.push(p.cleanup);
  return p.dir;
}
const NO_TTY = { NO_COLOR: '1', FORCE_COLOR: undefined };

describe('selfhelp lint', () => {
  it('exits 0 on a clean tree, linting ./articles by default, printing nothing', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n'), 'notes/x.md': 'foo' });
    const r = await runCli(dir, ['lint', '--no-cache'], NO_TTY);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on errors with the stylish report', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n\nfoo\n'), 'articles/b.md': article('b', 'text\n') });
    const r = await runCli(dir, ['lint', '--no-cache'], NO_TTY);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '',
        join(dir, 'articles/a.md'),
        '  9:1  error  Unexpected foo  no-foo',
        '',
        join(dir, 'articles/b.md'),
        '  5:3  warning  No H1  needs-title',
        '',
        '\u2716 2 problems (1 error, 1 warning)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('--color forces colors in the stylish report, --no-color and NO_COLOR keep them off', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n\nfoo\n') });
    const colored = await runCli(dir, ['lint', '--no-cache', '--color'], NO_TTY);
    expect(colored.stdout).toContain('\u001b[31merror\u001b[39m');
    const plain = await runCli(dir, ['lint', '--no-cache', '--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect((await runCli(dir, ['lint', '--no-cache'], NO_TTY)).stdout).not.toContain('\u001b[');
  });

  it('warnings: exit 0, or 1 over --max-warnings; --quiet hides them', async () => {
    const dir = setup({ 'articles/b.md': article('b', 'text\n'), 'articles/c.md': article('c', 'more\n') });
    expect((await runCli(dir, ['lint', '--no-cache'], NO_TTY)).code).toBe(0);
    expect((await runCli(dir, ['lint', '--no-cache', '--max-warnings', '2'], NO_TTY)).code).toBe(0);
    const over = await runCli(dir, ['lint', '--no-cache', '--max-warnings', '1'], NO_TTY);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('selfhelp found too many warnings (maximum: 1).\n');
    const quiet = await runCli(dir, ['lint', '--no-cache', '--quiet'], NO_TTY);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('usage and config errors: one line on stderr, exit 2, no stack trace', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n') });
    const cases: [string[], string][] = [
      [['lint', '--format', 'xml'], 'selfhelp: --format: unknown format "xml"; expected stylish, json, sarif, github or junit\n'],
      [['lint', '--max-warnings', 'many'], 'selfhelp: --max-warnings: expected a whole number, got "many"\n'],
      [['lint', '--concurrency', '0'], 'selfhelp: --concurrency: expected a positive number, "auto" or "off", got "0"\n'],
      [['lint', '--fix', '--fix-dry-run'], 'selfhelp: --fix and --fix-dry-run cannot be used together\n'],
      [['lint', 'missing.md'], 'selfhelp: no such file or folder: missing.md\n'],
      [['lint', '--config', 'none.json'], `selfhelp: config file not found: ${join(dir, 'none.json')}\n`],
      [['lint', '--no-cache', '-o', 'no/such/dir/report.txt'], `selfhelp: --output: cannot write ${join(dir, 'no/such/dir/report.txt')}: ENOENT\n`],
    ];
    for (const [argv, stderr] of cases) {
      const r = await runCli(dir, argv, NO_TTY);
      expect([argv.join(' '), r.code, r.stderr, r.stdout]).toEqual([argv.join(' '), 2, stderr, '']);
    }
    const unknownFlag = await runCli(dir, ['lint', '--bogus'], NO_TTY);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^selfhelp: Unknown option '--bogus'/);
    expect(unknownFlag.stderr.trim().split('\n')).toHaveLength(1);
    const bad = setup({ 'selfhelp.config.json': '{"rules": {"no-foo": "warn"}}', 'articles/a.md': article('a', '# A\n') }, false);
    const r = await runCli(bad, ['lint'], NO_TTY);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `selfhelp: ${join(bad, 'selfhelp.config.json')}: rules.no-foo: expected "error", "warning" or "off", got "warn" (did you mean "warning"?)\n` });
  });

  it('--format json --output FILE writes the report atomically and nothing to stdout', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n\nfoo\n') });
    const r = await runCli(dir, ['lint', '--no-cache', '-f', 'json', '-o', 'report.json'], NO_TTY);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', '']);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { filePath: string; errorCount: number }[];
    expect(report.map((x) => [x.filePath, x.errorCount])).toEqual([[join(dir, 'articles/a.md'), 1]]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix writes fixed files and reports what is left; files without fixes stay byte-identical', async () => {
    const clean = article('c', '# C\n\nnothing to fix\n');
    const dir = setup({ 'articles/a.md': article('a', 'foo and foo\n'), 'articles/c.md': clean });
    const before = statSync(join(dir, 'articles/c.md')).mtimeMs;
    const r = await runCli(dir, ['lint', '--no-cache', '--fix', '-f', 'json'], NO_TTY);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'articles/a.md'), 'utf8')).toBe(article('a', 'bar and bar\n'));
    expect(readFileSync(join(dir, 'articles/c.md'), 'utf8')).toBe(clean);
    expect(statSync(join(dir, 'articles/c.md')).mtimeMs).toBe(before);
    const again = await runCli(dir, ['lint', '--no-cache', '-f', 'json'], NO_TTY);
    const results = JSON.parse(again.stdout) as { fixableErrorCount: number; fixableWarningCount: number }[];
    expect(results.every((x) => x.fixableErrorCount + x.fixableWarningCount === 0)).toBe(true);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const text = article('a', '# A\n\nfoo\n');
    const dir = setup({ 'articles/a.md': text });
    const r = await runCli(dir, ['lint', '--no-cache', '--fix-dry-run'], NO_TTY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '===================================================================',
        '--- a/articles/a.md',
        '+++ b/articles/a.md',
        '@@ -6,4 +6,4 @@',
        ' ',
        ' # A',
        ' ',
        '-foo',
        '+bar',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'articles/a.md'), 'utf8')).toBe(text);
    // With a machine-readable report on stdout, the diff goes to stderr and the report stays valid.
    const json = await runCli(dir, ['lint', '--no-cache', '--fix-dry-run', '-f', 'json'], NO_TTY);
    expect(json.stderr).toBe(r.stdout);
    expect((JSON.parse(json.stdout) as { output: string }[])[0]!.output).toBe(article('a', '# A\n\nbar\n'));
    // With --output, the diff is on stdout and the report in the file.
    const file = await runCli(dir, ['lint', '--no-cache', '--fix-dry-run', '-f', 'json', '-o', 'r.json'], NO_TTY);
    expect(file.stdout).toBe(r.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toHaveLength(1);
  });

  it('uses the cache by default (.selfhelpcache in the working folder), and --cache-location', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n\nfoo\n') });
    const first = await runCli(dir, ['lint', '--debug'], NO_TTY);
    expect(first.stderr).toMatch(/^selfhelp: 1 files \(0 from cache, 1 linted, 0 workers/);
    expect(existsSync(join(dir, '.selfhelpcache'))).toBe(true);
    const second = await runCli(dir, ['lint', '--debug'], NO_TTY);
    expect(second.stderr).toMatch(/^selfhelp: 1 files \(1 from cache, 0 linted/);
    expect(second.stdout).toBe(first.stdout);
    await runCli(dir, ['lint', '--cache-location', 'tmp/'], NO_TTY);
    expect(existsSync(join(dir, 'tmp/.selfhelpcache'))).toBe(true);
    await runCli(dir, ['lint', '--no-cache', '--cache-location', 'other.json'], NO_TTY);
    expect(existsSync(join(dir, 'other.json'))).toBe(false);
  });

  it('explicitly named ignored files get a warning, as in ESLint', async () => {
    const dir = setup({ 'selfhelp.config.json': JSON.stringify({ extends: 'none', plugins: ['./plugin.mjs'], ignores: ['drafts/**'] }), 'drafts/a.md': article('a', 'foo\n') });
    const r = await runCli(dir, ['lint', '--no-cache', '-f', 'json', 'drafts/a.md'], NO_TTY);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: join(dir, 'drafts/a.md'),
        messages: [{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern.', line: 0, column: 0, endLine: 0, endColumn: 0 }],
        errorCount: 0,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('github and sarif formats go to stdout', async () => {
    const dir = setup({ 'articles/a.md': article('a', '# A\n\nfoo\n') });
    const gh = await runCli(dir, ['lint', '--no-cache', '-f', 'github'], NO_TTY);
    expect(gh.stdout).toBe('::error file=articles/a.md,line=9,col=1,endLine=9,endColumn=4,title=no-foo::Unexpected foo.\n');
    const sarif = await runCli(dir, ['lint', '--no-cache', '-f', 'sarif'], NO_TTY);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['no-foo']);
    expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toContain('needs-title');
  });
});
