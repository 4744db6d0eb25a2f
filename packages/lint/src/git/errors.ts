// Typed errors of the git layer. All of them are the user's situation (wrong directory, bad ref,
// git missing), not bugs: the CLI prints `selfhelp: <message>` on one line and exits 2.

export type GitErrorCode =
  | 'not-a-repository'
  | 'git-not-found'
  | 'bad-ref'
  | 'no-commits'
  | 'no-merge-base'
  | 'git-failed';

export class GitError extends Error {
  override name = 'GitError';
  /** Marks errors the CLI reports as a one-line usage problem (exit 2), without a stack trace. */
  readonly userError = true;
  constructor(
    readonly code: GitErrorCode,
    message: string,
    /** git's own stderr, for `--debug`. */
    readonly stderr = '',
  ) {
    super(message);
  }
}

/** `cwd` is not inside a git working tree (or is inside `.git` / a bare repository). */
export class NotAGitRepositoryError extends GitError {
  override name = 'NotAGitRepositoryError';
  constructor(readonly cwd: string, stderr = '') {
    super('not-a-repository', 'not inside a git repository', stderr);
  }
}
