// `compileCatalog`: finds the articles, compiles each (or takes it from the incremental cache),
// assembles and validates the catalogs, and writes them atomically. Nothing is written when a
// build error is found (unless skipInvalid) or when a catalog does not match its schema.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble, buildCatalogs, type Generator, type InvalidArticle } from './assemble.js';
import { writeDirAtomic } from './atomic-dir.js';
import { BuildCache, fileStat, type FileStat } from './cache.js';
import type { CompiledFile } from './compile-article.js';
import { ContentRoot } from './content-root.js';
import { SANITIZE_SCHEMA } from './sanitize-schema.js';
import { toJson, toPlain } from './serialize.js';
import { compareStrings, hashParts, normalizeSource } from './source-text.js';
import type { BuildErrorCode, Catalog, CatalogArticle } from './types.js';
import { CatalogSchemaError, catalogSchemaText, validateCatalog } from './validate.js';
import type { WorkerBatch } from './worker.js';

const require = createRequire(import.meta.url);
/** This package's version: part of the cache key, and the default generator version. */
export const CATALOG_VERSION = (require('../package.json') as { version: string }).version;

/** A mistake in how the build was asked for (missing path, path outside the root, bad output dir): exit 2. */
export class CatalogUsageError extends Error {
  override name = 'CatalogUsageError';
}


export interface CompileCatalogOptions {
  /** Files and directories to compile (directories: every `*.md` below them). Default `['articles']`. */
  paths?: string[];
  /** The content root: nothing outside it is read; source paths are relative to it. Default: the current directory. */
  root?: string;
  /** Output directory, replaced atomically. */
  outDir: string;
  /** Write the catalog without the invalid articles instead of failing. */
  skipInvalid?: boolean;
  /** Files (articles and included files) larger than this many bytes are not read: a `file-too-large` build error. Default 4 MiB. */
  maxFileSize?: number;
  /** Cache file location; `false` to build everything from scratch. Default `.selfhelp-cache/catalog.json` under the current directory. */
  cache?: string | false;
  generator?: Generator;
  /**
   * Worker threads for compiling: a count (0 or 1: in this thread), or `auto` (one per core when
   * more than 100 files need compiling). Default `auto`. The output does not depend on it.
   */
  workers?: number | 'auto';
  /** The worker module; default the compiled `worker.js` beside this file (absent when running from TypeScript sources: no workers). */
  workerUrl?: URL;
  /** Called for each article whose body is rendered (not for ones taken from the cache). */
  onRender?: (path: string) => void;
  /**
   * A file modified or changed less than this many milliseconds before the build starts is read
   * again by the next build even if its stat is unchanged (timestamps have a granularity). Default 2000.
   */
  racyWindowMs?: number;
  /** Test hook: called with the temporary directory after every file is written, before the swap. */
  beforeSwap?: (tempDir: string) => void | Promise<void>;
}

export interface OutputFile {
  /** Path relative to the output directory, `/` separators. */
  path: string;
  bytes: number;
  articles: number;
}

export interface BuildResult {
  /** True when the catalog was written. */
  written: boolean;
  outDir: string;
  /** Articles in catalog.json (or that would have been). */
  articles: number;
  /** Articles left out because of build errors (they stop the build unless skipInvalid). */
  invalid: InvalidArticle[];
  /** Files that are not catalog articles: fragments (no metadata) and Learn articles. */
  excluded: { fragment: string[]; learn: string[] };
  outputs: OutputFile[];
  stats: {
    files: number;
    rendered: number;
    fromCache: number;
    /** Source files read and hashed (the others were taken from the cache on their unchanged stat alone). */
    read: number;
    workers: number;
    cache: 'off' | 'used' | 'missing' | 'corrupt' | 'stale';
    /** Milliseconds spent in each step (for --debug and benchmarks). */
    timings: { discover: number; compile: number; cacheSave: number; validate: number; write: number };
  };
}

