// The incremental build cache: per source file, the outcome of compiling it, keyed on the file's
// content, the content of every file it includes, and a configuration key (tool version, content
// root, sanitizing schema, catalog schema). Stored as one file written atomically: a header line
// (format, key, checksum of the rest) and the entries as JSON. A file that does not parse, whose
// checksum does not match or whose key differs is ignored as a whole.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CompiledFile } from './compile-article.js';

const FORMAT = 1;

interface Header {
  format: number;
  key: string;
  checksum: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class BuildCache {
  readonly #location: string;
  readonly #key: string;
  #entries: Map<string, CompiledFile>;
  #seen = new Set<string>();
  #dirty = false;
  /** Why the stored cache was not used, when it was not ('missing', 'corrupt', 'stale'). */
  readonly loadProblem: string | undefined;

  private constructor(location: string, key: string, entries: Map<string, CompiledFile>, loadProblem: string | undefined) {
    this.#location = location;
    this.#key = key;
    this.#entries = entries;
    this.loadProblem = loadProblem;
  }

  static load(location: string, key: string): BuildCache {
    let text: string;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      return new BuildCache(location, key, new Map(), 'missing');
    }
    try {
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as Header;
      const body = text.slice(newline + 1);
      if (header.format !== FORMAT || header.key !== key) return new BuildCache(location, key, new Map(), 'stale');
      if (header.checksum !== sha256(body)) return new BuildCache(location, key, new Map(), 'corrupt');
      const entries = JSON.parse(body) as CompiledFile[];
      if (!Array.isArray(entries)) return new BuildCache(location, key, new Map(), 'corrupt');
      return new BuildCache(location, key, new Map(entries.map((e) => [e.path, e])), undefined);
    } catch {
      return new BuildCache(location, key, new Map(), 'corrupt');
    }
  }

  /** The stored outcome for `path` if its content and that of every file it includes are unchanged. */
  lookup(path: string, sourceHash: string, currentHash: (dependency: string) => string | null): CompiledFile | undefined {
    this.#seen.add(path);
    const entry = this.#entries.get(path);
    if (!entry || entry.sourceHash !== sourceHash) return undefined;
    for (const dep of entry.dependencies) if (currentHash(dep.path) !== dep.hash) return undefined;
    return { ...entry, rendered: false };
  }

  store(file: CompiledFile): void {
    this.#seen.add(file.path);
    this.#entries.set(file.path, { ...file, rendered: false });
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
    const entries = [...this.#entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const body = JSON.stringify(entries);
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
