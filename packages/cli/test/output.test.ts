import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressPrinter } from '../src/output.js';

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
