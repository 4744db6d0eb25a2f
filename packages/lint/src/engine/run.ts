// lintFiles: the engine. Reads (or is given) each file, answers from the cache when it can, lints the
// rest once each (in worker threads when there are many), runs the cross-article rules over the
// summaries of the whole tree, applies inline directives and returns results in path order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectAccess } from '@selfhelp/core';
import type { ArticleSummary, ProjectRule } from '@selfhelp/rules';
import type { FileRules, LoadedConfig } from '../config/load.js';
import { comparePaths, createIgnoreFilter, type IgnoreFilter } from '../discover.js';
import { diskSource, type ContentSource, type FileStat } from '../fs.js';
import { fallbackRoot, isInside, realPathOf, realPathsByFolder, relativePosix, resolvesInside } from '../paths.js';
import { countMessages, type LintMessage, type LintResult } from '../result.js';
import { LintCache, encodeSummary, hashText, statFields, statMatches, type CacheEntry, type CrossFinding } from './cache.js';
import { applyDirectives, compareMessages, type Directive } from './directives.js';
import { outsideRootMessage, overBudgetMessage, tooLargeMessage } from './messages.js';
import type { SourceOutcome } from './lint-source.js';
import { packSummary, unpackSummary, type PackedSummary } from './summary.js';
import type { WorkerBatch, WorkerTask } from './worker.js';

/** One file to lint: a path, and optionally its text (a virtual input: not read from the source). */
export interface LintInput {
  path: string;
  text?: string;
}

export interface LintFilesOptions {
  /** The resolved configuration (`loadConfig`). */
  config: LoadedConfig;
  /** Relative input paths are resolved against it. Default: process.cwd(). */
  cwd?: string;
  /** Where files, `.gitignore`s and the tree for cross-article checks and ProjectAccess are read from. Default: the disk. */
  source?: ContentSource;
  /** Compute fixes (results get `output` when the text changed). Nothing is written: see `writeFixes`. */
  fix?: boolean;
  /** The cache file to read and update; false or undefined for no cache. */
  cacheLocation?: string | false;
  /** Worker threads: a count, `auto` (one per core, used above `workerThreshold` files to parse) or `off`. Default `auto`. */
  concurrency?: number | 'auto' | 'off';
  /** With `auto`, workers start only when more files than this must be parsed. Default 200. */
  workerThreshold?: number;
  /** Run the cross-article rules (default true). */
  crossArticle?: boolean;
  /** Called as files are done (for a progress line). */
  onProgress?: (done: number, total: number) => void;
  /** The worker module (tests); default: the compiled `worker.js` beside this file. */
  workerUrl?: URL;
}

export interface LintStats {
  files: number;
  /** Files linted from scratch (the others came from the cache). */
  linted: number;
  cached: number;
  /** Worker threads used (0: in the main thread). */
  workers: number;
  /** Tree files whose summaries were computed (metadata-only parse) for cross-article checks. */
  summarized: number;
  /** Content roots whose cross-article rules ran (0 when their cached findings still held). */
  crossChecked: number;
  /** Why the cache on disk was not used, if it was not. */
  cacheDiscarded?: string;
}

export interface LintRun {
  /** One result per input, sorted by path. */
  results: LintResult[];
  stats: LintStats;
}

interface FileState {
  absPath: string;
  root: string | undefined;
  relPath: string;
  rules: FileRules;
  text?: string;
  hash?: string;
  stat?: FileStat;
  /** The source's content id of the text read (see ContentSource.contentId). */
  contentId?: string;
  messages?: LintMessage[];
  directives?: Directive[];
  /** The summary, when this run parsed the file (else it is in the cache, by summary hash). */
  summary?: PackedSummary;
  /**
   * Hash of the summary's JSON: what the cross-article cache key is made of. Without a cache nothing reads the
   * hash: it is UNHASHED, which only says that the file has a summary.
   */
  summaryHash?: string;
  output?: string;
}

const UNHASHED = '';

/** Node options that decide V8's parallel scavenge themselves. */
const SCAVENGE_FLAG = /^--(no-)?parallel[-_]scavenge$|^--single[-_]threaded(-gc)?$/;

