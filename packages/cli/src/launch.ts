// How the `selfhelp` binary starts. Node 20 keeps no compiled code between runs for ES modules, and a
// `--staged` run spends about a fifth of its time compiling. So the binary runs the start-up bundle
// (dist/startup.cjs, built by scripts/startup-bundle.mjs) as a vm.Script with a V8 code cache kept per
// command, while every input of the bundle is unchanged since it was built; else the ES modules.
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { loadBuiltins, tuneJit } from './jit.js';

type Main = (argv: string[]) => Promise<number>;

/** dist/startup.json: the bundle's content hash, its size and mtime, and each input's (paths relative to dist). */
export interface StartupManifest {
  format: 1;
  hash: string;
  bundle: [size: number, mtimeMs: number];
  inputs: [path: string, size: number, mtimeMs: number][];
}

export interface LaunchOptions {
  /** The folder of startup.cjs, startup.json and main.js (default: this module's folder). */
  dist?: string;
  env?: NodeJS.ProcessEnv;
  /** Set the start-up V8 flags (jit.ts; default true). */
  jit?: boolean;
}

const DIST = dirname(fileURLToPath(import.meta.url));
const USAGE = new Set(['--help', '-h', '--version', '-v']);

export async function launch(argv: string[], options: LaunchOptions = {}): Promise<number> {
  const dist = options.dist ?? DIST;
  const env = options.env ?? process.env;
  const note = argv.includes('--debug') ? (s: string) => process.stderr.write(`selfhelp: start-up: ${s}\n`) : () => undefined;
  if (options.jit ?? true) tuneJit(process.execArgv, process.versions.v8, () => loadBuiltins(argv[0]));
  const plain = async (why: string): Promise<number> => {
    note(`ES modules (${why})`);
    const { main } = (await import(pathToFileURL(join(dist, 'main.js')).href)) as { main: Main };
    return main(argv);
  };
  if (env.SELFHELP_DISABLE_COMPILE_CACHE === '1') return plain('SELFHELP_DISABLE_COMPILE_CACHE=1');
  // Usage and version: main.js answers alone, faster than loading the whole bundle.
  if (argv[0] === undefined || USAGE.has(argv[0])) return plain('no command');
  const bundle = loadBundle(dist, env, cacheKey(argv));
  if (typeof bundle === 'string') return plain(bundle);
  const main = bundle.exports.main;
  if (typeof main !== 'function') return plain('startup.cjs exports no main');
  const code = await main(argv);
  note(`startup.cjs, compile cache ${bundle.cacheFile} ${bundle.saveCache()}`);
  return code;
}

/** The start-up bundle, compiled with one of its code caches (see loadBundle). */
export interface LoadedBundle {
  /** What startup.cjs exports: `main`, and lint's worker function `lintBatch` (worker.ts). */
  exports: { main?: Main; lintBatch?: unknown };
  cacheFile: string;
  /**
   * When the cache was missing or V8 rejected it, writes the code compiled so far as the new cache; says
   * what became of it (`used`, `written`, `rejected by V8, written again`, `not written (...)`).
   */
  saveCache(): string;
}

/**
 * Runs the start-up bundle as a vm.Script with the code cache `cacheKey` (a command, `lint-staged`, or
 * `worker`), while every input of the bundle is unchanged since it was built. The reason instead when it
 * cannot be used: no manifest, a changed input, no cache folder, or a bundle that fails to load.
 */
export function loadBundle(dist: string, env: NodeJS.ProcessEnv, cacheKey: string): LoadedBundle | string {
  const manifest = readManifest(dist);
  if (typeof manifest === 'string') return manifest;
  const stale = staleInput(dist, manifest);
  if (stale !== undefined) return stale;

  const bundle = join(dist, 'startup.cjs');
  // Without a cache the bundle compiles more than the ES modules a run imports: no cache, no bundle.
  const folder = compileCacheDir(env);
  if (typeof folder === 'string') return `no compile cache: ${folder}`;
  const cacheFile = join(folder.dir, cacheFileName(manifest, dist, cacheKey));
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  let script: Script;
  const mod: { exports: LoadedBundle['exports'] } = { exports: {} };
  try {
    // The build made the bundle ASCII: read as one-byte text, without decoding UTF-8.
    const source = readFileSync(bundle, 'latin1');
    script = new Script(`(function (exports, require, module, __filename, __dirname, __startupImport, __startupFileUrl, __startupPath) {${source}\n})`, {
      filename: bundle,
      cachedData,
    });
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dist, importFrom, (rel: string) => pathToFileURL(join(dist, rel)).href, (rel: string) => join(dist, rel));
  } catch (error) {
    return `startup.cjs failed to load: ${(error as Error).message}`;
  }
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  let saved: string | undefined;
  return {
    exports: mod.exports,
    cacheFile,
    saveCache() {
      if (saved !== undefined) return saved;
      if (!fresh) return (saved = 'used');
      const failure = writeAtomic(cacheFile, script.createCachedData());
      pruneCaches(dirname(cacheFile), manifest.hash, Date.now());
      return (saved = failure ?? (cachedData === undefined ? 'written' : 'rejected by V8, written again'));
    },
  };
}

