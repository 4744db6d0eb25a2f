// Writing fixes (`--fix`) and showing them (`--fix-dry-run`).
import { relative } from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import type { LintResult } from '../result.js';
import { toPosix } from '../paths.js';

/** Writes each result's `output` over its file, atomically. Files without output are not touched. Returns the paths written. */
export function writeFixes(results: readonly LintResult[]): string[] {
  const written: string[] = [];
  for (const r of results) {
    if (r.output === undefined) continue;
    writeFileAtomic(r.filePath, r.output);
    written.push(r.filePath);
  }
  return written;
}

/** A unified diff (git style headers `a/` `b/`) of one file's fix, paths relative to cwd. */
export async function fixDiff(filePath: string, original: string, fixed: string, cwd: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const name = toPosix(relative(cwd, filePath));
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, original, fixed, undefined, undefined, { context: 3 });
}
