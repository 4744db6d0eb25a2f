// One long-lived `git cat-file --batch` process: blob ids in on stdin, contents out on stdout, in
// order. Reading N blobs costs one process instead of N. Ids (never paths) go in, so file names
// with newlines cannot break the line protocol.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from './errors.js';
import { gitEnv } from './exec.js';

interface Pending {
  oid: string;
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

export class CatFileBatch {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received while a large answer is incomplete, joined once it is whole (no quadratic copying). */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** Bytes the answer at the head of the queue needs, once its header has been read. */
  private needed = 0;
  private stderr = '';
  private failed: Error | undefined;

  constructor(private readonly repo: string) {}

  /** The raw bytes of the object `oid`, or undefined when the repository does not have it. */
  read(oid: string): Promise<Buffer | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid)) return Promise.reject(new GitError('git-failed', `not an object id: ${oid}`));
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, resolve, reject });
      this.setActive(true);
      child.stdin.write(oid + '\n');
    });
  }

  /** Ends the process (pending reads still complete). */
  close(): void {
    if (this.child && !this.child.stdin.writableEnded) this.child.stdin.end();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo, env: gitEnv(), windowsHide: true });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.chunkBytes += chunk.length;
      if (this.buffer.length + this.chunkBytes < this.needed) return;
      this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
      this.chunks = [];
      this.chunkBytes = 0;
      this.drain();
    });
    child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(error.code === 'ENOENT' ? new GitError('git-not-found', 'git is not installed or not on PATH') : error);
    });
    child.on('close', (code) => {
      if (this.queue.length > 0) this.fail(new GitError('git-failed', `git cat-file exited (${code}) before answering: ${this.stderr.trim()}`, this.stderr));
      this.child = undefined;
    });
    child.stdin.on('error', () => { /* reported through 'close' */ });
    return child;
  }

  /** Parses complete answers: `<oid> <type> <size>\n<content>\n` or `<name> missing\n`. */
  private drain(): void {
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.answered();
        head.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      if (!Number.isSafeInteger(size)) { this.fail(new GitError('git-failed', `unexpected git cat-file output: ${header}`)); return; }
      const end = nl + 1 + size;
      if (this.buffer.length < end + 1) { this.needed = end + 1; return; } // content and its "\n" not all here yet
      // Copy: `subarray` would pin the whole read buffer for as long as the content lives.
      const content = Buffer.from(this.buffer.subarray(nl + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.answered();
      head.resolve(content);
    }
  }

  private answered(): void {
    this.needed = 0;
    this.queue.shift();
    if (this.queue.length === 0) this.setActive(false);
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  /** An idle process must not keep Node alive: unreference it between reads. */
  private setActive(active: boolean): void {
    const child = this.child;
    if (!child) return;
    // The pipes are sockets at run time; `Writable`'s type just does not say so.
    const handles = [child, child.stdout, child.stderr, child.stdin] as unknown as { ref?(): void; unref?(): void }[];
    for (const h of handles) (active ? h.ref : h.unref)?.call(h);
  }
}