/** import() for the bundle's modules: a relative specifier from the importing file's URL, as its own import() would. */
function importFrom(specifier: string, parent: string): Promise<unknown> {
  const url = /^(\.{0,2}\/|[a-z][a-z\d+.-]*:)/i.test(specifier) ? new URL(specifier, parent).href : specifier;
  return import(url);
}

/** The manifest, or why there is none to use. */
export function readManifest(dist: string): StartupManifest | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dist, 'startup.json'), 'utf8'));
  } catch {
    return 'no startup.json';
  }
  const m = parsed as Partial<StartupManifest>;
  if (m.format !== 1 || typeof m.hash !== 'string' || !Array.isArray(m.bundle) || !Array.isArray(m.inputs)) return 'startup.json is not a start-up manifest';
  return m as StartupManifest;
}

/** The first file of the bundle (itself or an input) whose size or mtime changed since the build, as a reason; undefined when none did. */
export function staleInput(dist: string, manifest: StartupManifest): string | undefined {
  const files: [string, number, number][] = [['startup.cjs', ...manifest.bundle], ...manifest.inputs];
  for (const [rel, size, mtimeMs] of files) {
    const s = statSync(join(dist, rel), { throwIfNoEntry: false });
    if (s === undefined) return `${rel} is missing`;
    if (s.size !== size || s.mtimeMs !== mtimeMs) return `${rel} changed since startup.cjs was built`;
  }
  return undefined;
}

/**
 * The compile cache's folder: $SELFHELP_COMPILE_CACHE, else selfhelp-compile-cache-<uid> in the temporary
 * folder. Compiled code is code: a folder another user owns or can write to is not used (the reason instead).
 */
export function compileCacheDir(env: NodeJS.ProcessEnv): { dir: string } | string {
  const dir = env.SELFHELP_COMPILE_CACHE || join(tmpdir(), `selfhelp-compile-cache-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = lstatSync(dir);
    if (!s.isDirectory()) return `${dir} is not a folder`;
    if (process.getuid !== undefined && s.uid !== process.getuid()) return `${dir} belongs to another user`;
    if (process.platform !== 'win32' && (s.mode & 0o022) !== 0) return `${dir} is writable by others`;
    return { dir };
  } catch (error) {
    return `${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

/**
 * One cache per bundle, bundle folder, Node version, architecture and command: V8 keeps the functions a run
 * compiled, and a `--staged` lint compiles other code than a whole-folder one (which lints in worker threads,
 * whose cache is `worker`). The folder counts because V8 also keeps the script name a cache was made with:
 * two installs of one build sharing a cache would show each other's paths in stack traces and profiles.
 */
export function cacheName(manifest: StartupManifest, dist: string, argv: readonly string[]): string {
  return cacheFileName(manifest, dist, cacheKey(argv));
}

/** Eight hex digits naming a folder (FNV-1a of its absolute path): no hashing module to load at start-up. */
export function folderTag(dist: string): string {
  const path = resolve(dist);
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function cacheKey(argv: readonly string[]): string {
  // A command name as typed (main.ts rejects unknown ones); anything else cannot become a file name.
  const command = argv[0] !== undefined && /^[a-z]+$/.test(argv[0]) ? argv[0] : 'cli';
  return command === 'lint' && argv.includes('--staged') ? 'lint-staged' : command;
}

function cacheFileName(manifest: StartupManifest, dist: string, key: string): string {
  return `${manifest.hash}-${folderTag(dist)}-${process.version}-${process.arch}-${key}.bin`;
}

/** A week: caches of other builds (other bundle hashes) untouched that long are removed when a cache is written. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Every build writes caches under a new hash; the old ones would pile up in the temporary folder. Other
 * checkouts may share the folder with other builds, so only files of other hashes (and temporary files
 * left by a killed run) older than CACHE_MAX_AGE_MS go.
 */
export function pruneCaches(dir: string, hash: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const ours = name.startsWith(`${hash}-`) && name.endsWith('.bin');
    if (ours || !(name.endsWith('.bin') || name.endsWith('.tmp'))) continue;
    const file = join(dir, name);
    const s = statSync(file, { throwIfNoEntry: false });
    if (s?.isFile() && now - s.mtimeMs > CACHE_MAX_AGE_MS) rmSync(file, { force: true });
  }
}

/**
 * Written beside and renamed: a concurrent run reads the old cache or the new one, never half. Undefined when
 * written. Not lint's writeFileAtomic: importing @selfhelp/lint here would load the ES modules the bundle replaces.
 */
function writeAtomic(file: string, data: Buffer): string | undefined {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    return undefined;
  } catch (error) {
    rmSync(tmp, { force: true });
    return `not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