function unreadable(path: string): LintMessage {
  return { ruleId: null, severity: 2, message: `Cannot read file ${path}.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

function defaultWorkerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined; // running from TypeScript sources: no worker file
}

/** Answers a file from a cache entry; false when the cache holds no usable findings for it (a miss). */
function fromCache(cache: LintCache, state: FileState, entry: CacheEntry): boolean {
  const found = cache.findings(state.absPath, entry);
  if (!found) return false;
  state.messages = found.messages;
  state.directives = found.directives;
  state.hash = entry.h;
  if (entry.sh !== undefined) state.summaryHash = entry.sh;
  return true;
}

/** Lints the inputs. A problem in an article is a finding, never an exception. */
export async function lintFiles(inputs: readonly (LintInput | string)[], options: LintFilesOptions): Promise<LintRun> {
  const { config } = options;
  const cwd = resolve(options.cwd ?? process.cwd());
  const source = options.source ?? diskSource;
  const fix = options.fix ?? false;
  const cache = options.cacheLocation ? new LintCache(options.cacheLocation, config.registryManifest) : undefined;

  // Inputs: absolute, unique (the last text given for a path wins), sorted.
  const given = new Map<string, string | undefined>();
  for (const input of inputs) {
    const i = typeof input === 'string' ? { path: input } : input;
    given.set(resolve(cwd, i.path), i.text);
  }
  const fallbackRoots = new Map<string, { root: string; adhoc: boolean }>();
  // Roots that are only a stray file's own folder: cross-article checks there cover the linted files only
  // (never a whole /tmp or home folder).
  const adhocRoots = new Set<string>();
  const rootOf = (absPath: string): string => {
    if (config.root !== undefined && isInside(config.root, absPath)) return config.root;
    const dir = dirname(absPath);
    let found = fallbackRoots.get(dir);
    if (found === undefined) fallbackRoots.set(dir, (found = fallbackRoot(absPath)));
    if (found.adhoc) adhocRoots.add(found.root);
    return found.root;
  };
  const states: FileState[] = [...given.keys()].sort(comparePaths).map((absPath) => {
    const root = rootOf(absPath);
    const state: FileState = { absPath, root, relPath: relativePosix(root, absPath), rules: config.rulesFor(absPath) };
    const text = given.get(absPath);
    if (text !== undefined) state.text = text;
    return state;
  });

  // 1. The cache: stat first (no read when size and mtime match), then the content hash.
  const usable = (entry: CacheEntry | undefined, rules: FileRules): entry is CacheEntry =>
    entry !== undefined && entry.c === rules.key && !(fix && entry.x === 1);
  const pending: FileState[] = [];
  let cached = 0;
  const realRoots = new Map<string, string>();
  const realRoot = (root: string): string => {
    let real = realRoots.get(root);
    if (real === undefined) realRoots.set(root, (real = realPathOf(root)));
    return real;
  };
  // Worker threads start as soon as enough files are known to need linting, and get batches while the rest is
  // still being read and hashed (the main thread yields between batches so the pool can take them).
  let dispatch: WorkerDispatch | undefined;
  let workerDecided = false;
  let threads = 0;
  const onOutcome = (state: FileState, outcome: SourceOutcome, cacheable = true) => {
    state.messages = outcome.messages;
    state.directives = outcome.directives;
    state.summary = outcome.summary;
    // Encoding and hashing 6,000 summaries took the main thread about 0.1 s of CPU while the workers need the cores.
    const summaryJson = cache ? encodeSummary(outcome.summary) : undefined;
    state.summaryHash = summaryJson === undefined ? UNHASHED : hashText(summaryJson);
    if (outcome.output !== undefined) state.output = outcome.output;
    const originalHash = state.hash;
    if (cache && outcome.output !== undefined) state.hash = hashText(outcome.output);
    if (cache && originalHash !== undefined && cacheable) {
      const finalText = outcome.output;
      // Findings describe the final text: cache them under its hash (a fixed file then hits next run once written).
      const entry: CacheEntry & { c: string } = { h: state.hash!, c: state.rules.key, sh: state.summaryHash };
      if (finalText === undefined) {
        Object.assign(entry, statFields(state.stat));
        // The blob id describes the text read; a fixed text is another content.
        if (state.contentId !== undefined) entry.g = state.contentId;
      }
      // A body-only edit keeps the summary: the one stored under this hash stays (nothing to append).
      if (cache.get(state.absPath)?.sh !== state.summaryHash) cache.setSummary(state.absPath, state.summaryHash, summaryJson!);
      cache.setLinted(state.absPath, entry, outcome.messages, outcome.directives);
    }
    options.onProgress?.(++done, total);
  };
  const total = states.length;
  let done = 0;
  const concurrency = options.concurrency ?? 'auto';
  const threshold = options.workerThreshold ?? 200;
  const maybeStartWorkers = async () => {
    if (workerDecided || !config.workerSafe) return;
    const wanted = workerCount(concurrency, pending.length, threshold, source.disk);
    if (wanted === 0) {
      // A count or `off` is decided by the first file; `auto` waits for more than the threshold.
      if (concurrency !== 'auto' || !source.disk) workerDecided = true;
      return;
    }
    workerDecided = true;
    const workerUrl = options.workerUrl ?? defaultWorkerUrl();
    if (!workerUrl) return;
    threads = concurrency === 'auto' ? Math.min(availableParallelism(), Math.max(wanted, 2)) : wanted;
    const size = Math.max(8, Math.min(64, Math.ceil(states.length / (threads * 8))));
    dispatch = await WorkerDispatch.start(threads, size, workerUrl, config, fix, onOutcome);
    for (const p of pending) dispatch.add(p);
  };
  const realOf = realPathsByFolder();
  for (const state of states) {
    // A symbolic link (or a file under a linked folder) that leads out of the content root is never read.
    if (state.text === undefined && source.disk && state.root !== undefined && !resolvesInside(realRoot(state.root), state.absPath, realOf)) {
      state.messages = [outsideRootMessage()];
      state.directives = [];
      continue;
    }
    const entry = cache?.get(state.absPath);
    if (state.text === undefined) {
      // A source that knows content ids (the index, under --staged) answers without a stat or a read.
      const id = source.contentId?.(state.absPath);
      if (id !== undefined) {
        state.contentId = id;
        if (usable(entry, state.rules) && entry.g === id && fromCache(cache!, state, entry)) {
          cached++;
          continue;
        }
      }
      const stat = source.stat(state.absPath);
      if (stat) state.stat = stat;
      if (usable(entry, state.rules) && statMatches(entry, stat) && fromCache(cache!, state, entry)) {
        // A source stats only files whose content is the one its id names: the entry describes that content.
        if (id !== undefined) cache!.set(state.absPath, { ...entry, g: id });
        cached++;
        continue;
      }
    }
    if (state.text === undefined) {
      // A file over maxFileSize is not even read: one fatal finding (and no summary).
      if (state.stat && state.stat.size > config.maxFileSize) {
        state.messages = [tooLargeMessage(state.stat.size, config.maxFileSize)];
        state.directives = [];
        continue;
      }
      const text = source.readText(state.absPath);
      if (text === undefined) {
        state.messages = [unreadable(state.absPath)];
        state.directives = [];
        continue;
      }
      state.text = text;
    }
    // The content hash is the cache's key; without a cache nothing reads it.
    if (cache) state.hash = hashText(state.text);
    if (cache && usable(entry, state.rules) && entry.h === state.hash && fromCache(cache, state, entry)) {
      if (state.stat || state.contentId !== undefined) cache.set(state.absPath, { ...entry, ...statFields(state.stat), ...(state.contentId !== undefined ? { g: state.contentId } : {}) });
      cached++;
      continue;
    }
    pending.push(state);
    if (dispatch) {
      if (dispatch.add(state)) await new Promise<void>((r) => setImmediate(r));
    } else if (!workerDecided) await maybeStartWorkers();
  }

  // 2. Lint what the cache could not answer: in worker threads when there are many, else here. Meanwhile the
  // rest of the cache file, which saving copies, is read in the background.
  if (pending.length > 0) cache?.prefetch();
  // The tree listings that the cross-article rules need are started now, while the workers lint and this
  // thread mostly waits, instead of after the last batch.
  const crossArticle = (options.crossArticle ?? true) && config.registry.projectRuleIds.size > 0;
  const trees = treeLister(config, source, cache);
  if (crossArticle && dispatch) {
    const projectRules = [...config.registry.projectRuleIds];
    const roots = new Set<string>();
    for (const s of states) if (s.root !== undefined && !adhocRoots.has(s.root) && projectRules.some((id) => s.rules.byId.has(id))) roots.add(s.root);
    for (const root of roots) void trees(root);
  }
  done += total - pending.length;
  options.onProgress?.(done, total);
  let usedWorkers = 0;
  if (pending.length > 0 && !dispatch) await config.loadRuleCode();
  if (dispatch) {
    usedWorkers = threads;
    await dispatch.finish();
  } else if (pending.length > 0) {
    const { lintSource } = await import('./lint-source.js');
    const { projectAccessFor } = await import('./project.js');
    const projects = new Map<string, ProjectAccess>();
    for (const state of pending) {
      let project: ProjectAccess | undefined;
      if (state.root !== undefined) {
        project = projects.get(state.root);
        if (!project) projects.set(state.root, (project = projectAccessFor(state.root, source)));
      }
      const started = performance.now();
      const outcome = lintSource({ path: state.relPath, text: state.text!, rules: state.rules, fix, maxFileSize: config.maxFileSize }, config.registry, project);
      const elapsed = performance.now() - started;
      // On the main thread a slow file cannot be stopped; it is reported (and not cached: timing is not content).
      if (elapsed > config.timeBudget) onOutcome(state, { ...outcome, messages: [...outcome.messages, overBudgetMessage(config.timeBudget, false, elapsed)] }, false);
      else onOutcome(state, outcome);
    }
  }

  // 3. Cross-article rules over the whole tree of each content root.
  const cross = new Map<string, LintMessage[]>();
  let summarized = 0;
  let crossChecked = 0;
  if (crossArticle) {
    ({ summarized, crossChecked } = await runCrossArticle(states, config, source, cache, cross, adhocRoots, trees));
  }

  // 4. Directives, order, counts.
  const results: LintResult[] = states.map((state) => {
    const all = [...(state.messages ?? []), ...(cross.get(state.absPath) ?? [])];
    const unusedSeverity = state.rules.byId.get('unused-disable')?.severity ?? 0;
    const messages = applyDirectives(all, state.directives ?? [], unusedSeverity).sort(compareMessages);
    return countMessages(state.absPath, messages, state.output);
  });
  await cache?.ready();
  cache?.save();
  await dispatch?.ended();
  const stats: LintStats = { files: states.length, linted: pending.length, cached, workers: usedWorkers, summarized, crossChecked };
  if (cache?.discarded) stats.cacheDiscarded = cache.discarded;
  return { results, stats };
}

function workerCount(concurrency: number | 'auto' | 'off', pending: number, threshold: number, disk: boolean): number {
  if (!disk || concurrency === 'off') return 0;
  if (concurrency === 'auto') {
    if (pending <= threshold) return 0;
    const cores = availableParallelism();
    return cores > 1 ? Math.min(cores, Math.ceil(pending / 50)) : 0;
  }
  return concurrency > 1 || (concurrency === 1 && pending > 0) ? Math.max(1, Math.floor(concurrency)) : 0;
}

/**
 * Worker threads fed while files are still being read: `add` queues files in batches, runners (two per thread:
 * one batch running, one queued behind it) send them to the pool, `finish` waits for the last.
 */
class WorkerDispatch {
  readonly #queue: FileState[][] = [];
  #current: FileState[] = [];
  #closed = false;
  #waiting: (() => void)[] = [];
  #all!: Promise<void>;
  #cleanup!: () => Promise<void>;
  #ending: Promise<void> | undefined;

  private constructor(readonly size: number) {}

  static async start(
    threads: number,
    size: number,
    workerUrl: URL,
    config: LoadedConfig,
    fix: boolean,
    onOutcome: (state: FileState, outcome: SourceOutcome, cacheable?: boolean) => void,
  ): Promise<WorkerDispatch> {
    const { Piscina } = await import('piscina');
    const self = new WorkerDispatch(size);
    const budget = config.timeBudget;
    // A pool that takes every core leaves no core free for V8's parallel scavenger: its helper tasks only compete
    // with the threads (a corpus cold lint on 2 cores: about 4% faster without them). Each thread then scavenges
    // its young generation alone. V8 reads the flag at every scavenge, so setting it at run time is safe; it
    // holds for the rest of the process. Not at start-up: a run on the main thread, with a core to spare, is
    // faster with the helpers (warm lint 0.90 against 0.92 s). A scavenge flag given to node is left as given.
    if (threads >= availableParallelism() && !process.execArgv.some((arg) => SCAVENGE_FLAG.test(arg))) setFlagsFromString('--no-parallel-scavenge');
    const pool = new Piscina<WorkerBatch, SourceOutcome[]>({
      filename: workerUrl.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      // A small young generation: more frequent, cheaper scavenges of the parser's short-lived objects.
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    const runners = threads * 2;
    // The watchdog: each runner's slot says when the file its batch is on started. A file over the budget has its
    // batch stopped (piscina ends that thread and starts another); it gets a finding, the rest of the batch runs again.
    const watch = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * 2 * runners));
    const controllers: (AbortController | undefined)[] = new Array(runners).fill(undefined);
    const timer = setInterval(
      () => {
        const now = Date.now();
        for (let slot = 0; slot < runners; slot++) {
          const started = watch[slot * 2]!;
          if (started > 0 && now - started > budget) controllers[slot]?.abort();
        }
      },
      Math.max(10, Math.min(250, Math.floor(budget / 4))),
    );
    timer.unref();
    const task = (s: FileState): WorkerTask => ({ absPath: s.absPath, path: s.relPath, root: s.root, text: s.text! });
    const isAbort = (error: unknown) => (error as { name?: string } | null)?.name === 'AbortError';
    const runner = async (slot: number) => {
      for (;;) {
        const batch = self.#queue.shift();
        if (!batch) {
          if (self.#closed) return;
          await new Promise<void>((r) => self.#waiting.push(r));
          continue;
        }
        const controller = new AbortController();
        controllers[slot] = controller;
        watch[slot * 2] = 0;
        let outcomes: SourceOutcome[];
        try {
          outcomes = await pool.run({ spec: config.spec, fix, tasks: batch.map(task), watch: { buffer: watch.buffer as SharedArrayBuffer, slot } }, { signal: controller.signal });
        } catch (error) {
          if (!isAbort(error)) throw error;
          const stopped = Math.min(batch.length - 1, Math.max(0, watch[slot * 2 + 1]!));
          watch[slot * 2] = 0;
          onOutcome(batch[stopped]!, { messages: [overBudgetMessage(budget, true)], directives: [], summary: { k: 'fragment', f: [] }, passes: 0 }, false);
          const rest = batch.filter((_, i) => i !== stopped);
          if (rest.length > 0) self.#queue.unshift(rest);
          continue;
        } finally {
          controllers[slot] = undefined;
        }
        outcomes.forEach((outcome, j) => onOutcome(batch[j]!, outcome));
      }
    };
    self.#all = Promise.all(Array.from({ length: runners }, (_, slot) => runner(slot))).then(() => undefined);
    self.#all.catch(() => undefined); // awaited (and thrown) in finish()
    self.#cleanup = async () => {
      clearInterval(timer);
      await pool.destroy();
    };
    return self;
  }

  #wake(): void {
    for (const w of this.#waiting.splice(0)) w();
  }

  /** Queues a file; true when that completed a batch (the caller should yield so the pool can take it). */
  add(state: FileState): boolean {
    this.#current.push(state);
    if (this.#current.length < this.size) return false;
    this.#queue.push(this.#current);
    this.#current = [];
    this.#wake();
    return true;
  }

  /**
   * Waits for the last batch. The threads then end in the background (ending them takes about 0.1 s) while
   * the run goes on; `ended` waits for that. On an error they are ended before it is thrown.
   */
  async finish(): Promise<void> {
    if (this.#current.length > 0) this.#queue.push(this.#current);
    this.#current = [];
    this.#closed = true;
    this.#wake();
    try {
      await this.#all;
    } catch (error) {
      await this.#cleanup();
      throw error;
    }
    this.#ending = this.#cleanup();
    this.#ending.catch(() => undefined); // awaited in ended()
  }

  async ended(): Promise<void> {
    await this.#ending;
  }
}

/**
 * Cross-article rules, once per content root, over the summaries of every Markdown file under it.
 * Their findings are cached per root under a key of the config, the rules run with their options, and
 * every tree file's path and summary hash: when no file's metadata changed (a body-only edit, or nothing
 * at all), no summary is decoded and no rule runs.
 */
async function runCrossArticle(
  states: FileState[],
  config: LoadedConfig,
  source: ContentSource,
  cache: LintCache | undefined,
  cross: Map<string, LintMessage[]>,
  adhocRoots: ReadonlySet<string>,
  trees: (root: string) => Promise<string[]>,
): Promise<{ summarized: number; crossChecked: number }> {
  const groups = new Map<string, FileState[]>();
  for (const s of states) {
    if (s.root === undefined || s.summaryHash === undefined) continue;
    let g = groups.get(s.root);
    if (!g) groups.set(s.root, (g = []));
    g.push(s);
  }
  if (groups.size === 0) return { summarized: 0, crossChecked: 0 };
  let crossChecked = 0;
  let summarized = 0;
  let parseMetadata: typeof import('@selfhelp/core').parseMetadata | undefined;
  let summarize: typeof import('@selfhelp/rules').summarize | undefined;
  const summaryOf = async (text: string, rel: string): Promise<PackedSummary | undefined> => {
    parseMetadata ??= (await import('@selfhelp/core')).parseMetadata;
    summarize ??= (await import('@selfhelp/rules')).summarize;
    try {
      summarized++;
      return packSummary(summarize(parseMetadata(text, { path: rel })));
    } catch {
      return undefined;
    }
  };
  for (const [root, linted] of groups) {
    const byPath = new Map(linted.map((s) => [s.absPath, s]));
    // The rules to run here, with the options of the first linted file that enables each.
    const toRun: { id: string; options: unknown; owner: FileState }[] = [];
    for (const id of [...config.registry.projectRuleIds].sort()) {
      const owner = linted.find((s) => s.rules.byId.has(id));
      if (owner) toRun.push({ id, options: owner.rules.byId.get(id)!.options, owner });
    }
    if (toRun.length === 0) continue;

    // Phase A: every tree file's summary hash (from the cache's stat fast path when possible; a file whose
    // content changed gets its summary now, from a metadata-only parse).
    const tree = new Set(adhocRoots.has(root) ? [] : await trees(root));
    for (const s of linted) tree.add(s.absPath);
    const files: { absPath: string; rel: string; sh: string }[] = [];
    const fresh = new Map<string, PackedSummary>();
    for (const absPath of [...tree].sort(comparePaths)) {
      const rel = relativePosix(root, absPath);
      const own = byPath.get(absPath);
      if (own) {
        if (own.summaryHash !== undefined) files.push({ absPath, rel, sh: own.summaryHash });
        continue;
      }
      const entry = cache?.get(absPath);
      // The content id first (no stat, no read), then size and mtime, then the content hash.
      const id = source.contentId?.(absPath);
      if (id !== undefined && entry?.g === id && entry.sh !== undefined) {
        files.push({ absPath, rel, sh: entry.sh });
        continue;
      }
      const withId: Pick<CacheEntry, 'g'> = id !== undefined ? { g: id } : {};
      const stat = source.stat(absPath);
      if (statMatches(entry, stat) && entry!.sh !== undefined) {
        if (id !== undefined) cache!.set(absPath, { ...entry!, ...withId });
        files.push({ absPath, rel, sh: entry!.sh });
        continue;
      }
      const text = stat && stat.size > config.maxFileSize ? undefined : source.readText(absPath);
      if (text === undefined) continue;
      const hash = hashText(text);
      if (entry && entry.h === hash && entry.sh !== undefined) {
        if (stat || id !== undefined) cache!.set(absPath, { ...entry, ...statFields(stat), ...withId });
        files.push({ absPath, rel, sh: entry.sh });
        continue;
      }
      const packed = await summaryOf(text, rel);
      if (!packed) continue;
      const json = encodeSummary(packed);
      const sh = hashText(json);
      fresh.set(absPath, packed);
      files.push({ absPath, rel, sh });
      if (cache) {
        if (entry?.sh !== sh) cache.setSummary(absPath, sh, json);
        // A summary-only entry (no `c`: it never answers a lint of this file) gives the stat fast path next time.
        cache.set(absPath, { h: hash, sh, ...statFields(stat), ...withId });
      }
    }
    let treeKey = '';
    if (cache) {
      const keyParts: string[] = [config.hash, JSON.stringify(toRun.map((r) => [r.id, r.options ?? null]))];
      for (const f of files) keyParts.push(f.rel, f.sh);
      treeKey = createHash('sha1').update(keyParts.join('\0')).digest('base64url');
    }

    let findings: CrossFinding[] | undefined = cache?.getCross(root)?.k === treeKey ? cache.getCross(root)!.f : undefined;
    if (!findings) {
      // Phase B: every summary (fresh, or from the cache by summary hash, or parsed again when missing),
      // with only the fields the rules read when each of them names its fields.
      await config.loadRuleCode();
      const only = fieldsRead(toRun.map(({ id }) => config.registry.projectRules.get(id)));
      const summaries: ArticleSummary[] = [];
      for (const { absPath, rel, sh } of files) {
        const own = byPath.get(absPath);
        let packed: PackedSummary | undefined = own?.summary ?? fresh.get(absPath);
        if (!packed) {
          const json = cache?.getSummary(absPath, sh);
          if (json !== undefined) {
            try {
              packed = JSON.parse(json) as PackedSummary;
            } catch {
              packed = undefined;
            }
          }
        }
        if (!packed) {
          const text = own?.text ?? source.readText(absPath);
          if (text !== undefined) packed = await summaryOf(text, rel);
          if (packed) cache?.setSummary(absPath, hashText(encodeSummary(packed)), encodeSummary(packed));
        }
        if (packed) summaries.push(unpackSummary(packed, rel, only));
      }
      findings = [];
      let crashed = false;
      crossChecked++;
      for (const { id, options, owner } of toRun) {
        const rule = config.registry.projectRules.get(id);
        if (!rule) continue;
        try {
          for (const f of rule.checkProject(summaries, options)) {
            const sev = f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0;
            findings.push([id, f.path, f.message, f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column, sev]);
          }
        } catch (error) {
          crashed = true;
          const text = (error instanceof Error ? error.message : String(error)).split('\n')[0];
          push(cross, owner.absPath, { ruleId: id, severity: 2, message: `Rule "${id}" crashed: ${text}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true });
        }
      }
      if (!crashed) cache?.setCross(root, { k: treeKey, f: findings });
    }
    for (const [id, path, message, line, column, endLine, endColumn, sev] of findings) {
      const absPath = join(root, path);
      const enabled = byPath.get(absPath)?.rules.byId.get(id);
      if (!enabled) continue;
      push(cross, absPath, { ruleId: id, severity: sev === 0 ? enabled.severity : sev, message, line, column, endLine, endColumn });
    }
  }
  return { summarized, crossChecked };
}

