// The persistent result cache: one JSON file, read once, written atomically (temp file + rename).
// Only settled answers are kept (ok, redirected, broken with a 4xx, redirect errors); transient
// failures (timeouts, network errors, 429, 5xx) and refusals (they depend on options) are re-checked.
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { UrlResult } from './types.js';

const VERSION = 1;

interface CacheFile {
  version: number;
  entries: Record<string, UrlResult>;
}

export class ResultCache {
  private entries = new Map<string, UrlResult>();

  constructor(private readonly file: string, private readonly maxAgeMs: number, private readonly now: () => number = Date.now) {}

  /** Loads the file; a missing, unreadable or foreign file is an empty cache. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return;
    }
    try {
      const data = JSON.parse(text) as Partial<CacheFile>;
      if (data.version !== VERSION || typeof data.entries !== 'object' || data.entries === null) return;
      for (const [url, result] of Object.entries(data.entries)) {
        if (result && typeof result.checkedAt === 'number' && typeof result.status === 'string') this.entries.set(url, result);
      }
    } catch {
      // A corrupt cache is ignored and rewritten.
    }
  }

  /** A fresh entry for the URL, or undefined when missing or older than the maximum age. */
  get(url: string): UrlResult | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    const age = this.now() - entry.checkedAt;
    if (age > this.maxAgeMs || age < -60_000) return undefined;
    return { ...entry, cached: true };
  }

  set(result: UrlResult): void {
    if (!isCacheable(result)) return;
    const { cached: _cached, ...stored } = result;
    this.entries.set(result.url, stored);
  }

  /** Writes fresh entries only (expired ones are dropped), atomically. */
  async save(): Promise<void> {
    const entries: Record<string, UrlResult> = {};
    const now = this.now();
    for (const [url, result] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (now - result.checkedAt <= this.maxAgeMs) entries[url] = result;
    }
    const body = JSON.stringify({ version: VERSION, entries } satisfies CacheFile);
    await mkdir(dirname(this.file), { recursive: true });
    const temp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      await writeFile(temp, body);
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

export function isCacheable(result: UrlResult): boolean {
  switch (result.status) {
    case 'ok':
    case 'redirected':
    case 'redirect-error':
      return true;
    case 'broken':
      return result.httpStatus !== undefined && result.httpStatus >= 400 && result.httpStatus < 500 && result.httpStatus !== 429 && result.httpStatus !== 408;
    default:
      return false;
  }
}