/** How recent (ms) a file's modification or change time may be for its stat to be trusted by the next build. */
const RACY_MS = 2000;

const SKIPPED_DIRS = new Set(['node_modules']);

/** The files to compile: named files as given, directories searched for `*.md` (dot-directories and node_modules skipped). */
export function discover(paths: readonly string[], root: ContentRoot): { abs: string; rel: string }[] {
  const found = new Map<string, string>();
  const add = (abs: string): void => {
    const rel = root.relativeOf(abs);
    if (rel === undefined || rel === '') throw new CatalogUsageError(`${abs} is outside the content root ${root.root}; pass --root`);
    found.set(rel, abs);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs);
      } else if (entry.isFile() && /\.md$/i.test(entry.name)) add(abs);
    }
  };
  for (const path of paths) {
    const abs = resolve(path);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new CatalogUsageError(`no such file or directory: ${path}`);
    }
    if (stat.isDirectory()) {
      if (root.relativeOf(abs) === undefined) throw new CatalogUsageError(`${path} is outside the content root ${root.root}; pass --root`);
      walk(abs);
    } else add(abs);
  }
  return [...found].sort(([a], [b]) => compareStrings(a, b)).map(([rel, abs]) => ({ abs, rel }));
}

const RENDER_DEPENDENCIES = ['unified', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'rehype-stringify', 'github-slugger', 'ajv'];

/**
 * A fingerprint of the code that decides the output: the files of this package and of
 * @selfhelp/core and @selfhelp/schema (so a changed parser or compiler invalidates the cache even
 * without a version bump), and where the rendering libraries resolve (their paths hold their versions).
 */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  const dirs = [dirname(fileURLToPath(import.meta.url))];
  for (const pkg of ['@selfhelp/core', '@selfhelp/schema']) {
    try {
      dirs.push(dirname(require.resolve(pkg)));
    } catch {
      hash.update(`unresolved ${pkg}`);
    }
  }
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(js|cjs|mjs|ts)$/.test(name) || name.endsWith('.d.ts')) continue;
      hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
    }
  }
  for (const dep of RENDER_DEPENDENCIES) {
    try {
      hash.update(require.resolve(dep));
    } catch {
      hash.update(`unresolved ${dep}`);
    }
  }
  return hash.digest('hex');
}

function configKey(root: ContentRoot, generator: Generator): string {
  const schema = JSON.stringify(SANITIZE_SCHEMA, (_key, value: unknown) => (value instanceof RegExp ? value.toString() : value));
  return createHash('sha256')
    .update(JSON.stringify({ catalog: CATALOG_VERSION, code: codeFingerprint(), generator, root: root.realRoot, maxFileSize: root.maxFileSize, sanitize: schema, catalogSchema: catalogSchemaText() }))
    .digest('hex');
}

function plainCatalog(catalog: Catalog): unknown {
  return { ...catalog, indexes: toPlain(catalog.indexes) };
}

/** The text of a catalog in chunks, reusing each article's serialized form (articles are shared between catalogs). */
function* catalogChunks(catalog: Catalog, articleBytes: Map<CatalogArticle, Buffer>): IterableIterator<string | Buffer> {
  yield toJson({ $schema: catalog.$schema, generator: catalog.generator }).trimEnd().slice(0, -1);
  yield ',"articles":[';
  let first = true;
  for (const article of catalog.articles) {
    if (!first) yield COMMA;
    yield articleBytes.get(article)!;
    first = false;
  }
  yield `],"indexes":${toJson(catalog.indexes).trimEnd()}}\n`;
}

const COMMA = Buffer.from(',');

function workerCount(requested: number | 'auto', pending: number): number {
  if (requested === 'auto') return pending > 100 && availableParallelism() > 1 ? Math.min(availableParallelism(), Math.ceil(pending / 50)) : 0;
  return requested > 1 ? Math.floor(requested) : 0;
}

function defaultWorkerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

