// The lint cache (ESLint's `--cache-strategy content`, plus an mtime/size fast path): per file, the
// content hash, the key of the rules it was linted with, its findings before inline directives, the
// directives and the hash of its metadata summary; per content root, the cross-article findings under a
// key of every tree file's summary hash (reused while no summary changed); per content root listed from the
// index, which files the ignore test left out, under a signature of its inputs.
// The file is written atomically (not flushed: a crash can only make it unreadable, and then it is
// rebuilt); a corrupt, foreign or older cache is ignored and rebuilt.
// What a run reads is what it needs: the small entries line always; the findings and the summaries, the
// bulk of the file, only when a cached file's findings or a summary is asked for (a `--staged` run with
// edited files asks for neither). What a run writes is what changed: a few changed entries are appended to
// the entries line as a patch, new findings and summaries to their lines; lines nobody parsed are copied
// as bytes. Text is written as ASCII (JSON escapes), which reads back several times faster than UTF-8.
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, read, readSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import type { FileStat } from '../fs.js';
import type { LintMessage } from '../result.js';
import { LINT_VERSION } from '../version.js';
import type { Directive } from './directives.js';
import type { PackedSummary } from './summary.js';

export const DEFAULT_CACHE_FILE = '.selfhelpcache';
const FORMAT = 'selfhelp-lint-cache';
const FORMAT_VERSION = 5;

/** One file: what its findings and summary were computed from. Findings are kept apart (see Findings). */
export interface CacheEntry {
  /** Size, mtime and ctime when read from disk (fast path: all equal, the file is not read). */
  s?: number;
  m?: number;
  t?: number;
  /** Content hash. */
  h: string;
  /** Git blob id of the same content, when a run knew it (`--staged`: compared with the index, nothing is read or stat'ed). */
  g?: string;
  /** FileRules.key the findings were computed with; absent for summary-only entries. */
  c?: string;
  /** 1 when some finding carries a fix. */
  x?: 1;
  /** Hash of the file's metadata summary (what cross-article checks read): a body-only edit keeps it. */
  sh?: string;
}

/**
 * A file's findings: the rules key and content hash of the entry they belong to (a record that does not
 * match its entry is a miss), the JSON of the findings (LintMessage[]) before inline directives, and the
 * JSON of the directives when there are any. Kept as JSON text, so loading creates a few strings per
 * file instead of thousands of objects; decoded on use.
 */
type FindingsRecord = [c: string, h: string, messages: string, directives?: string];

/** A cross-article finding: rule id, root-relative path, message, line, column, end line, end column, severity (0: the configured one). */
export type CrossFinding = [string, string, string, number, number, number, number, 0 | 1 | 2];

/** The cross-article findings of one content root, valid while `k` (config, rules run, tree contents) is unchanged. */
export interface CrossEntry {
  k: string;
  f: CrossFinding[];
}

/** Which Markdown files of a content root an ignore test left out, valid while `k` (IgnoreFilter.signature) is unchanged. */
export interface ListingEntry {
  k: string;
  /** The ignored files (absolute paths). */
  i: string[];
}

/**
 * The file holds four lines: the rule manifest (what `loadConfig` reads to skip importing the rules on a
 * warm run), this, the summaries (absolute path to [summary hash, PackedSummary JSON]) and the findings
 * (absolute path to a FindingsRecord).
 */
interface CacheFile {
  format: typeof FORMAT;
  version: number;
  tool: string;
  entries: Record<string, CacheEntry>;
  cross?: Record<string, CrossEntry>;
  lists?: Record<string, ListingEntry>;
  /** Records appended to the summaries and findings lines since each was last written whole (duplicate keys: the last wins). */
  appended?: number;
  appendedFindings?: number;
  /** Bytes in the summaries line: where the findings line starts, without scanning megabytes for the newline. */
  summariesBytes?: number;
  /**
   * Patches appended to this line since it was last written whole: `p1` ... `pN`, each an object of changed
   * entries applied over `entries` in order; `patched` counts their entries (the line is written whole again
   * when they grow past a quarter of the entries). `cross`, the counts, `patches` and `patched` are repeated
   * after the last patch: JSON.parse keeps the last of duplicate keys.
   */
  patches?: number;
  patched?: number;
}

