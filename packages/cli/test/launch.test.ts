// The launcher (src/launch.ts): the start-up bundle with its V8 code cache while the bundle is fresh,
// the ES modules otherwise. First on a small dist folder made here (a bundle of a few lines), then the
// built binary: its bundle, its cache files, and the same bytes out as the ES modules.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CACHE_MAX_AGE_MS, cacheName, compileCacheDir, folderTag, launch, pruneCaches, readManifest, staleInput, type StartupManifest } from '../src/launch.js';
import { bundledLintBatch } from '../src/worker.js';

let work: string;
let dist: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'selfhelp-launch-'));
  dist = join(work, 'dist');
  cacheDir = join(work, 'cache');
  mkdirSync(dist);
});
afterEach(() => {
  chmodSync(work, 0o700);
  rmSync(work, { recursive: true, force: true });
});

/** A dist folder: main.js (the ES modules' entry), startup.cjs, an input beside it, and a manifest that matches them. */
function makeDist(bundle: string): void {
  writeFileSync(join(dist, 'main.js'), 'export async function main(argv) { process.stdout.write(`esm ${argv.join(" ")}\\n`); return 3; }\n');
  writeFileSync(join(dist, 'input.js'), '// an input of the bundle\n');
  writeFileSync(join(dist, 'esm.mjs'), 'export const answer = 42;\n');
  writeFileSync(join(dist, 'startup.cjs'), bundle);
  writeManifest();
}

function writeManifest(): void {
  const stamp = (rel: string): [string, number, number] => {
    const s = statSync(join(dist, rel));
    return [rel, s.size, s.mtimeMs];
  };
  const [, size, mtimeMs] = stamp('startup.cjs');
  const manifest: StartupManifest = { format: 1, hash: 'testhash', bundle: [size, mtimeMs], inputs: [stamp('input.js'), stamp('main.js')] };
  writeFileSync(join(dist, 'startup.json'), JSON.stringify(manifest));
}

const BUNDLE = `exports.main = async (argv) => {
  const { answer } = await __startupImport('./esm.mjs', __startupFileUrl('main.js'));
  process.stdout.write(\`bundle \${argv.join(' ')} \${answer} \${__startupPath('input.js')} \${__startupFileUrl('input.js')} \${__filename === __startupPath('startup.cjs')}\\n\`);
  return 4;
};
`;

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await launch(argv, { dist, env: { SELFHELP_COMPILE_CACHE: cacheDir, ...env } });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

