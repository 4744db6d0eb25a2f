// What `git commit` would record: the staged Markdown files, compared with HEAD (or with the empty
// tree in a repository that has no commit yet).
import { GitError } from './errors.js';
import { firstLine, runGit, splitNul } from './exec.js';
import { parseRawDiff, type ChangeSet } from './raw-diff.js';
import { emptyTree, hasHead } from './repo.js';

/**
 * The staged Markdown files of `repo` (its root, from findRepoRoot): added, modified, renamed,
 * copied and type-changed files to lint (with the index blob id of their staged content), and the
 * deleted ones listed apart. From `git diff --cached --raw -z -M`, which is `--name-status -z -M`
 * plus the blob ids, so no second git call is needed to find the staged content.
 */
export async function stagedChanges(repo: string): Promise<ChangeSet> {
  const diff = (base: string) =>
    runGit(repo, ['diff', '--cached', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', base, '--']);
  // Try HEAD first (one process in the usual case); without a commit yet, compare with the empty tree.
  let run = await diff('HEAD');
  if (run.status !== 0 && !(await hasHead(repo))) run = await diff(await emptyTree(repo));
  if (run.status !== 0) throw new GitError('git-failed', `git diff --cached failed: ${firstLine(run.stderr)}`, run.stderr);
  return parseRawDiff(splitNul(run.stdout));
}