const isEntry = (e: unknown): e is CacheEntry => typeof e === 'object' && e !== null && typeof (e as CacheEntry).h === 'string';
const isSummary = (v: unknown): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string';
const isFindings = (v: unknown): v is FindingsRecord =>
  Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && typeof v[2] === 'string' && (v[3] === undefined || typeof v[3] === 'string');

/** JSON text as ASCII: every other character as a `\uXXXX` escape (the same JSON value). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Bytes of a line as text: ASCII (what this cache writes) decodes without UTF-8 decoding. */
function decodeLine(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

export function encodeSummary(summary: PackedSummary): string {
  return JSON.stringify(summary);
}

/** The stat fields of an entry. */
export function statFields(stat: FileStat | undefined): Pick<CacheEntry, 's' | 'm' | 't'> {
  if (!stat) return {};
  return { s: stat.size, m: stat.mtimeMs, ...(stat.ctimeMs !== undefined ? { t: stat.ctimeMs } : {}) };
}

/** True when the entry was made from a file with exactly this size, mtime and ctime. */
export function statMatches(entry: CacheEntry | undefined, stat: FileStat | undefined): boolean {
  return entry !== undefined && stat !== undefined && entry.s === stat.size && entry.m === stat.mtimeMs && entry.t === stat.ctimeMs;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) that gets `.selfhelpcache` inside. */
export function resolveCacheLocation(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith('\\')) return join(path, DEFAULT_CACHE_FILE);
  try {
    if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file path
  }
  return path;
}

function isValid(value: unknown): value is CacheFile {
  const v = value as CacheFile | null;
  return (
    typeof v === 'object' && v !== null && v.format === FORMAT && v.version === FORMAT_VERSION && v.tool === LINT_VERSION &&
    typeof v.entries === 'object' && v.entries !== null && !Array.isArray(v.entries)
  );
}

/**
 * The first two lines of a file (as bytes), where the rest of it starts (undefined: nothing after them), and
 * which file that was: the rest is read later, and only from the same file (another run may replace it).
 */
interface SplitFile {
  lines: Buffer[];
  restAt: number | undefined;
  identity: string;
}

function identityOf(s: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** What readHead reads first: the first two lines of a 6,000-file cache take about 1.9 MB. */
const HEAD_READ = 2 << 20;

/**
 * Reads the first two lines of a file, no further than needed, into one buffer that grows by doubling; the
 * lines are views of it (no copies: in this VM a first touch of fresh memory costs about 3 ms per MB).
 */
function readHead(path: string): SplitFile | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    const identity = identityOf(stat);
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(stat.size, HEAD_READ)));
    let filled = 0;
    let lineStart = 0;
    const lines: Buffer[] = [];
    for (;;) {
      if (filled === buffer.length) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) {
        lines.push(buffer.subarray(lineStart, filled));
        return { lines, restAt: undefined, identity };
      }
      const view = buffer.subarray(0, filled + n);
      for (let newline = view.indexOf(10, filled); newline !== -1; newline = view.indexOf(10, lineStart)) {
        lines.push(buffer.subarray(lineStart, newline));
        lineStart = newline + 1;
        if (lines.length === 2) return { lines, restAt: lineStart, identity };
      }
      filled += n;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the file for the bytes from `offset` to its end: its descriptor and a buffer of that size, or
 * undefined when the file is gone or no longer the one `identity` names (nothing is left open then).
 */
function openRest(path: string, offset: number, identity: string): { fd: number; out: Buffer } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (identityOf(stat) === identity) return { fd, out: Buffer.allocUnsafe(Math.max(0, stat.size - offset)) };
  } catch {
    // unreadable: as if gone
  }
  closeSync(fd);
  return undefined;
}