describe('launch, on a dist folder of its own', () => {
  test('runs the bundle, with each file where it is and import() for what stays outside, and writes the code cache once', async () => {
    makeDist(BUNDLE);
    const cacheFile = join(cacheDir, `testhash-${folderTag(dist)}-${process.version}-${process.arch}-lint.bin`);
    const first = await run(['lint', 'x', '--debug']);
    expect(first.code).toBe(4);
    expect(first.stdout).toBe(`bundle lint x --debug 42 ${join(dist, 'input.js')} file://${join(dist, 'input.js')} true\n`);
    expect(first.stderr).toBe(`selfhelp: start-up: startup.cjs, compile cache ${cacheFile} written\n`);
    expect(readdirSync(cacheDir)).toEqual([`testhash-${folderTag(dist)}-${process.version}-${process.arch}-lint.bin`]);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const written = readFileSync(cacheFile);

    const second = await run(['lint', 'x', '--debug']);
    expect(second.code).toBe(4);
    expect(second.stderr).toBe(`selfhelp: start-up: startup.cjs, compile cache ${cacheFile} used\n`);
    expect(readFileSync(cacheFile).equals(written)).toBe(true);

    // Without --debug, not a word on stderr.
    expect((await run(['lint', 'x'])).stderr).toBe('');
  });

  test('a cache V8 rejects (here, bytes of nothing it wrote) is written again', async () => {
    makeDist(BUNDLE);
    const cacheFile = join(cacheDir, `testhash-${folderTag(dist)}-${process.version}-${process.arch}-parse.bin`);
    mkdirSync(cacheDir, { mode: 0o700 });
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const r = await run(['parse', '--debug']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`selfhelp: start-up: startup.cjs, compile cache ${cacheFile} rejected by V8, written again\n`);
    expect(readFileSync(cacheFile).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the ES modules run when an input changed, is missing, or the manifest is not there', async () => {
    makeDist(BUNDLE);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dist, 'input.js'), later, later);
    expect(await run(['lint', '--debug'])).toEqual({ code: 3, stdout: 'esm lint --debug\n', stderr: 'selfhelp: start-up: ES modules (input.js changed since startup.cjs was built)\n' });

    writeManifest();
    expect((await run(['lint'])).code).toBe(4);
    // Usage and version need nothing of the bundle: main.js answers alone.
    for (const argv of [['--version', '--debug'], ['-h', '--debug'], []]) {
      expect(await run(argv)).toEqual({ code: 3, stdout: `esm ${argv.join(' ')}\n`, stderr: argv.length > 0 ? 'selfhelp: start-up: ES modules (no command)\n' : '' });
    }
    writeFileSync(join(dist, 'startup.cjs'), BUNDLE + '\n');
    expect((await run(['lint', '--debug'])).stderr).toBe('selfhelp: start-up: ES modules (startup.cjs changed since startup.cjs was built)\n');

    writeManifest();
    rmSync(join(dist, 'input.js'));
    expect((await run(['lint', '--debug'])).stderr).toBe('selfhelp: start-up: ES modules (input.js is missing)\n');

    rmSync(join(dist, 'startup.json'));
    expect(await run(['rules', '--debug'])).toEqual({ code: 3, stdout: 'esm rules --debug\n', stderr: 'selfhelp: start-up: ES modules (no startup.json)\n' });
    writeFileSync(join(dist, 'startup.json'), '{"format":2}');
    expect((await run(['rules', '--debug'])).stderr).toBe('selfhelp: start-up: ES modules (startup.json is not a start-up manifest)\n');
  });

  test('SELFHELP_DISABLE_COMPILE_CACHE=1 runs the ES modules; a bundle that fails to load falls back to them', async () => {
    makeDist(BUNDLE);
    expect(await run(['lint', '--debug'], { SELFHELP_DISABLE_COMPILE_CACHE: '1' })).toEqual({
      code: 3,
      stdout: 'esm lint --debug\n',
      stderr: 'selfhelp: start-up: ES modules (SELFHELP_DISABLE_COMPILE_CACHE=1)\n',
    });
    expect(existsSync(cacheDir)).toBe(false);

    makeDist('throw new Error("half a bundle");\n');
    expect(await run(['lint', '--debug'])).toEqual({ code: 3, stdout: 'esm lint --debug\n', stderr: 'selfhelp: start-up: ES modules (startup.cjs failed to load: half a bundle)\n' });
    makeDist('exports.notMain = 1;\n');
    expect((await run(['lint', '--debug'])).stderr).toBe('selfhelp: start-up: ES modules (startup.cjs exports no main)\n');
  });

  test.skipIf(process.platform === 'win32' || process.getuid?.() === undefined)('a cache folder others can write to, or a file in its place, is not used: the ES modules run (the bundle without a cache would be slower)', async () => {
    makeDist(BUNDLE);
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o777);
    const open = await run(['lint', '--debug']);
    expect(open).toEqual({ code: 3, stdout: 'esm lint --debug\n', stderr: `selfhelp: start-up: ES modules (no compile cache: ${cacheDir} is writable by others)\n` });
    expect(readdirSync(cacheDir)).toEqual([]);

    rmSync(cacheDir, { recursive: true });
    writeFileSync(cacheDir, 'not a folder');
    const file = await run(['lint', '--debug']);
    expect(file).toEqual({ code: 3, stdout: 'esm lint --debug\n', stderr: `selfhelp: start-up: ES modules (no compile cache: ${cacheDir}: EEXIST)\n` });
  });

  test('writing a cache removes the caches of other builds and temporary files older than a week, nothing else', async () => {
    makeDist(BUNDLE);
    mkdirSync(cacheDir, { mode: 0o700 });
    const old = new Date(Date.now() - CACHE_MAX_AGE_MS - 60_000);
    const recent = new Date(Date.now() - CACHE_MAX_AGE_MS + 60_000);
    const files: Record<string, Date> = {
      [`otherhash-${process.version}-${process.arch}-lint.bin`]: old, // goes
      [`otherhash-${process.version}-${process.arch}-parse.bin`]: recent, // another checkout's, recent: stays
      [`testhash-${folderTag(dist)}-v18.0.0-${process.arch}-lint.bin`]: old, // this build's, another Node: stays
      'x.bin.123.456.tmp': old, // left by a killed run: goes
      'notes.txt': old, // not ours: stays
    };
    for (const [name, time] of Object.entries(files)) {
      writeFileSync(join(cacheDir, name), 'x');
      utimesSync(join(cacheDir, name), time, time);
    }
    await run(['lint']);
    expect(readdirSync(cacheDir).sort()).toEqual(
      ['notes.txt', `otherhash-${process.version}-${process.arch}-parse.bin`, `testhash-${folderTag(dist)}-${process.version}-${process.arch}-lint.bin`, `testhash-${folderTag(dist)}-v18.0.0-${process.arch}-lint.bin`].sort(),
    );
    // A cache that was used writes nothing, and prunes nothing.
    utimesSync(join(cacheDir, `otherhash-${process.version}-${process.arch}-parse.bin`), old, old);
    await run(['lint']);
    expect(readdirSync(cacheDir)).toContain(`otherhash-${process.version}-${process.arch}-parse.bin`);
    pruneCaches(cacheDir, 'testhash', Date.now());
    expect(readdirSync(cacheDir)).not.toContain(`otherhash-${process.version}-${process.arch}-parse.bin`);
    pruneCaches(join(cacheDir, 'missing'), 'testhash', Date.now()); // no folder: nothing to do, no throw
  });

  test('compileCacheDir: the temporary folder by default, per user', () => {
    const uid = process.getuid?.() ?? 'user';
    expect(compileCacheDir({})).toEqual({ dir: join(tmpdir(), `selfhelp-compile-cache-${uid}`) });
    expect(compileCacheDir({ SELFHELP_COMPILE_CACHE: cacheDir })).toEqual({ dir: cacheDir });
  });

  test('cacheName: one per command, and one for lint --staged, per bundle folder', () => {
    const m: StartupManifest = { format: 1, hash: 'h', bundle: [1, 1], inputs: [] };
    const tail = `${process.version}-${process.arch}`;
    expect(folderTag('/opt/selfhelp/dist')).toBe('a6ce3042');
    expect(folderTag('/opt/selfhelp/dist/')).toBe('a6ce3042');
    expect(folderTag('/home/me/selfhelp/dist')).not.toBe('a6ce3042');
    expect(cacheName(m, '/opt/selfhelp/dist', ['lint', 'articles'])).toBe(`h-a6ce3042-${tail}-lint.bin`);
    expect(cacheName(m, '/opt/selfhelp/dist', ['lint', '--staged'])).toBe(`h-a6ce3042-${tail}-lint-staged.bin`);
    expect(cacheName(m, '/opt/selfhelp/dist', ['parse', '--staged'])).toBe(`h-a6ce3042-${tail}-parse.bin`);
    expect(cacheName(m, '/opt/selfhelp/dist', ['../x'])).toBe(`h-a6ce3042-${tail}-cli.bin`);
  });

  test('two folders holding the same build keep their own caches: a stack trace names the files of the folder that ran', async () => {
    // V8 keeps the script name a code cache was made with; a cache shared between two installs of one build
    // would make the second name the first one's startup.cjs.
    const TRACE = `exports.main = async () => { process.stdout.write(new Error('here').stack.split('\\n')[1].trim() + '\\n'); return 0; };\n`;
    const first = dist;
    makeDist(TRACE);
    expect((await run(['lint'])).stdout).toMatch(new RegExp(`^at exports\\.main \\(${join(first, 'startup.cjs')}:1:`));
    expect((await run(['lint', '--debug'])).stderr).toContain(' used\n');
    dist = join(work, 'dist2');
    mkdirSync(dist);
    makeDist(TRACE); // the same manifest hash as the first folder's
    const second = await run(['lint', '--debug']);
    expect(second.stdout).toMatch(new RegExp(`^at exports\\.main \\(${join(dist, 'startup.cjs')}:1:`));
    expect(second.stderr).toContain(' written\n');
    expect(readdirSync(cacheDir).sort()).toEqual([`testhash-${folderTag(first)}-${process.version}-${process.arch}-lint.bin`, `testhash-${folderTag(dist)}-${process.version}-${process.arch}-lint.bin`].sort());
  });
});

