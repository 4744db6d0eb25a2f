// `--fix --staged`: fixes are computed on the staged content, so they may be written to the working
// file and re-staged only when that file holds exactly the staged bytes. Otherwise the working file
// has changes the author has not staged, and writing the fixed staged text there would destroy them:
// both the file and the index are left untouched and the caller says so.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import { git } from './exec.js';
import { blobId, listIndex } from './index-blobs.js';

/**
 * True when the working file differs from its staged content, byte for byte (edited after
 * `git add`, deleted, or not staged at all). Comparing bytes, not git's filtered view, is deliberate:
 * with autocrlf or other checkout filters the working bytes differ from the blob, and the fix must
 * not rewrite line endings, so such files count as having unstaged changes.
 */
export async function hasUnstagedChanges(repo: string, repoPath: string): Promise<boolean> {
  const [entry] = await listIndex(repo, [repoPath]);
  if (!entry) return true;
  return !(await workingFileMatches(repo, repoPath, entry.oid));
}

async function workingFileMatches(repo: string, repoPath: string, oid: string): Promise<boolean> {
  try {
    const bytes = await readFile(path.join(repo, ...repoPath.split('/')));
    return blobId(bytes, oid.length === 64 ? 'sha256' : 'sha1') === oid;
  } catch {
    return false;
  }
}

/** Stages the working-tree content of `paths` (`git add`, paths taken literally). */
export async function restage(repo: string, repoPaths: readonly string[]): Promise<void> {
  if (repoPaths.length === 0) return;
  await git(repo, ['add', '--', ...repoPaths]);
}

export interface StagedFix {
  /** Repository-relative path. */
  path: string;
  /** The blob id of the staged content that was linted and fixed (from stagedChanges or the index). */
  oid: string;
  /** The fixed text (the whole file). */
  output: string;
}

export type StagedFixOutcome =
  | { path: string; status: 'fixed' }
  | { path: string; status: 'unstaged-changes'; message: string };

/**
 * Writes each fix to its working file and re-stages it, only when the working file is byte-identical
 * to the staged blob that was fixed (`oid`); otherwise leaves file and index as they are and returns
 * `unstaged-changes` with a one-line message. Files are written atomically (temporary file in the same
 * directory, then rename) keeping their mode; all fixed files are re-staged with one `git add`.
 */
export async function applyStagedFixes(repo: string, fixes: readonly StagedFix[]): Promise<StagedFixOutcome[]> {
  const index = new Map((await listIndex(repo, fixes.map((f) => f.path))).map((e) => [e.path, e.oid]));
  const outcomes: StagedFixOutcome[] = [];
  const written: string[] = [];
  for (const fix of fixes) {
    const stagedNow = index.get(fix.path);
    if (stagedNow !== fix.oid || !(await workingFileMatches(repo, fix.path, fix.oid))) {
      outcomes.push({
        path: fix.path,
        status: 'unstaged-changes',
        message: `${fix.path}: not fixed: the file has unstaged changes (stage or stash them, then run again)`,
      });
      continue;
    }
    writeFileAtomic(path.join(repo, ...fix.path.split('/')), fix.output);
    written.push(fix.path);
    outcomes.push({ path: fix.path, status: 'fixed' });
  }
  await restage(repo, written);
  return outcomes;
}
