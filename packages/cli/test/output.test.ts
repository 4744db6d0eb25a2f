import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressPrinter, stdoutWriter } from '../src/output.js';

describe('progressPrinter', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('prints nothing in the first second, then at most ten lines a second, and clears its line', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const progress = progressPrinter(true, (done, total) => `linting ${done}/${total} files`);
    progress.onProgress!(1, 50);
    vi.setSystemTime(1_000_999);
    progress.onProgress!(2, 50);
    expect(written).toEqual([]);
    vi.setSystemTime(1_001_000);
    progress.onProgress!(3, 50);
    vi.setSystemTime(1_001_050);
    progress.onProgress!(4, 50); // within 100 ms of the last line
    vi.setSystemTime(1_001_060);
    progress.onProgress!(50, 50); // the last file is always shown
    progress.clear();
    expect(written).toEqual(['\r\x1b[2Kselfhelp: linting 3/50 files', '\r\x1b[2Kselfhelp: linting 50/50 files', '\r\x1b[2K']);
  });

  it('does nothing when disabled (not a terminal, or --debug)', () => {
    const spy = vi.spyOn(process.stderr, 'write');
    const progress = progressPrinter(false, () => 'x');
    expect(progress.onProgress).toBeUndefined();
    progress.clear();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('stdoutWriter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gathers chunks into writes of at least 64 Ki units and writes the rest on close, in order', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const writer = stdoutWriter();
    const line = (i: number) => `file ${String(i).padStart(5, '0')}: one problem!\n`; // 25 units
    for (let i = 0; i < 2621; i++) await writer.write(line(i)); // 65,525 units
    await writer.write('');
    expect(written).toEqual([]);
    await writer.write(line(2621)); // 65,550: the gathered text goes out in one write
    expect(written).toHaveLength(1);
    expect(written[0]).toBe(Array.from({ length: 2622 }, (_, i) => line(i)).join(''));
    await writer.write('tail\n');
    expect(written).toHaveLength(1);
    await writer.close();
    expect(written).toEqual([written[0], 'tail\n']);
  });

  it('waits for drain when stdout is full, and stops quietly once the reader is gone (EPIPE)', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return false; // full: the writer must wait for 'drain'
    });
    const writer = stdoutWriter();
    let settled = false;
    const big = 'x'.repeat(70_000);
    const pending = writer.write(big).then(() => { settled = true; });
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual([big]);
    expect(settled).toBe(false);
    process.stdout.emit('drain');
    await pending;
    expect(settled).toBe(true);
    process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await writer.write(big);
    await writer.close();
    expect(written).toEqual([big]);
  });
});
