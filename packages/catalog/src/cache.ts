// The incremental build cache: per source file, the outcome of compiling it, keyed on the file's
// content, the content of every file it includes, and a configuration key (tool version, content
// root, sanitizing schema, catalog schema). Stored as one file written atomically: a header line
// (format, key, SHA-256 of the rest), then one line per file: `path TAB meta TAB entry`, where
// `entry` is the article's serialized catalog entry exactly as the catalogs hold it (so a cached
// article is neither re-serialized for the output nor for the next save). A file that does not
// parse, whose checksum does not match or whose key differs is ignored as a whole.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CompiledFile } from './compile-article.js';
import type { CatalogArticle } from './types.js';

const FORMAT = 2;

interface Header {
  format: number;
  key: string;
  checksum: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One cache line. JSON text never holds a raw tab or newline, so they separate the fields safely. */
function lineOf(file: CompiledFile): string {
  const { outcome, path, sourceHash, dependencies, idAt } = file;
  const meta = { path, sourceHash, dependencies, idAt, outcome: outcome.status === 'ok' ? { status: 'ok' } : outcome };
  return `${file.path}\t${JSON.stringify(meta)}\t${outcome.status === 'ok' ? outcome.json : ''}\n`;
}

function fromLine(line: string): CompiledFile {
  const tab1 = line.indexOf('\t');
  const tab2 = line.indexOf('\t', tab1 + 1);
  if (tab1 < 0 || tab2 < 0) throw new Error('malformed cache line');
  const meta = JSON.parse(line.slice(tab1 + 1, tab2)) as CompiledFile;
  if (meta.path !== line.slice(0, tab1)) throw new Error('malformed cache line');
  if (meta.outcome.status === 'ok') {
    const json = line.slice(tab2 + 1);
    meta.outcome = { status: 'ok', entry: JSON.parse(json) as CatalogArticle, json };
  }
  return { ...meta, rendered: false };
}

/** path -> its line (without the newline) and, once read or stored, the outcome. */
type Stored = Map<string, { line: string; file?: CompiledFile }>;

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

  /** The stored outcome for `path` if its content and that of every file it includes are unchanged. */
  lookup(path: string, sourceHash: string, currentHash: (dependency: string) => string | null): CompiledFile | undefined {
    this.#seen.add(path);
    const stored = this.#entries.get(path);
    if (!stored) return undefined;
    try {
      stored.file ??= fromLine(stored.line);
    } catch {
      this.#entries.delete(path);
      this.#dirty = true;
      return undefined;
    }
    const file = stored.file;
    if (file.sourceHash !== sourceHash) return undefined;
    for (const dep of file.dependencies) if (currentHash(dep.path) !== dep.hash) return undefined;
    return file;
  }

  store(file: CompiledFile): void {
    this.#seen.add(file.path);
    this.#entries.set(file.path, { line: lineOf(file).slice(0, -1), file: { ...file, rendered: false } });
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
        fsyncSync(fd);
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
