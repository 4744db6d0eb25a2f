// The lint cache (ESLint's `--cache-strategy content`, plus an mtime/size fast path): per file, the
// content hash, the key of the rules it was linted with, its findings before inline directives, the
// directives and the hash of its metadata summary; per content root, the cross-article findings under a
// key of every tree file's summary hash (reused while no summary changed).
// The file is written atomically (not flushed: a crash can only make it unreadable, and then it is
// rebuilt); a corrupt, foreign or older cache is ignored and rebuilt. A run that
// changed a few entries appends them to the entries line as a patch, and new summaries to the summaries
// line, instead of encoding everything again (both lines are written whole again once they are parsed
// anyway, or the patches grow).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import type { FileStat } from '../fs.js';
import type { LintMessage } from '../result.js';
import { LINT_VERSION } from '../version.js';
import type { Directive } from './directives.js';
import type { PackedSummary } from './summary.js';

export const DEFAULT_CACHE_FILE = '.selfhelpcache';
const FORMAT = 'selfhelp-lint-cache';
const FORMAT_VERSION = 4;

/**
 * One file. Findings, directives and summary are kept as JSON text inside the cache file, so loading
 * the cache creates a few strings per file instead of thousands of objects; they are decoded on use.
 */
export interface CacheEntry {
  /** Size, mtime and ctime when read from disk (fast path: all equal, the file is not read). */
  s?: number;
  m?: number;
  t?: number;
  /** Content hash. */
  h: string;
  /** FileRules.key the findings were computed with; absent for summary-only entries. */
  c?: string;
  /** JSON of the findings (LintMessage[]) before inline directives. */
  msg?: string;
  /** 1 when some finding carries a fix. */
  x?: 1;
  /** JSON of the directives (Directive[]), when there are any. */
  d?: string;
  /** Hash of the file's metadata summary (what cross-article checks read): a body-only edit keeps it. */
  sh?: string;
}

/** A cross-article finding: rule id, root-relative path, message, line, column, end line, end column, severity (0: the configured one). */
export type CrossFinding = [string, string, string, number, number, number, number, 0 | 1 | 2];

/** The cross-article findings of one content root, valid while `k` (config, rules run, tree contents) is unchanged. */
export interface CrossEntry {
  k: string;
  f: CrossFinding[];
}

/**
 * The file holds three JSON documents on three lines: the rule manifest (what `loadConfig` reads to skip
 * importing the rules on a warm run), this, then the summaries (absolute path to [content hash,
 * PackedSummary JSON]). The summaries line is read only when a cross-article check must be recomputed.
 */
interface CacheFile {
  format: typeof FORMAT;
  version: number;
  tool: string;
  entries: Record<string, CacheEntry>;
  cross?: Record<string, CrossEntry>;
  /** Summaries appended to the summaries line since it was last written whole (duplicate keys: the last wins). */
  appended?: number;
  /**
   * Patches appended to this line since it was last written whole: `p1` ... `pN`, each an object of changed
   * entries applied over `entries` in order; `patched` counts their entries (the line is written whole again
   * when they grow past a quarter of the entries). `cross`, `patches` and `patched` are repeated after the
   * last patch: JSON.parse keeps the last of duplicate keys.
   */
  patches?: number;
  patched?: number;
}

const isEntry = (e: unknown): e is CacheEntry => typeof e === 'object' && e !== null && typeof (e as CacheEntry).h === 'string';

type Summaries = Map<string, [string, string]>;