/** The bytes of a file from `offset` to its end; undefined when the file is no longer the one `identity` names. */
function readFrom(path: string, offset: number, identity: string): Buffer | undefined {
  const rest = openRest(path, offset, identity);
  if (!rest) return undefined;
  const { fd, out } = rest;
  try {
    let at = 0;
    while (at < out.length) {
      const n = readSync(fd, out, at, out.length - at, offset + at);
      if (n === 0) break;
      at += n;
    }
    return out.subarray(0, at);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * As readFrom, with the read itself in libuv's thread pool. The file is opened and checked at once, so the read
 * starts now and needs no turn of a busy event loop to begin: its cost (mostly the first touch of a buffer of
 * megabytes) is paid in the background while the run lints.
 */
function readFromAsync(path: string, offset: number, identity: string): Promise<Buffer | undefined> {
  const rest = openRest(path, offset, identity);
  if (!rest) return Promise.resolve(undefined);
  const { fd, out } = rest;
  return new Promise((resolve) => {
    const done = (bytes: Buffer | undefined) => {
      try {
        closeSync(fd);
      } catch {
        // closing a file we only read cannot lose anything
      }
      resolve(bytes);
    };
    const step = (at: number) => {
      if (at >= out.length) return done(out);
      read(fd, out, at, out.length - at, offset + at, (error, n) => {
        if (error) done(undefined);
        else if (n === 0) done(out.subarray(0, at));
        else step(at + n);
      });
    };
    step(0);
  });
}

/**
 * One line of the file holding a JSON object of records, read and parsed only when some record is asked
 * for. Records set before that wait beside the bytes read and are appended to them on save (JSON.parse
 * keeps the last of duplicate keys); once parsed, the line is written whole when it changed or holds
 * appended duplicates.
 */
class ObjectLine<V> {
  readonly #load: () => Buffer | undefined;
  readonly #accept: (v: unknown) => v is V;
  #loaded = false;
  #bytes: Buffer | Buffer[] | undefined;
  #map: Map<string, V> | undefined;
  #pending = new Map<string, V>();
  #dirty = false;
  /** Records appended to the line since it was last written whole. */
  appended: number;

  readonly #limit: () => number;

  /** `limit`: how many appended records the line may hold before a save parses it and writes it whole. */
  constructor(load: () => Buffer | undefined, appended: number, accept: (v: unknown) => v is V, limit: () => number) {
    this.#limit = limit;
    this.#load = load;
    this.appended = appended;
    this.#accept = accept;
  }

  #raw(): Buffer | undefined {
    if (!this.#loaded) {
      this.#bytes = this.#load();
      this.#loaded = true;
    }
    if (Array.isArray(this.#bytes)) this.#bytes = Buffer.concat(this.#bytes);
    return this.#bytes;
  }

  #parsed(): Map<string, V> {
    if (this.#map) return this.#map;
    const raw = this.#raw();
    const map = new Map<string, V>();
    if (raw && raw.length > 0) {
      try {
        const parsed = JSON.parse(decodeLine(raw)) as Record<string, unknown>;
        for (const [key, v] of Object.entries(parsed)) if (this.#accept(v)) map.set(key, v);
      } catch {
        this.#dirty = true; // a corrupt line: start it again
      }
    }
    // Records set before the line was needed; the map is written whole from now on (dropping duplicate keys).
    for (const [key, v] of this.#pending) map.set(key, v);
    if (this.#pending.size > 0) this.#dirty = true;
    this.#pending.clear();
    this.#map = map;
    return map;
  }

  get(key: string): V | undefined {
    return this.#parsed().get(key);
  }

  set(key: string, value: V, same: (a: V, b: V) => boolean): void {
    if (!this.#map) {
      this.#pending.set(key, value);
      return;
    }
    const found = this.#map.get(key);
    if (found && same(found, value)) return;
    this.#map.set(key, value);
    this.#dirty = true;
  }

  /** True when the line must be written: records changed, or it was parsed anyway and holds appended duplicates. */
  get changed(): boolean {
    return this.#dirty || this.#pending.size > 0 || (this.#map !== undefined && this.appended > 0);
  }

  /**
   * The line to write, in pieces: the map when it was parsed, else the bytes read plus the new records (not
   * concatenated: the line can be megabytes, and the write takes the pieces as they are).
   */
  out(): Buffer[] {
    const raw = this.#raw();
    // Duplicates pile up in a line nobody parses (a run of --staged after another): now and then it is compacted.
    if (!this.#map && this.#pending.size > 0 && this.appended + this.#pending.size > this.#limit()) this.#parsed();
    if (this.#map) {
      if (!this.#dirty && this.appended === 0 && raw !== undefined) return [raw];
      this.appended = 0;
      return [Buffer.from(asciiJson(JSON.stringify(Object.fromEntries(this.#map))), 'latin1')];
    }
    const added = asciiJson([...this.#pending].map(([key, v]) => JSON.stringify(key) + ':' + JSON.stringify(v)).join(','));
    // Appending needs a line that is one JSON object (`{...}`); anything else starts again from the new records.
    const usable = raw !== undefined && raw.length >= 2 && raw[0] === 0x7b && raw[raw.length - 1] === 0x7d;
    if (!usable) {
      this.appended = 0;
      return [Buffer.from('{' + added + '}', 'latin1')];
    }
    if (added === '') return [raw];
    this.appended += this.#pending.size;
    const empty = raw.length === 2;
    return [raw.subarray(0, raw.length - 1), Buffer.from((empty ? '' : ',') + added + '}', 'latin1')];
  }

  /** After a save: `bytes` (concatenated if ever read again) is now the line on disk. */
  written(bytes: Buffer[]): void {
    this.#bytes = bytes;
    this.#loaded = true;
    this.#dirty = false;
    this.#pending.clear();
  }
}

const sameSummary = (a: [string, string], b: [string, string]) => a[0] === b[0] && a[1] === b[1];
const sameFindings = (a: FindingsRecord, b: FindingsRecord) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

export class LintCache {
  readonly path: string;
  #entries: Map<string, CacheEntry>;
  #cross = new Map<string, CrossEntry>();
  #lists = new Map<string, ListingEntry>();
  #summaries: ObjectLine<[string, string]>;
  #findings: ObjectLine<FindingsRecord>;
  /** The entries line as read or last written (when valid), the patches appended to it, and the paths set since. */
  #mainBytes: Buffer | Buffer[] | undefined;
  #patches = 0;
  #patched = 0;
  #changed = new Set<string>();
  #manifestSame = false;
  #crossChanged = false;
  #listsChanged = false;
  #dirty = false;
  /** Where the summaries and findings lines start in the file, and their bytes once read. */
  #restAt: number | undefined;
  #identity = '';
  #restLoaded = false;
  #restBytes: Buffer | undefined;
  #prefetching: Promise<void> | undefined;
  /** Why the cache on disk was not used, if it was not (for --debug). */
  readonly discarded: string | undefined;

  /** The rule manifest line to write first (`LoadedConfig.registryManifest`). */
  readonly #manifest: string;

  constructor(path: string, manifest: string | undefined = undefined) {
    this.path = path;
    this.#manifest = manifest ?? '{}';
    let entries = new Map<string, CacheEntry>();
    let discarded: string | undefined;
    let appended = 0;
    let appendedFindings = 0;
    let summariesBytes: number | undefined;

    const read = readHead(path);
    if (read !== undefined) {
      const [manifestBytes = Buffer.alloc(0), mainBytes = Buffer.alloc(0)] = read.lines;
      const manifestLine = decodeLine(manifestBytes);
      if (manifestLine !== this.#manifest) this.#dirty = true; // the rules changed: rewrite the manifest
      this.#manifestSame = manifestLine === this.#manifest;
      try {
        const parsed: unknown = JSON.parse(decodeLine(mainBytes));
        if (isValid(parsed)) {
          // for-in into the map: several times faster than Object.entries + filter on thousands of entries.
          const all = parsed.entries as Record<string, unknown>;
          for (const p in all) {
            const e = all[p];
            if (isEntry(e)) entries.set(p, e);
          }
          const patches = typeof parsed.patches === 'number' ? parsed.patches : 0;
          for (let i = 1; i <= patches; i++) {
            const patch = (parsed as unknown as Record<string, unknown>)[`p${i}`];
            if (typeof patch !== 'object' || patch === null) continue;
            for (const [p, e] of Object.entries(patch)) if (isEntry(e)) entries.set(p, e);
          }
          this.#patches = patches;
          this.#patched = typeof parsed.patched === 'number' ? parsed.patched : 0;
          this.#mainBytes = mainBytes;
          if (typeof parsed.cross === 'object' && parsed.cross !== null) {
            for (const [root, c] of Object.entries(parsed.cross)) if (typeof c?.k === 'string' && Array.isArray(c.f)) this.#cross.set(root, c);
          }
          if (typeof parsed.lists === 'object' && parsed.lists !== null) {
            for (const [root, l] of Object.entries(parsed.lists)) if (typeof l?.k === 'string' && Array.isArray(l.i) && l.i.every((p) => typeof p === 'string')) this.#lists.set(root, l);
          }
          if (typeof parsed.appended === 'number') appended = parsed.appended;
          if (typeof parsed.appendedFindings === 'number') appendedFindings = parsed.appendedFindings;
          if (typeof parsed.summariesBytes === 'number') summariesBytes = parsed.summariesBytes;
          this.#restAt = read.restAt;
          this.#identity = read.identity;
        } else discarded = 'not a cache of this selfhelp version';
      } catch {
        discarded = 'corrupt';
      }
      if (discarded) this.#dirty = true;
    }
    // The summaries and findings lines: read together, on first use (or in the background: prefetch).
    let restLines: [Buffer | undefined, Buffer | undefined] | undefined;
    const line = (i: 0 | 1) => (): Buffer | undefined => {
      if (restLines === undefined) {
        if (!this.#restLoaded) this.#restBytes = this.#restAt === undefined ? undefined : readFrom(path, this.#restAt, this.#identity);
        this.#restLoaded = true;
        const bytes = this.#restBytes;
        const split = summariesBytes;
        const newline = bytes === undefined ? -1 : split !== undefined && bytes[split] === 10 ? split : bytes.indexOf(10);
        restLines = bytes === undefined ? [undefined, undefined] : newline === -1 ? [bytes, undefined] : [bytes.subarray(0, newline), bytes.subarray(newline + 1)];
      }
      return restLines[i];
    };
    // Appended records may reach a quarter of the entries (at least 64) before their line is written whole.
    const limit = () => Math.max(64, this.#entries.size / 4);
    this.#summaries = new ObjectLine(line(0), appended, isSummary, limit);
    this.#findings = new ObjectLine(line(1), appendedFindings, isFindings, limit);
    this.#entries = entries;
    this.discarded = discarded;
  }

  /**
   * Starts reading the summaries and findings lines in the background, for a run that has other work to do
   * first (linting) and will need them to save; `ready()` waits for the read.
   */
  prefetch(): void {
    if (this.#restLoaded || this.#prefetching || this.#restAt === undefined) return;
    this.#prefetching = readFromAsync(this.path, this.#restAt, this.#identity).then(
      (bytes) => {
        if (this.#restLoaded) return;
        this.#restBytes = bytes;
        this.#restLoaded = true;
      },
      () => undefined, // read again when needed
    );
  }

  async ready(): Promise<void> {
    await this.#prefetching;
  }

  get(absPath: string): CacheEntry | undefined {
    return this.#entries.get(absPath);
  }

  /** Records an entry; the findings stored for the file stay (they answer only while they match its `c` and `h`). */
  set(absPath: string, entry: CacheEntry): void {
    this.#entries.set(absPath, entry);
    this.#changed.add(absPath);
    this.#dirty = true;
  }

  /** Records a file linted from scratch: its entry (`c` is the rules key) and its findings. */
  setLinted(absPath: string, entry: CacheEntry & { c: string }, messages: readonly LintMessage[], directives: readonly Directive[]): void {
    const record: FindingsRecord = [entry.c, entry.h, JSON.stringify(messages)];
    if (directives.length > 0) record.push(JSON.stringify(directives));
    if (messages.some((m) => m.fix !== undefined)) entry.x = 1;
    else delete entry.x;
    this.set(absPath, entry);
    this.#findings.set(absPath, record, sameFindings);
  }

  /** The findings and directives stored for this entry of the file; undefined when there are none (or they cannot be decoded). */
  findings(absPath: string, entry: CacheEntry): { messages: LintMessage[]; directives: Directive[] } | undefined {
    if (entry.c === undefined) return undefined;
    const record = this.#findings.get(absPath);
    if (!record || record[0] !== entry.c || record[1] !== entry.h) return undefined;
    try {
      return { messages: JSON.parse(record[2]) as LintMessage[], directives: record[3] === undefined ? [] : (JSON.parse(record[3]) as Directive[]) };
    } catch {
      return undefined;
    }
  }

  getCross(root: string): CrossEntry | undefined {
    return this.#cross.get(root);
  }

  setCross(root: string, entry: CrossEntry): void {
    this.#cross.set(root, entry);
    this.#crossChanged = true;
    this.#dirty = true;
  }

  getListing(root: string): ListingEntry | undefined {
    return this.#lists.get(root);
  }

  setListing(root: string, entry: ListingEntry): void {
    this.#lists.set(root, entry);
    this.#listsChanged = true;
    this.#dirty = true;
  }

  /** The summary JSON of a file, when the cache holds the one with this summary hash. */
  getSummary(absPath: string, hash: string): string | undefined {
    const found = this.#summaries.get(absPath);
    return found && found[0] === hash ? found[1] : undefined;
  }

  /** Records a file's summary (nothing is parsed for it: see ObjectLine). */
  setSummary(absPath: string, hash: string, json: string): void {
    this.#summaries.set(absPath, [hash, json], sameSummary);
  }

  /**
   * The entries line to write. A few changed entries are appended to the line read as a patch, instead of
   * encoding every entry again; the line is written whole when there is none, or the patches grew large.
   */
  #mainLine(summariesBytes: number): Buffer[] {
    const changed = this.#changed.size;
    if (Array.isArray(this.#mainBytes)) this.#mainBytes = Buffer.concat(this.#mainBytes);
    const old = this.#mainBytes;
    const counts = { appended: this.#summaries.appended, appendedFindings: this.#findings.appended, summariesBytes };
    if (old !== undefined && old[old.length - 1] === 0x7d && this.#manifestSame && this.#patches < 64 && this.#patched + changed <= Math.max(64, this.#entries.size / 4)) {
      const patch: Record<string, CacheEntry> = {};
      for (const p of this.#changed) {
        const e = this.#entries.get(p);
        if (e) patch[p] = e;
      }
      if (changed > 0) this.#patches++;
      this.#patched += changed;
      const tail: Partial<CacheFile> = {
        ...(this.#crossChanged ? { cross: Object.fromEntries(this.#cross) } : {}),
        ...(this.#listsChanged ? { lists: Object.fromEntries(this.#lists) } : {}),
        ...counts,
        patches: this.#patches,
        patched: this.#patched,
      };
      const added = (changed > 0 ? `,"p${this.#patches}":${JSON.stringify(patch)}` : '') + ',' + JSON.stringify(tail).slice(1);
      return [old.subarray(0, old.length - 1), Buffer.from(asciiJson(added), 'latin1')];
    }
    this.#patches = 0;
    this.#patched = 0;
    const file: CacheFile = {
      format: FORMAT,
      version: FORMAT_VERSION,
      tool: LINT_VERSION,
      entries: Object.fromEntries(this.#entries),
      cross: Object.fromEntries(this.#cross),
      lists: Object.fromEntries(this.#lists),
      ...counts,
    };
    return [Buffer.from(asciiJson(JSON.stringify(file)), 'latin1')];
  }

  /** Writes the cache if anything changed. Failing to write a cache is not an error of the run. */
  save(): boolean {
    if (!this.#dirty && !this.#summaries.changed && !this.#findings.changed) return false;
    try {
      // Lines nobody parsed are copied as bytes: neither decoded nor parsed nor encoded again. The counts of
      // appended records go into the entries line, so the other lines are made first.
      const summaries = this.#summaries.out();
      const findings = this.#findings.out();
      const main = this.#mainLine(summaries.reduce((n, b) => n + b.length, 0));
      mkdirSync(dirname(this.path), { recursive: true });
      const newline = Buffer.from('\n');
      writeFileAtomic(this.path, [Buffer.from(this.#manifest + '\n', 'utf8'), ...main, newline, ...summaries, newline, ...findings], { flush: false });
      this.#mainBytes = main;
      this.#summaries.written(summaries);
      this.#findings.written(findings);
      this.#changed.clear();
      this.#crossChanged = false;
      this.#listsChanged = false;
      this.#manifestSame = true;
      this.#dirty = false;
      return true;
    } catch {
      return false;
    }
  }
}
