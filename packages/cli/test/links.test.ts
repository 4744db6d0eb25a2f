// `selfhelp links` end to end in-process: articles on disk, a real HTTP server on 127.0.0.1,
// the report through lint's reporters, exit codes.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/commands/links.js';
import { UsageError } from '../src/usage-error.js';
import { startServer, type TestServer } from '../../links/test/http-server.js';

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), 'selfhelp-links-cli-'));
  await mkdir(join(dir, 'articles', 'compute'), { recursive: true });
  // Original fixtures in the self-help and Learn formats.
  await writeFile(
    join(dir, 'articles', 'compute', 'restart.md'),
    [
      '<properties',
      '  pageTitle="Restart your virtual machine"',
      '  selfHelpType="generic"',
      '  cloudEnvironments="public"',
      '/>',
      '# Restart your virtual machine',
      '',
      `Read [the overview](${server.origin}/ok) and [the old guide](${server.origin}/not-found).`,
      '',
      `The [moved page](${server.origin}/moved#step-2) explains the rest.`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'articles', 'compute', 'resize.md'),
    ['---', 'title: Resize a VM', '---', '# Resize a VM', '', `See [sizes](${server.origin}/ok#sizes) and [retired sizes](${server.origin}/gone).`, ''].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

/** Column of the /gone URL in resize.md's line 6, computed from the line as written. */
const goneColumn = () => `See [sizes](${server.origin}/ok#sizes) and [retired sizes](`.length + 1;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; data?: Record<string, unknown> }[];
  errorCount: number;
  warningCount: number;
}

async function runJson(args: string[]): Promise<{ code: number; results: JsonResult[] }> {
  const out = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const code = await run([join(dir, 'articles'), '--format', 'json', '--output', out, ...args]);
  return { code, results: JSON.parse(await readFile(out, 'utf8')) as JsonResult[] };
}

describe('selfhelp links', () => {
  it('checks each distinct URL once and reports every occurrence with its position; exit 1 on broken links', async () => {
    const { code, results } = await runJson(['--allow-private', '--no-cache', '--retries', '0']);
    expect(code).toBe(1);
    expect(results.map((r) => r.filePath)).toEqual([join(dir, 'articles', 'compute', 'resize.md'), join(dir, 'articles', 'compute', 'restart.md')]);
    const [resize, restart] = results;
    expect(resize!.messages).toEqual([
      { ruleId: 'link-broken', severity: 2, message: `${server.origin}/gone: HTTP 410 Gone`, line: 6, column: goneColumn(), endLine: 6, endColumn: goneColumn() + `${server.origin}/gone`.length, data: { url: `${server.origin}/gone`, status: 'broken', httpStatus: 410 } },
    ]);
    expect(restart!.messages.map((m) => [m.ruleId, m.severity, `${m.line}:${m.column}`, m.message])).toEqual([
      ['link-broken', 2, `8:${`Read [the overview](${server.origin}/ok) and [the old guide](`.length + 1}`, `${server.origin}/not-found: HTTP 404 Not Found`],
      ['link-redirected', 1, '10:18', `${server.origin}/moved#step-2: permanently redirected to ${server.origin}/ok#step-2`],
    ]);
    expect(restart!.messages[1]!.data).toMatchObject({ suggestion: `${server.origin}/ok#step-2`, status: 'redirected' });
    // /ok is written twice (once with a fragment) but requested once; /moved follows two hops.
    expect(server.count('HEAD', '/ok')).toBe(2); // once for itself, once as the end of /moved's chain
    expect(server.requests.map((q) => q.path).sort()).toEqual(['/gone', '/moved', '/moved-again', '/not-found', '/ok', '/ok'].sort());
  });

  it('refuses the local server by default: warnings only, nothing sent, exit 0', async () => {
    const { code, results } = await runJson(['--no-cache']);
    expect(code).toBe(0);
    expect(server.connections).toBe(0);
    const messages = results.flatMap((r) => r.messages);
    expect(messages).toHaveLength(5);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['link-refused']));
    expect(messages[0]!.message).toBe(`${server.origin}/ok#sizes: refused to connect to 127.0.0.1: loopback address; allow it with --allow-private`);
  });

  it('reads the links section of selfhelp.config.json, and a second run is answered from the cache', async () => {
    const project = await mkdtemp(join(tmpdir(), 'selfhelp-links-config-'));
    try {
      await mkdir(join(project, 'articles'));
      await writeFile(join(project, 'articles', 'a.md'), `# A\n\n[ok](${server.origin}/ok) [gone](${server.origin}/gone)\n`);
      await writeFile(
        join(project, 'selfhelp.config.json'),
        JSON.stringify({ links: { allowPrivate: true, accept: ['200-299', 410], cache: 'cache/links.json', retries: 0 } }),
      );
      const out = join(project, 'report.json');
      const cwd = process.cwd();
      process.chdir(project);
      try {
        expect(await run(['articles', '-f', 'json', '-o', out])).toBe(0);
        expect(server.requests).toHaveLength(2);
        const cache = JSON.parse(await readFile(join(project, 'cache', 'links.json'), 'utf8')) as { entries: Record<string, unknown> };
        expect(Object.keys(cache.entries).sort()).toEqual([`${server.origin}/gone`, `${server.origin}/ok`]);
        server.reset();
        expect(await run(['articles', '-f', 'json', '-o', out])).toBe(0);
        expect(server.requests).toHaveLength(0);
        expect(server.connections).toBe(0);
        // Flags win over the config: 410 is no longer accepted, but the cached answer is reused.
        expect(await run(['articles', '-f', 'json', '-o', out, '--accept', '200-299', '--offline'])).toBe(1);
        expect(server.connections).toBe(0);
      } finally {
        process.chdir(cwd);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('rejects bad flags and bad config with a usage error', async () => {
    await expect(run(['--timeout', 'soon'])).rejects.toThrow(new UsageError('--timeout: expected a whole number >= 1, got "soon"'));
    await expect(run(['--accept', '2xx', '--no-cache', dir])).rejects.toThrow(UsageError);
    await expect(run(['--remap', 'only-one-part'])).rejects.toThrow('--remap: expected "REGEX URL", got "only-one-part"');
    const cfg = join(dir, 'bad.config.json');
    await writeFile(cfg, JSON.stringify({ links: { timeout: -5 } }));
    await expect(run(['-c', cfg, dir])).rejects.toThrow(`${cfg}: links: "timeout" must be a whole number >= 0`);
  });
});