describe('the worker threads\' function (worker.ts), on a dist folder of its own', () => {
  // A bundle whose lintBatch says where it ran; the ES modules' function (the fallback) says so too.
  const WORKER_BUNDLE = `exports.main = async () => 0;
exports.lintBatch = async (batch) => batch.tasks.map((t) => ({ via: 'bundle', path: t.path }));
`;
  type Batch = Parameters<ReturnType<typeof bundledLintBatch>>[0];
  const batch = { spec: { cwd: '/' }, fix: false, tasks: [{ absPath: '/a.md', path: 'a.md', root: '/', text: '# A' }] } as Batch;
  let fallbacks = 0;
  const fallback = async () => {
    fallbacks++;
    return (async (b: Batch) => b.tasks.map((t) => ({ via: 'esm', path: t.path }))) as unknown as Awaited<ReturnType<Parameters<typeof bundledLintBatch>[2]>>;
  };
  const env = () => ({ SELFHELP_COMPILE_CACHE: cacheDir });
  const cacheFile = () => join(cacheDir, `testhash-${folderTag(dist)}-${process.version}-${process.arch}-worker.bin`);
  beforeEach(() => {
    fallbacks = 0;
  });

  test('runs the bundle\'s lintBatch and writes its own code cache after the first batch; the next thread uses it', async () => {
    makeDist(WORKER_BUNDLE);
    const first = bundledLintBatch(dist, env(), fallback);
    await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(cacheFile())).toBe(false); // not before a batch has compiled the linting code
    expect(await first(batch)).toEqual([{ via: 'bundle', path: 'a.md' }]);
    expect(readdirSync(cacheDir)).toEqual([`testhash-${folderTag(dist)}-${process.version}-${process.arch}-worker.bin`]);
    const written = readFileSync(cacheFile());
    expect(await first(batch)).toEqual([{ via: 'bundle', path: 'a.md' }]); // written once
    expect(readFileSync(cacheFile()).equals(written)).toBe(true);

    const next = bundledLintBatch(dist, env(), fallback);
    expect(await next(batch)).toEqual([{ via: 'bundle', path: 'a.md' }]);
    expect(readFileSync(cacheFile()).equals(written)).toBe(true); // V8 took it: nothing written again
    expect(fallbacks).toBe(0);
  });

  test('lint\'s ES modules run when the bundle is stale, lacks lintBatch or fails, or the cache is disabled', async () => {
    makeDist(WORKER_BUNDLE);
    expect(await bundledLintBatch(dist, { ...env(), SELFHELP_DISABLE_COMPILE_CACHE: '1' }, fallback)(batch)).toEqual([{ via: 'esm', path: 'a.md' }]);
    expect(existsSync(cacheDir)).toBe(false);

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dist, 'input.js'), later, later);
    expect(await bundledLintBatch(dist, env(), fallback)(batch)).toEqual([{ via: 'esm', path: 'a.md' }]);

    makeDist('exports.main = async () => 0;\n');
    expect(await bundledLintBatch(dist, env(), fallback)(batch)).toEqual([{ via: 'esm', path: 'a.md' }]);
    makeDist('throw new Error("half a bundle");\n');
    expect(await bundledLintBatch(dist, env(), fallback)(batch)).toEqual([{ via: 'esm', path: 'a.md' }]);
    expect(fallbacks).toBe(4);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('-worker.bin'))).toEqual([]);
  });

  test('a failing fallback rejects the first batch, not the thread\'s start', async () => {
    makeDist(WORKER_BUNDLE);
    const broken = bundledLintBatch(dist, { ...env(), SELFHELP_DISABLE_COMPILE_CACHE: '1' }, async () => {
      throw new Error('no lint here');
    });
    await new Promise((r) => setTimeout(r, 10)); // no unhandled rejection meanwhile (vitest would report it)
    await expect(broken(batch)).rejects.toThrow('no lint here');
  });
});

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const realDist = join(repo, 'packages/cli/dist');
const bin = join(repo, 'packages/cli/bin/selfhelp.js');
const bundled = existsSync(join(realDist, 'startup.json'));