async function compileInWorkers(pending: { path: string; text: string }[], threads: number, root: ContentRoot, url: URL, onResult: (file: CompiledFile) => void): Promise<void> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WorkerBatch, CompiledFile[]>({ filename: url.href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    const size = Math.max(8, Math.min(64, Math.ceil(pending.length / (threads * 8))));
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < pending.length; i += size) {
      jobs.push(pool.run({ root: root.root, maxFileSize: root.maxFileSize, tasks: pending.slice(i, i + size) }).then((files) => files.forEach(onResult)));
    }
    await Promise.all(jobs);
  } finally {
    await pool.destroy();
  }
}

export async function compileCatalog(options: CompileCatalogOptions): Promise<BuildResult> {
  let root: ContentRoot;
  try {
    root = new ContentRoot(options.root ?? process.cwd(), options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize });
  } catch {
    throw new CatalogUsageError(`the content root ${options.root ?? process.cwd()} does not exist`);
  }
  const generator = options.generator ?? { name: 'selfhelp', version: CATALOG_VERSION };
  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = Math.round(now - clock);
    clock = now;
    return ms;
  };
  const timings = { discover: 0, compile: 0, cacheSave: 0, validate: 0, write: 0 };
  const files = discover(options.paths ?? ['articles'], root);
  timings.discover = lap();

  const cache = options.cache === false ? undefined : BuildCache.load(resolve(options.cache ?? join('.selfhelp-cache', 'catalog.json')), configKey(root, generator));
  const depHashes = new Map<string, string | null>();
  const currentHash = (path: string): string | null => {
    let hash = depHashes.get(path);
    if (hash === undefined) {
      const read = root.read(path);
      hash = read.ok ? hashParts([read.source]) : null;
      depHashes.set(path, hash);
    }
    return hash;
  };

  const compiled: CompiledFile[] = [];
  const pending: { path: string; text: string }[] = [];
  const stats = new Map<string, FileStat>();
  // A file changed within RACY_MS of this moment could change again without its stat changing
  // (timestamps have a granularity): its stat is not kept, so the next build reads it again.
  const trustedBefore = Date.now() - (options.racyWindowMs ?? RACY_MS);
  let fromCache = 0;
  let read = 0;
  for (const file of files) {
    // Fast path: a file whose stat is the one stored with its cached outcome is not read again.
    // Symbolic links never take it (where they lead is checked on reading).
    let stat: FileStat | undefined;
    if (cache) {
      try {
        const s = lstatSync(file.abs);
        if (s.isFile() && Math.max(s.mtimeMs, s.ctimeMs) < trustedBefore) stat = fileStat(s);
      } catch {
        // Reading it below reports the problem.
      }
      const unchanged = stat && cache.lookup(file.rel, undefined, stat, currentHash);
      if (unchanged) {
        fromCache++;
        compiled.push(unchanged);
        continue;
      }
    }
    // Read through the content root: a file that leads outside it (a symbolic link, even named
    // explicitly) or is larger than maxFileSize is never read.
    read++;
    const source = root.read(file.rel);
    if (!source.ok) {
      const [code, message]: [BuildErrorCode, string] =
        source.reason === 'too-large'
          ? ['file-too-large', `The file is ${source.detail} bytes, larger than the maximum file size (${root.maxFileSize} bytes); it is not read.`]
          : source.reason === 'outside-root'
            ? ['file-unreadable', 'The file leads (through a symbolic link) outside the content root; it is not read.']
            : ['file-unreadable', `The file cannot be read (${source.detail ?? 'ENOENT'}).`];
      compiled.push({
        path: file.rel,
        sourceHash: '',
        dependencies: [],
        rendered: false,
        outcome: { status: 'invalid', id: null, errors: [{ code, message, article: file.rel, file: file.rel, line: 1, column: 1 }] },
      });
      continue;
    }
    const text = source.source;
    const hit = cache?.lookup(file.rel, hashParts([normalizeSource(text)]), stat, currentHash);
    if (hit) {
      fromCache++;
      compiled.push(hit);
    } else {
      pending.push({ path: file.rel, text });
      if (stat) stats.set(file.rel, stat);
    }
  }

  let rendered = 0;
  const onResult = (file: CompiledFile): void => {
    if (file.rendered) {
      rendered++;
      options.onRender?.(file.path);
    }
    cache?.store(file, stats.get(file.path));
    compiled.push(file);
  };
  const threads = workerCount(options.workers ?? 'auto', pending.length);
  const workerUrl = threads > 0 ? (options.workerUrl ?? defaultWorkerUrl()) : undefined;
  if (workerUrl) await compileInWorkers(pending, threads, root, workerUrl, onResult);
  else if (pending.length > 0) {
    // Loaded only when something must be compiled here: the parser and the renderer are most of
    // the start-up time, and a build with nothing changed does not need them.
    const { ArticleCompiler } = await import('./compile-article.js');
    const compiler = new ArticleCompiler(root);
    for (const task of pending) onResult(compiler.compile(task.path, task.text));
  }
  timings.compile = lap();
  cache?.save();
  timings.cacheSave = lap();

  const assembly = assemble(compiled);
  const outDir = resolve(options.outDir);
  const result: BuildResult = {
    written: false,
    outDir,
    articles: assembly.articles.length,
    invalid: assembly.invalid,
    excluded: assembly.excluded,
    outputs: [],
    stats: { files: files.length, rendered, fromCache, read, workers: workerUrl ? threads : 0, cache: cache ? (cache.loadProblem as BuildResult['stats']['cache']) ?? 'used' : 'off', timings },
  };
  if (assembly.invalid.length > 0 && !options.skipInvalid) return result;

  const { catalog, clouds } = buildCatalogs(assembly.articles, generator);
  // Each article was validated against the schema's article definition when it was compiled (a
  // cached entry before it was cached; the cache key includes the schema). Here each catalog's
  // envelope and indexes are validated.
  const problems: string[] = [];
  for (const [name, c] of [['catalog.json', catalog], ...[...clouds].map(([cloud, c]) => [`clouds/${cloud}.json`, c] as const)] as const) {
    problems.push(...validateCatalog(plainCatalog({ ...c, articles: [] })).map((p) => `${name}: ${p}`));
  }
  if (problems.length > 0) throw new CatalogSchemaError(`the catalog does not match catalog.schema.json: ${problems.slice(0, 5).join('; ')}`);
  timings.validate = lap();

  // Each article is serialized and encoded once; the catalogs share the bytes.
  // An entry the cache holds is written from the cache's bytes (neither decoded nor encoded).
  const bytesOf = new Map<CatalogArticle, () => Buffer>();
  for (const file of compiled) {
    const o = file.outcome;
    if (o.status === 'ok') bytesOf.set(o.entry, () => cache?.bytesOf(file.path) ?? Buffer.from(o.json, 'utf8'));
  }
  const articleBytes = new Map(assembly.articles.map((a) => [a, bytesOf.get(a)!()]));
  const outputs = new Map<string, Iterable<string | Buffer>>();
  const counts = new Map<string, number>();
  outputs.set('catalog.json', catalogChunks(catalog, articleBytes));
  counts.set('catalog.json', catalog.articles.length);
  outputs.set('catalog.schema.json', [catalogSchemaText()]);
  for (const [cloud, c] of clouds) {
    outputs.set(`clouds/${cloud}.json`, catalogChunks(c, articleBytes));
    counts.set(`clouds/${cloud}.json`, c.articles.length);
  }
  const beforeSwap = options.beforeSwap;
  const sizes = await writeDirAtomic(outDir, outputs, beforeSwap ? { marker: 'catalog.json', beforeSwap } : { marker: 'catalog.json' });
  timings.write = lap();
  result.written = true;
  result.outputs = [...sizes].map(([path, bytes]) => ({ path, bytes, articles: counts.get(path) ?? 0 }));
  return result;
}
