// The CI gate's file list: what a branch changed since it left REF.
import { GitError } from './errors.js';
import { git, runGit, splitNul } from './exec.js';
import { parseRawDiff, type ChangeSet } from './raw-diff.js';
import { hasHead, isShallow, resolveCommit } from './repo.js';

export interface ChangedSince extends ChangeSet {
  /** The merge base of REF and HEAD that the files are compared with. */
  base: string;
}

/**
 * Markdown files changed between `git merge-base REF HEAD` and HEAD: added, modified, renamed (under
 * the new path), copied and type-changed files to lint; deleted files are listed apart (not linted,
 * but their removal must re-run cross-article checks). Only committed changes count: the working tree
 * and the index are ignored, as in CI. Throws GitError (`bad-ref`, `no-commits`, `no-merge-base`) with a
 * one-line message.
 */
export async function changedSince(repo: string, ref: string): Promise<ChangedSince> {
  const refCommit = await resolveCommit(repo, ref);
  if (!(await hasHead(repo))) throw new GitError('no-commits', 'HEAD has no commits yet; nothing to compare with ' + JSON.stringify(ref));
  const mb = await runGit(repo, ['merge-base', refCommit, 'HEAD']);
  const base = mb.stdout.toString('utf8').trim();
  if (mb.status !== 0 || base === '') {
    const hint = (await isShallow(repo))
      ? ' (this is a shallow clone: fetch the history, e.g. `git fetch --unshallow` or actions/checkout with `fetch-depth: 0`)'
      : '';
    throw new GitError('no-merge-base', `no common ancestor between "${ref}" and HEAD${hint}`, mb.stderr);
  }
  const out = await git(repo, [
    'diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', base, 'HEAD', '--',
  ]);
  return { base, ...parseRawDiff(splitNul(out)) };
}