export function encodeMessages(messages: readonly LintMessage[]): Pick<CacheEntry, 'msg' | 'x'> {
  return { msg: JSON.stringify(messages), ...(messages.some((m) => m.fix !== undefined) ? { x: 1 as const } : {}) };
}
export function decodeMessages(entry: CacheEntry): LintMessage[] {
  return entry.msg === undefined ? [] : (JSON.parse(entry.msg) as LintMessage[]);
}
export function encodeDirectives(directives: readonly Directive[]): Pick<CacheEntry, 'd'> {
  return directives.length > 0 ? { d: JSON.stringify(directives) } : {};
}
export function decodeDirectives(entry: CacheEntry): Directive[] {
  return entry.d === undefined ? [] : (JSON.parse(entry.d) as Directive[]);
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

/** The first `count` lines of a file and the byte offset after them; reads no further than needed. */
function readLines(path: string, count: number): { lines: string[]; rest: number | undefined } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const lines: string[] = [];
    let chunks: Buffer[] = [];
    let position = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(1 << 20, position));
      const n = readSync(fd, chunk, 0, chunk.length, position);
      if (n === 0) {
        lines.push(Buffer.concat(chunks).toString('utf8'));
        return { lines, rest: undefined };
      }
      let view = chunk.subarray(0, n);
      let consumed = 0;
      for (let newline = view.indexOf(10); newline !== -1; newline = view.indexOf(10)) {
        chunks.push(view.subarray(0, newline));
        lines.push(Buffer.concat(chunks).toString('utf8'));
        chunks = [];
        consumed += newline + 1;
        view = view.subarray(newline + 1);
        if (lines.length === count) return { lines, rest: position + consumed };
      }
      chunks.push(Buffer.from(view));
      position += n;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export class LintCache {
  readonly path: string;
  #entries: Map<string, CacheEntry>;
  #cross = new Map<string, CrossEntry>();
  /** Where the summaries line starts in the file (read and parsed on first use), and its text once read. */
  #summariesAt: number | undefined;
  #summariesBytes: Buffer | undefined;
  #summaries: Summaries | undefined;
  #appended = 0;
  /** The entries line as read (when valid), the patches appended to it, and the paths set since it was read. */
  #mainText: string | undefined;
  #patches = 0;
  #patched = 0;
  #changed = new Set<string>();
  #manifestSame = false;
  #crossChanged = false;
  /** Summaries set while the summaries line was not parsed (see setSummary). */
  #pendingSummaries: Summaries = new Map();
  #dirty = false;
  #summariesDirty = false;
  /** Why the cache on disk was not used, if it was not (for --debug). */
  readonly discarded: string | undefined;

  /** The rule manifest line to write first (`LoadedConfig.registryManifest`). */
  readonly #manifest: string;

  constructor(path: string, manifest: string | undefined = undefined) {
    this.path = path;
    this.#manifest = manifest ?? '{}';
    let entries = new Map<string, CacheEntry>();
    let discarded: string | undefined;
    const read = readLines(path, 2);
    if (read !== undefined) {
      const [manifestLine, text = '', ] = read.lines;
      const rest = read.rest;
      if (manifestLine !== this.#manifest) this.#dirty = true; // the rules changed: rewrite the manifest
      this.#manifestSame = manifestLine === this.#manifest;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isValid(parsed)) {
          entries = new Map(Object.entries(parsed.entries).filter(([, e]) => isEntry(e)));
          const patches = typeof parsed.patches === 'number' ? parsed.patches : 0;
          for (let i = 1; i <= patches; i++) {
            const patch = (parsed as unknown as Record<string, unknown>)[`p${i}`];
            if (typeof patch !== 'object' || patch === null) continue;
            for (const [path, e] of Object.entries(patch)) if (isEntry(e)) entries.set(path, e);
          }
          this.#patches = patches;
          this.#patched = typeof parsed.patched === 'number' ? parsed.patched : 0;
          this.#mainText = text;
          if (typeof parsed.cross === 'object' && parsed.cross !== null) {
            for (const [root, c] of Object.entries(parsed.cross)) if (typeof c?.k === 'string' && Array.isArray(c.f)) this.#cross.set(root, c);
          }
          this.#summariesAt = rest;
          if (typeof parsed.appended === 'number') this.#appended = parsed.appended;
        } else discarded = 'not a cache of this selfhelp version';
      } catch {
        discarded = 'corrupt';
      }
      if (discarded) this.#dirty = true;
    }
    this.#entries = entries;
    this.discarded = discarded;
  }

  get(absPath: string): CacheEntry | undefined {
    return this.#entries.get(absPath);
  }

  set(absPath: string, entry: CacheEntry): void {
    this.#entries.set(absPath, entry);
    this.#changed.add(absPath);
    this.#dirty = true;
  }

  getCross(root: string): CrossEntry | undefined {
    return this.#cross.get(root);
  }

  setCross(root: string, entry: CrossEntry): void {
    this.#cross.set(root, entry);
    this.#crossChanged = true;
    this.#dirty = true;
  }

  /** The summaries line as bytes, read on first use (entries carry their summary hash, so a file rewritten meanwhile is still safe). */
  #rawSummaries(): Buffer | undefined {
    if (this.#summariesAt !== undefined && this.#summariesBytes === undefined) {
      try {
        this.#summariesBytes = readFileSync(this.path).subarray(this.#summariesAt);
      } catch {
        this.#summariesBytes = undefined;
      }
      this.#summariesAt = undefined;
    }
    return this.#summariesBytes;
  }

  #loadSummaries(): Summaries {
    if (this.#summaries) return this.#summaries;
    const raw = this.#rawSummaries();
    const map: Summaries = new Map();
    if (raw && raw.length > 0) {
      try {
        const parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        for (const [path, v] of Object.entries(parsed)) {
          if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') map.set(path, [v[0], v[1]]);
        }
      } catch {
        this.#summariesDirty = true; // a corrupt summaries line: start it again
      }
    }
    // Summaries set before the line was needed; the map is written whole from now on (dropping duplicate keys).
    for (const [path, v] of this.#pendingSummaries) map.set(path, v);
    if (this.#pendingSummaries.size > 0) this.#summariesDirty = true;
    this.#pendingSummaries.clear();
    this.#summaries = map;
    return map;
  }

  /** The summary JSON of a file, when the cache holds the one with this summary hash. */
  getSummary(absPath: string, hash: string): string | undefined {
    const found = this.#loadSummaries().get(absPath);
    return found && found[0] === hash ? found[1] : undefined;
  }

  /**
   * Records a file's summary. Until some summary is read, nothing is parsed: new summaries wait beside the
   * line read from disk and are appended to its text on save (JSON.parse keeps the last of duplicate keys).
   */
  setSummary(absPath: string, hash: string, json: string): void {
    if (!this.#summaries) {
      this.#pendingSummaries.set(absPath, [hash, json]);
      return;
    }
    const map = this.#summaries;
    const found = map.get(absPath);
    if (found && found[0] === hash && found[1] === json) return;
    map.set(absPath, [hash, json]);
    this.#summariesDirty = true;
  }

  /** The summaries line to write: the map when it was parsed, else the bytes read plus the new summaries. */
  #summariesOut(): Buffer {
    const raw = this.#rawSummaries();
    if (this.#summaries) {
      // Parsed anyway: written whole when it changed or holds appended duplicates.
      if (!this.#summariesDirty && this.#appended === 0 && raw !== undefined) return raw;
      this.#appended = 0;
      return Buffer.from(JSON.stringify(Object.fromEntries(this.#summaries)), 'utf8');
    }
    const added = [...this.#pendingSummaries].map(([path, v]) => JSON.stringify(path) + ':' + JSON.stringify(v)).join(',');
    // Appending needs a line that is one JSON object (`{...}`); anything else starts again from the new summaries.
    const usable = raw !== undefined && raw.length >= 2 && raw[0] === 0x7b && raw[raw.length - 1] === 0x7d;
    if (!usable) {
      this.#appended = 0;
      return Buffer.from('{' + added + '}', 'utf8');
    }
    if (added === '') return raw;
    this.#appended += this.#pendingSummaries.size;
    const empty = raw.length === 2;
    return Buffer.concat([raw.subarray(0, raw.length - 1), Buffer.from((empty ? '' : ',') + added + '}', 'utf8')]);
  }

  /**
   * The entries line to write. A few changed entries are appended to the line read as a patch, instead of
   * encoding every entry again; the line is written whole when there is none, or the patches grew large.
   */
  #mainLine(): string {
    const changed = this.#changed.size;
    const old = this.#mainText;
    if (old !== undefined && old.endsWith('}') && this.#manifestSame && this.#patches < 64 && this.#patched + changed <= Math.max(64, this.#entries.size / 4)) {
      const patch: Record<string, CacheEntry> = {};
      for (const path of this.#changed) {
        const e = this.#entries.get(path);
        if (e) patch[path] = e;
      }
      if (changed > 0) this.#patches++;
      this.#patched += changed;
      const tail: Partial<CacheFile> = { ...(this.#crossChanged ? { cross: Object.fromEntries(this.#cross) } : {}), appended: this.#appended, patches: this.#patches, patched: this.#patched };
      return old.slice(0, -1) + (changed > 0 ? `,"p${this.#patches}":${JSON.stringify(patch)}` : '') + ',' + JSON.stringify(tail).slice(1);
    }
    this.#patches = 0;
    this.#patched = 0;
    const file: CacheFile = { format: FORMAT, version: FORMAT_VERSION, tool: LINT_VERSION, entries: Object.fromEntries(this.#entries), cross: Object.fromEntries(this.#cross), appended: this.#appended };
    return JSON.stringify(file);
  }

  /** Writes the cache if anything changed. Failing to write a cache is not an error of the run. */
  save(): boolean {
    if (!this.#dirty && !this.#summariesDirty && this.#pendingSummaries.size === 0) return false;
    try {
      // Unchanged summaries are copied as bytes: neither decoded nor parsed nor encoded again.
      const summaries = this.#summariesOut();
      const main = this.#mainLine();
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileAtomic(this.path, Buffer.concat([Buffer.from(this.#manifest + '\n' + main + '\n', 'utf8'), summaries]), { flush: false });
      this.#mainText = main;
      this.#changed.clear();
      this.#crossChanged = false;
      this.#manifestSame = true;
      this.#dirty = false;
      this.#summariesDirty = false;
      this.#summariesBytes = summaries;
      this.#summariesAt = undefined;
      this.#pendingSummaries.clear();
      return true;
    } catch {
      return false;
    }
  }
}
