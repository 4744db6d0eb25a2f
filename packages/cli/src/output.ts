// How commands write: the report to stdout as a stream, and progress to stderr.

/** Chunks are gathered up to this many UTF-16 units before one write: a report of 6,000 files is a few
 * dozen writes instead of 6,000 (each a system call: stdout is synchronous for files, pipes and terminals
 * on Linux). */
const FLUSH_AT = 64 * 1024;

/**
 * Writes chunks to stdout, waiting when the pipe is full, so a huge report never sits in memory.
 * Chunks are batched (FLUSH_AT); `close` writes the rest. A reader that goes away (`selfhelp lint | head`)
 * ends the output quietly.
 */
export function stdoutWriter(): { write(chunk: string): Promise<void>; close(): Promise<void> } {
  let closed = false;
  let pending: string[] = [];
  let pendingLength = 0;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else throw error;
  };
  process.stdout.on('error', onError);
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    if (text === '' || closed) return;
    if (!process.stdout.write(text)) {
      await new Promise<void>((r) => {
        const done = () => {
          process.stdout.off('drain', done);
          process.stdout.off('close', done);
          r();
        };
        process.stdout.once('drain', done);
        process.stdout.once('close', done);
      });
    }
  };
  return {
    async write(chunk) {
      if (chunk === '' || closed) return;
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      process.stdout.off('error', onError);
    },
  };
}

/**
 * Progress on stderr for long runs: nothing in the first second, then at most ten updates a second, each
 * replacing the last (`selfhelp: <label>`); `clear` removes the line before the report is printed.
 */
export function progressPrinter(enabled: boolean, label: (done: number, total: number) => string): { onProgress?: (done: number, total: number) => void; clear(): void } {
  if (!enabled) return { clear() {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    onProgress(done, total) {
      const now = Date.now();
      if (now - started < 1000 || (now - last < 100 && done < total)) return; // only for long runs, at most 10 times a second
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2Kselfhelp: ${label(done, total)}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
