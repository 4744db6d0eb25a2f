// The incremental build cache: per source file, the outcome of compiling it, keyed on the file's
// content, the content of every file it includes, and a configuration key (tool version, content
// root, sanitizing schema, catalog schema). Stored as one file written atomically: a header line
// (format, key, SHA-256 of the rest), then one line per file: `path TAB meta TAB entry`, where
// `entry` is the article's serialized catalog entry exactly as the catalogs hold it (so a cached
// article is neither re-serialized for the output nor for the next save). A file that does not
// parse, whose checksum does not match or whose key differs is ignored as a whole.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Stats } from 'node:fs';
import type { CompiledFile } from './compile-article.js';
import type { CatalogArticle } from './types.js';

const FORMAT = 4;

/**
 * What `stat` says about a source file: when all of it is unchanged, the file is taken to be
 * unchanged and is not read again (like Git's index and ESLint's `--cache-strategy metadata`, plus
 * the change time and inode, which restoring the modification time or replacing the file changes).
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function fileStat(stats: Stats): FileStat {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

interface Header {
  format: number;
  key: string;
  checksum: string;
}

/** Writes every part, in vectored writes of at most 1,024 parts (writev may write less than asked). */
function writeAll(fd: number, parts: Buffer[]): void {
  for (let i = 0; i < parts.length; i += 1024) {
    let batch = parts.slice(i, i + 1024);
    let left = batch.reduce((n, b) => n + b.length, 0);
    while (left > 0) {
      let n = writevSync(fd, batch);
      left -= n;
      while (n > 0 && batch.length > 0) {
        const first = batch[0]!;
        if (n >= first.length) {
          n -= first.length;
          batch = batch.slice(1);
        } else {
          batch[0] = first.subarray(n);
          n = 0;
        }
      }
    }
  }
}

/** The fields of an entry the cross-article steps read (ids, indexes, clouds): kept in the line's metadata. */
const SUMMARY_KEYS = ['id', 'selfHelpType', 'diagnosticScenario', 'clouds', 'supportTopicIds', 'productPesIds'] as const;
type Summary = Pick<CatalogArticle, (typeof SUMMARY_KEYS)[number]>;

/**
 * A cached entry: the summary fields at hand (own properties), the rest parsed from the stored
 * JSON only when read (getters on the prototype; a build that takes an article from the cache
 * writes its stored bytes and never reads them). `toJSON` gives the whole entry.
 */
class LazyEntry {
  #json: () => string;
  #full: CatalogArticle | undefined;
  constructor(summary: Summary, json: () => string) {
    Object.assign(this, summary);
    this.#json = json;
  }
  toJSON(): CatalogArticle {
    return (this.#full ??= JSON.parse(this.#json()) as CatalogArticle);
  }
}
for (const key of ['source', 'kind', 'title', 'pageTitle', 'description', 'metadata', 'issueDescription', 'body', 'html', 'sections', 'links', 'includes', 'hash'] as const) {
  Object.defineProperty(LazyEntry.prototype, key, {
    enumerable: true,
    get(this: LazyEntry) {
      return this.toJSON()[key];
    },
  });
}

function lazyEntry(summary: Summary, json: () => string): CatalogArticle {
  return new LazyEntry(summary, json) as unknown as CatalogArticle;
}

/** The head of a cache line (path and metadata, up to the entry's JSON). JSON text never holds a raw tab or newline, so they separate the fields safely. */
function headOf(file: CompiledFile, stat: FileStat | undefined): Buffer {
  const { outcome, path, sourceHash, dependencies, idAt } = file;
  const summary = outcome.status === 'ok' ? Object.fromEntries(SUMMARY_KEYS.map((k) => [k, outcome.entry[k]])) : undefined;
  const meta = { path, sourceHash, dependencies, idAt, stat, outcome: outcome.status === 'ok' ? { status: 'ok', summary } : outcome };
  return Buffer.from(`${file.path}\t${JSON.stringify(meta)}\t`, 'utf8');
}

const NEWLINE = Buffer.from('\n');

function fromLine(line: Buffer): { file: CompiledFile; stat: FileStat | undefined; head: Buffer; bytes: Buffer | undefined } {
  const tab1 = line.indexOf(9);
  const tab2 = line.indexOf(9, tab1 + 1);
  if (tab1 < 0 || tab2 < 0) throw new Error('malformed cache line');
  const { stat, ...meta } = JSON.parse(line.toString('utf8', tab1 + 1, tab2)) as CompiledFile & { stat?: FileStat };
  if (meta.path !== line.toString('utf8', 0, tab1)) throw new Error('malformed cache line');
  let bytes: Buffer | undefined;
  if (meta.outcome.status === 'ok') {
    const summary = (meta.outcome as unknown as { summary?: Summary }).summary;
    if (!summary || typeof summary.id !== 'string' || !Array.isArray(summary.clouds)) throw new Error('malformed cache line');
    const entryBytes = line.subarray(tab2 + 1);
    bytes = entryBytes;
    let json: string | undefined;
    const text = (): string => (json ??= entryBytes.toString('utf8'));
    const entry = lazyEntry(summary, text);
    meta.outcome = {
      status: 'ok',
      entry,
      get json(): string {
        return text();
      },
    };
  }
  return { file: { ...meta, rendered: false }, stat, head: line.subarray(0, tab2 + 1), bytes };
}

/**
 * path -> its line as stored (head: path and metadata; bytes: the entry's UTF-8 JSON, for `ok`
 * outcomes) and, once read or stored, the outcome and the file's stat. The line's parts are kept
 * as bytes, so an entry read from the cache is written to the catalogs and to the next cache
 * without being decoded or encoded.
 */
type Stored = Map<string, { line?: Buffer; head?: Buffer; bytes?: Buffer | undefined; file?: CompiledFile; stat?: FileStat | undefined }>;

export class BuildCache {
  readonly #location: string;
  readonly #key: string;
  #entries: Stored;
  #seen = new Set<string>();
  #dirty = false;
  /** Why the stored cache was not used, when it was not ('missing', 'corrupt', 'stale'). */
  readonly loadProblem: string | undefined;