/** The metadata keys some of these rules read; undefined (every field) when one of them does not say. */
function fieldsRead(rules: readonly (ProjectRule | undefined)[]): Set<string> | undefined {
  const keys = new Set<string>();
  for (const rule of rules) {
    if (!rule) continue;
    const fields: unknown = rule.fields;
    if (!Array.isArray(fields) || !fields.every((f): f is string => typeof f === 'string')) return undefined;
    for (const f of fields) keys.add(f.toLowerCase());
  }
  return keys;
}

/** listTree for each content root, asked once: the first call starts the listing, later calls share it. */
function treeLister(config: LoadedConfig, source: ContentSource, cache: LintCache | undefined): (root: string) => Promise<string[]> {
  let ignored: Promise<IgnoreFilter> | undefined;
  const lists = new Map<string, Promise<string[]>>();
  return (root) => {
    let list = lists.get(root);
    if (!list) {
      ignored ??= createIgnoreFilter(config, source);
      list = ignored.then((filter) => listTree(root, source, filter, cache));
      list.catch(() => undefined); // a listing started early fails when it is awaited, not before
      lists.set(root, list);
    }
    return list;
  };
}

/**
 * The Markdown files of a content root, minus the ignored ones. Listed from the index (`--staged`: a
 * source with content ids, whose listing costs a few milliseconds), the ignore answers come from the cache
 * while their signature holds: testing 6,000 paths against .gitignore rules takes about 60 ms of a
 * 500 ms pre-commit run, the signature about 15.
 */
async function listTree(root: string, source: ContentSource, ignored: IgnoreFilter, cache: LintCache | undefined): Promise<string[]> {
  if (!cache || !source.contentId) return source.listMarkdown(root, ignored);
  const all = await source.listMarkdown(root, () => false);
  const key = ignored.signature(all);
  const known = cache.getListing(root);
  if (known?.k === key) {
    if (known.i.length === 0) return all;
    const left = new Set(known.i);
    return all.filter((p) => !left.has(p));
  }
  const kept: string[] = [];
  const left: string[] = [];
  for (const p of all) (ignored(p, false) ? left : kept).push(p);
  cache.setListing(root, { k: key, i: left });
  return kept;
}

function push(map: Map<string, LintMessage[]>, key: string, message: LintMessage): void {
  const list = map.get(key);
  if (list) list.push(message);
  else map.set(key, [message]);
}
