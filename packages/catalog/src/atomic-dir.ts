// Replaces an output directory atomically: every file is written (and flushed) into a temporary
// directory next to it, then the old directory is renamed away, the new one renamed into place
// and the old one removed. A build that fails or is killed before the swap leaves the previous
// directory exactly as it was; leftovers of a killed build are cleaned up by the next one.
import { closeSync, existsSync, fsync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writevSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A user mistake about the output directory (exit 2). */
export class OutputDirError extends Error {
  override name = 'OutputDirError';
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary and old directories left by builds that were killed; restores an old catalog whose swap was cut short. */
function recover(parent: string, base: string, target: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-`);
  for (const name of names.sort()) {
    const m = pattern.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(parent, name);
    if (m[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Writes the chunks to a new file; the open descriptor (to be flushed and closed by the caller)
 * and the number of bytes written. Chunks are gathered into vectored writes, so a Buffer shared by
 * several files is encoded only once.
 */
function writeChunks(path: string, chunks: Iterable<string | Uint8Array>): { fd: number; bytes: number } {
  const fd = openSync(path, 'wx', 0o666);
  let bytes = 0;
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    const flush = (): void => {
      let written = 0;
      while (written < size) {
        // writev may write less than asked: drop what was written and go on.
        let n = writevSync(fd, pending);
        written += n;
        while (n > 0 && pending.length > 0) {
          const first = pending[0]!;
          if (n >= first.length) {
            n -= first.length;
            pending.shift();
          } else {
            pending[0] = first.subarray(n);
            n = 0;
          }
        }
      }
      bytes += size;
      pending = [];
      size = 0;
    };
    for (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (buffer.length === 0) continue;
      pending.push(buffer);
      size += buffer.length;
      if (pending.length >= 1024 || size >= 1 << 23) flush();
    }
    flush();
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { fd, bytes };
}

/** Flushes every descriptor to disk (all at once, so the disk sees one batch of writes) and closes them. */
async function flushAll(fds: readonly number[]): Promise<void> {
  const results = await Promise.allSettled(fds.map((fd) => new Promise<void>((done, fail) => fsync(fd, (error) => (error ? fail(error) : done())))));
  for (const fd of fds) closeSync(fd);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}

/** Checks that `dir` can be replaced: missing, empty, or holding a previous catalog (`marker`). */
export function checkReplaceable(dir: string, marker: string): void {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new OutputDirError(`the output ${dir} exists and is not a directory`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(marker)) {
    throw new OutputDirError(`refusing to replace ${dir}: it is not empty and holds no ${marker} from an earlier build`);
  }
}

export interface WriteDirOptions {
  /** A file that must exist in a non-empty directory before it is replaced (a previous output). */
  marker: string;
  /** Called with the temporary directory once every file is written, before the swap (tests fail a build here). */
  beforeSwap?: (tempDir: string) => void | Promise<void>;
}

/**
 * Writes `files` (relative path with `/` -> its text, whole or in chunks) as the new content of
 * `dir`, atomically. Returns the size in bytes of each file written.
 */
export async function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Iterable<string | Uint8Array>>, options: WriteDirOptions): Promise<Map<string, number>> {
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  mkdirSync(parent, { recursive: true });
  recover(parent, base, target);
  checkReplaceable(target, options.marker);
  // mkdir (not mkdtemp, which makes it 0700): the catalog gets the usual permissions under the umask.
  const temp = join(parent, `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(temp);
  const sizes = new Map<string, number>();
  const fds: number[] = [];
  try {
    try {
      for (const [rel, text] of files) {
        const path = join(temp, ...rel.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        const written = writeChunks(path, typeof text === 'string' ? [text] : text);
        fds.push(written.fd);
        sizes.set(rel, written.bytes);
      }
    } finally {
      // Every file is on disk before the swap (the safe order: flush the files, then rename).
      await flushAll(fds.splice(0));
    }
    await options.beforeSwap?.(temp);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(target)) {
    renameSync(temp, target);
    return sizes;
  }
  const old = join(parent, `.${base}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
  renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  return sizes;
}