  private constructor(location: string, key: string, entries: Stored, loadProblem: string | undefined) {
    this.#location = location;
    this.#key = key;
    this.#entries = entries;
    this.loadProblem = loadProblem;
  }

  static load(location: string, key: string): BuildCache {
    const empty = (problem: string): BuildCache => new BuildCache(location, key, new Map(), problem);
    let data: Buffer;
    try {
      data = readFileSync(location);
    } catch {
      return empty('missing');
    }
    try {
      const newline = data.indexOf(10);
      if (newline < 0) return empty('corrupt');
      const header = JSON.parse(data.toString('utf8', 0, newline)) as Header;
      const body = data.subarray(newline + 1);
      if (header.format !== FORMAT || header.key !== key) return empty('stale');
      if (header.checksum !== createHash('sha256').update(body).digest('hex')) return empty('corrupt');
      const entries: Stored = new Map();
      for (let start = 0; start < body.length; ) {
        let end = body.indexOf(10, start);
        if (end < 0) end = body.length;
        if (end > start) {
          const line = body.subarray(start, end);
          entries.set(line.toString('utf8', 0, line.indexOf(9)), { line });
        }
        start = end + 1;
      }
      return new BuildCache(location, key, entries, undefined);
    } catch {
      return empty('corrupt');
    }
  }

  /**
   * The stored outcome for `path` if its content and that of every file it includes are unchanged.
   * With `sourceHash` undefined, the content is taken to be unchanged when the file's stat is the
   * one stored with the outcome (and `undefined` is returned when it is not: read and hash it, and
   * look it up again). `stat`, when given, is what to store for the next build (undefined: store none).
   */
  lookup(path: string, sourceHash: string | undefined, stat: FileStat | undefined, currentHash: (dependency: string) => string | null): CompiledFile | undefined {
    this.#seen.add(path);
    const stored = this.#entries.get(path);
    if (!stored) return undefined;
    if (stored.file === undefined) {
      try {
        ({ file: stored.file, stat: stored.stat, head: stored.head, bytes: stored.bytes } = fromLine(stored.line!));
        delete stored.line;
      } catch {
        this.#entries.delete(path);
        this.#dirty = true;
        return undefined;
      }
    }
    const file = stored.file;
    if (sourceHash === undefined ? !sameStat(stored.stat, stat) : file.sourceHash !== sourceHash) return undefined;
    for (const dep of file.dependencies) if (currentHash(dep.path) !== dep.hash) return undefined;
    if (sourceHash !== undefined && !sameStat(stored.stat, stat) && (stored.stat !== undefined || stat !== undefined)) {
      // Same content under a new stat (touched, copied): remember the new one.
      stored.stat = stat;
      stored.head = headOf(file, stat);
      this.#dirty = true;
    }
    return file;
  }

  store(file: CompiledFile, stat?: FileStat): void {
    this.#seen.add(file.path);
    const bytes = file.outcome.status === 'ok' ? Buffer.from(file.outcome.json, 'utf8') : undefined;
    this.#entries.set(file.path, { head: headOf(file, stat), bytes, file: { ...file, rendered: false }, stat });
    this.#dirty = true;
  }

  /** The UTF-8 JSON of the entry stored for `path` (looked up or stored in this build), shared with the catalogs. */
  bytesOf(path: string): Buffer | undefined {
    return this.#entries.get(path)?.bytes;
  }

  /** Writes the cache (entries of files not seen in this build are dropped) if anything changed. */
  save(): void {
    for (const path of this.#entries.keys()) {
      if (!this.#seen.has(path)) {
        this.#entries.delete(path);
        this.#dirty = true;
      }
    }
    if (!this.#dirty) return;
    const paths = [...this.#entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const parts: Buffer[] = [];
    const checksum = createHash('sha256');
    for (const path of paths) {
      const stored = this.#entries.get(path)!;
      const lineParts = stored.line ? [stored.line, NEWLINE] : stored.bytes ? [stored.head!, stored.bytes, NEWLINE] : [stored.head!, NEWLINE];
      for (const part of lineParts) {
        checksum.update(part);
        parts.push(part);
      }
    }
    const header: Header = { format: FORMAT, key: this.#key, checksum: checksum.digest('hex') };
    parts.unshift(Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'));
    mkdirSync(dirname(this.#location), { recursive: true });
    const temp = join(dirname(this.#location), `.${basename(this.#location)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx', 0o666);
      try {
        writeAll(fd, parts);
        // Not flushed with fsync: a cache cut short by a crash fails its checksum and is rebuilt,
        // so durability would buy nothing but the wait.
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.#location);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.#dirty = false;
  }
}
