// The incremental build cache: per source file, the outcome of compiling it, keyed on the file's
// content, the content of every file it includes, and a configuration key (tool version, content
// root, sanitizing schema, catalog schema). Stored as one file written atomically: a header line
// (format, key, SHA-256 of the rest), then one line per file: `path TAB meta TAB entry`, where
// `entry` is the article's serialized catalog entry exactly as the catalogs hold it (so a cached
// article is neither re-serialized for the output nor for the next save). A file that does not
// parse, whose checksum does not match or whose key differs is ignored as a whole.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Stats } from 'node:fs';
import type { CompiledFile } from './compile-article.js';
import type { CatalogArticle } from './types.js';

const FORMAT = 3;

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

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One cache line. JSON text never holds a raw tab or newline, so they separate the fields safely. */
function lineOf(file: CompiledFile, stat: FileStat | undefined): string {
  const { outcome, path, sourceHash, dependencies, idAt } = file;
  const meta = { path, sourceHash, dependencies, idAt, stat, outcome: outcome.status === 'ok' ? { status: 'ok' } : outcome };
  return `${file.path}\t${JSON.stringify(meta)}\t${outcome.status === 'ok' ? outcome.json : ''}\n`;
}

function fromLine(line: string): { file: CompiledFile; stat: FileStat | undefined } {
  const tab1 = line.indexOf('\t');
  const tab2 = line.indexOf('\t', tab1 + 1);
  if (tab1 < 0 || tab2 < 0) throw new Error('malformed cache line');
  const { stat, ...meta } = JSON.parse(line.slice(tab1 + 1, tab2)) as CompiledFile & { stat?: FileStat };
  if (meta.path !== line.slice(0, tab1)) throw new Error('malformed cache line');
  if (meta.outcome.status === 'ok') {
    const json = line.slice(tab2 + 1);
    meta.outcome = { status: 'ok', entry: JSON.parse(json) as CatalogArticle, json };
  }
  return { file: { ...meta, rendered: false }, stat };
}

/** path -> its line (without the newline) and, once read or stored, the outcome and the file's stat. */
type Stored = Map<string, { line: string; file?: CompiledFile; stat?: FileStat | undefined }>;

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
    let text: string;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      return empty('missing');
    }
    try {
      const newline = text.indexOf('\n');
      if (newline < 0) return empty('corrupt');
      const header = JSON.parse(text.slice(0, newline)) as Header;
      const body = text.slice(newline + 1);
      if (header.format !== FORMAT || header.key !== key) return empty('stale');
      if (header.checksum !== sha256(body)) return empty('corrupt');
      const entries: Stored = new Map();
      for (const line of body.split('\n')) {
        if (line === '') continue;
        entries.set(line.slice(0, line.indexOf('\t')), { line });
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
        ({ file: stored.file, stat: stored.stat } = fromLine(stored.line));
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
      stored.line = lineOf(file, stat).slice(0, -1);
      this.#dirty = true;
    }
    return file;
  }

  store(file: CompiledFile, stat?: FileStat): void {
    this.#seen.add(file.path);
    this.#entries.set(file.path, { line: lineOf(file, stat).slice(0, -1), file: { ...file, rendered: false }, stat });
    this.#dirty = true;
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
    const body = paths.map((p) => `${this.#entries.get(p)!.line}\n`).join('');
    const header: Header = { format: FORMAT, key: this.#key, checksum: sha256(body) };
    mkdirSync(dirname(this.#location), { recursive: true });
    const temp = join(dirname(this.#location), `.${basename(this.#location)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx', 0o666);
      try {
        writeSync(fd, `${JSON.stringify(header)}\n`);
        writeSync(fd, body);
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
