// Everything lint writes (fixed files, cache, report files) goes through here: a temporary file in the
// same directory, then a rename, so a crash or a full disk never leaves a half-written file behind.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes every byte of `chunk` (a write may take fewer bytes than given). */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
}

/**
 * Writes `data` (text, bytes, or pieces of bytes written one after another) to `path` atomically, keeping
 * the existing file's permission bits. The data is flushed to disk (fsync) before the rename unless
 * `flush: false`: for the cache, which a crash can only make unreadable (then it is rebuilt), never wrong,
 * a flush is not worth its cost (about 25 ms for a 6,000-file cache, a tenth of a `--staged` run).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[], options: { flush?: boolean } = {}): void {
  const temp = tempPathFor(path);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      const chunks = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
      for (const chunk of chunks) writeAll(fd, chunk);
      if (options.flush !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** An atomic file written in pieces: appended to a temporary file, renamed over `path` on `commit()`. */
export class AtomicFileStream {
  readonly #path: string;
  readonly #temp: string;
  #fd: number | undefined;
  /** Chunks not written yet: written when they reach 64 Ki UTF-16 units, or on commit (a few dozen system calls for a big report). */
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(path: string) {
    this.#path = path;
    this.#temp = tempPathFor(path);
    this.#fd = openSync(this.#temp, 'wx', 0o666);
  }

  write(chunk: string): void {
    if (this.#fd === undefined || chunk === '') return;
    this.#pending.push(chunk);
    this.#pendingLength += chunk.length;
    if (this.#pendingLength >= 64 * 1024) this.#flush();
  }

  #flush(): void {
    if (this.#fd === undefined || this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingLength = 0;
    writeAll(this.#fd, Buffer.from(text, 'utf8'));
  }

  commit(): void {
    if (this.#fd === undefined) return;
    this.#flush();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#fd = undefined;
    renameSync(this.#temp, this.#path);
  }

  abort(): void {
    this.#pending = [];
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#temp, { force: true });
  }
}
