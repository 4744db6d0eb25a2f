// Size limits: a file over the maximum size (default 4 MiB, configurable) is never read or parsed;
// it is one clear finding in lint (`maxFileSize`) and one build error in the build (`maxFileSize`,
// `--max-file-size`), for an article and for an included file, never an out-of-memory crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTree, cleanupSandboxes, lintTree, runCli, sandbox, selfhelp, watchFileReads } from './helpers.js';

afterAll(cleanupSandboxes);

const MIB = 1024 * 1024;

/** An article of at least `bytes` bytes: many ordinary paragraphs (parseable, were it read). */
function bigArticle(id: string, bytes: number): string {
  const paragraph = 'A paragraph of ordinary text that repeats to make the file large.\n\n';
  return selfhelp(id, `# Title\n\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`);
}

describe('size limits', () => {
  it('lint: over the default 4 MiB a file gets one fatal finding and is never read; the limit is configurable', async () => {
    const big = bigArticle('Big', 5 * MIB);
    const box = sandbox({ 'articles/big.md': big, 'articles/small.md': selfhelp('Small', '# Title\n\nBody.\n') });
    const size = Buffer.byteLength(big);
    const watch = watchFileReads();
    let run;
    try {
      run = await lintTree(box.root, ['articles/big.md', 'articles/small.md']);
    } finally {
      watch.stop();
    }
    expect(run.results[0]!.messages).toEqual([
      { ruleId: null, severity: 2, message: `File is ${size} bytes, larger than maxFileSize (4194304 bytes); not linted.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true },
    ]);
    expect(run.results[1]!.messages.some((m) => m.fatal)).toBe(false);
    expect(watch.paths).not.toContain(join(box.root, 'articles/big.md'));

    const lowered = await lintTree(box.root, ['articles/small.md'], { config: { maxFileSize: 100 } });
    const small = Buffer.byteLength(readFileSync(join(box.root, 'articles/small.md')));
    expect(lowered.results[0]!.messages.map((m) => m.message)).toEqual([`File is ${small} bytes, larger than maxFileSize (100 bytes); not linted.`]);

    const raised = await lintTree(box.root, ['articles/big.md'], { config: { maxFileSize: 8 * MIB } });
    expect(raised.results[0]!.messages.some((m) => m.fatal)).toBe(false);
  });

  it('build: an article or an included file over the limit is a file-too-large build error, not read', async () => {
    const big = bigArticle('Big', 5 * MIB);
    const box = sandbox({
      'articles/big.md': big,
      'articles/includes-big.md': selfhelp('IncludesBig', '# Title\n\n[!INCLUDE [big](../includes/big.md)]\n'),
      'articles/small.md': selfhelp('Small', '# Title\n\nBody.\n'),
      'includes/big.md': 'x'.repeat(5 * MIB),
    });
    const watch = watchFileReads();
    let result;
    try {
      result = await buildTree(box, ['articles']);
    } finally {
      watch.stop();
    }
    const tooBig = [join(box.root, 'articles', 'big.md'), join(box.root, 'includes', 'big.md')];
    expect(watch.paths.filter((p) => tooBig.includes(p))).toEqual([]);
    expect(result.invalid.map((a) => a.errors.map((e) => [a.path, e.code, e.file, e.line, e.message]))).toEqual([
      [['articles/big.md', 'file-too-large', 'articles/big.md', 1, `The file is ${Buffer.byteLength(big)} bytes, larger than the maximum file size (4194304 bytes); it is not read.`]],
      [['articles/includes-big.md', 'file-too-large', 'articles/includes-big.md', 11, `The included file "../includes/big.md" (includes/big.md) is ${5 * MIB} bytes, larger than the maximum file size (4194304 bytes); it is not read.`]],
    ]);
    expect(result.articles).toBe(1);

    // The option lowers or raises it.
    const lowered = await buildTree(box, ['articles/small.md'], { maxFileSize: 50 });
    expect(lowered.invalid.map((a) => a.errors[0]!.code)).toEqual(['file-too-large']);
    // Raised, the files are read, and the parser's own limit (512 Ki characters of Markdown) applies.
    const raised = await buildTree(box, ['articles'], { maxFileSize: 8 * MIB });
    expect(raised.invalid.map((a) => [a.path, a.errors.map((e) => [e.code, e.file])])).toEqual([
      ['articles/big.md', [['body-too-complex', 'articles/big.md']]],
      ['articles/includes-big.md', [['body-too-complex', 'includes/big.md']]],
    ]);
  });

  it('selfhelp build --max-file-size: the limit from the command line; a bad value is a usage error', async () => {
    const box = sandbox({ 'articles/a.md': selfhelp('A', '# Title\n\nBody.\n') });
    const out = join(box.base, 'dist');
    const refused = await runCli(box.root, 'build', '--no-cache', '--concurrency', 'off', '--max-file-size', '10', '--format', 'json', '--out', out, 'articles');
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { invalid: { path: string; errors: { code: string }[] }[] };
    expect(report.invalid.map((a) => [a.path, a.errors.map((e) => e.code)])).toEqual([['articles/a.md', ['file-too-large']]]);
    const ok = await runCli(box.root, 'build', '--no-cache', '--concurrency', 'off', '--max-file-size', '100000', '--out', out, 'articles');
    expect(ok.code).toBe(0);
    const bad = await runCli(box.root, 'build', '--max-file-size', 'lots', 'articles');
    expect([bad.code, bad.stderr]).toEqual([2, 'selfhelp: --max-file-size: expected a positive whole number of bytes, not "lots"\n']);
  });
});