describe.skipIf(!bundled)('the built start-up bundle', () => {
  test('is fresh after the build, ASCII, and every place it names is a file or folder of the repository', () => {
    const manifest = readManifest(realDist);
    if (typeof manifest === 'string') throw new Error(manifest);
    expect(staleInput(realDist, manifest)).toBeUndefined();
    const text = readFileSync(join(realDist, 'startup.cjs'), 'latin1');
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    expect(text).not.toMatch(/import\.meta/);
    const places = [...text.matchAll(/__startup(?:FileUrl|Path)\("([^"]+)"\)/g)].map((m) => m[1]!);
    // lint's worker and version, core's lazy requires, the generated validators, piscina's worker folder
    for (const expected of ['../../lint/dist/engine/run.js', '../../lint/dist/version.js', '../../core/dist/index.js', '../../schema/generated/validators.js']) expect(places).toContain(expected);
    expect(places.some((p) => p.includes('/piscina/dist'))).toBe(true);
    for (const p of new Set(places)) expect(existsSync(join(realDist, p)), p).toBe(true);
    // links, build and the HTTP checker stay outside (no undici, no HTML renderer)
    expect(text).not.toContain('undici');
    expect(text).toContain('__startupImport("./commands/build.js"');
  });

  function selfhelp(args: string[], env: Record<string, string>) {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SELFHELP_COMPILE_CACHE: cacheDir, ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('the binary gives the same bytes through the bundle (written cache, used cache) as through the ES modules, worker threads included', () => {
    const args = ['lint', 'articles', '--no-cache', '--format', 'json', '--concurrency', '2', '--debug'];
    const esm = selfhelp(args, { SELFHELP_DISABLE_COMPILE_CACHE: '1' });
    const first = selfhelp(args, {});
    const second = selfhelp(args, {});
    expect(esm.stderr).toMatch(/, 2 workers, /);
    expect(esm.stderr).toContain('selfhelp: start-up: ES modules (SELFHELP_DISABLE_COMPILE_CACHE=1)\n');
    // The main thread's cache, and the worker threads' (written by the first run's first batch).
    const names = readdirSync(cacheDir).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(new RegExp(`^[\\w-]{16}-${folderTag(realDist)}-${process.version}-${process.arch}-lint\\.bin$`));
    expect(names[1]).toBe(names[0]!.replace(/-lint\.bin$/, '-worker.bin'));
    const workerCache = readFileSync(join(cacheDir, names[1]!));
    expect(first.stderr).toContain(`selfhelp: start-up: startup.cjs, compile cache ${join(cacheDir, names[0]!)} written\n`);
    expect(second.stderr).toContain(`selfhelp: start-up: startup.cjs, compile cache ${join(cacheDir, names[0]!)} used\n`);
    expect(readFileSync(join(cacheDir, names[1]!)).equals(workerCache)).toBe(true); // used by the second run's threads, not written again
    for (const r of [first, second]) {
      expect(r.code).toBe(esm.code);
      expect(r.stdout).toBe(esm.stdout);
      expect(r.stderr).toMatch(/, 2 workers, /);
    }
    expect(JSON.parse(esm.stdout).length).toBeGreaterThan(5);
  });

  test('build and links, left outside the bundle, are imported when asked for', () => {
    const out = join(work, 'catalog');
    const viaBundle = selfhelp(['build', 'articles', '--out', out, '--no-cache'], {});
    const viaEsm = selfhelp(['build', 'articles', '--out', join(work, 'catalog2'), '--no-cache'], { SELFHELP_DISABLE_COMPILE_CACHE: '1' });
    expect(viaBundle.code).toBe(0);
    const untimed = (s: string) => s.replace(/ in \d+(\.\d+)? ?m?s\./, ' in T.');
    expect(untimed(viaBundle.stdout)).toMatch(/^Built .*catalog: 13 articles .* in T\.\n/);
    expect(untimed(viaBundle.stdout)).toBe(untimed(viaEsm.stdout).replaceAll('catalog2', 'catalog'));
    expect(readFileSync(join(out, 'catalog.json'), 'utf8')).toBe(readFileSync(join(work, 'catalog2', 'catalog.json'), 'utf8'));
    const links = selfhelp(['links', '--help'], {});
    expect(links.code).toBe(0);
    expect(links.stdout).toMatch(/^Usage: selfhelp links /);
  });
});
