// Runs git without a shell (arguments are passed as an array, so file names are never
// interpreted), with output as raw bytes: every listing we parse is `-z` NUL-separated, so
// names with spaces, newlines, quotes or non-ASCII characters come through unchanged.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GitError } from './errors.js';

export interface GitRun {
  stdout: Buffer;
  stderr: string;
  /** Exit status (0 on success). */
  status: number;
}

/**
 * The environment of our git processes: the caller's (a pre-commit hook's GIT_INDEX_FILE must be
 * honoured: `git commit -a` and `git commit <paths>` stage into a temporary index), plus
 * literal pathspecs (a file named `*.md` or `:x` is a name, not a pattern) and no optional locks
 * (read-only commands do not rewrite the index behind an editor's back).
 */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0' };
}

/** Runs `git args` in `cwd`; resolves with the exit status instead of rejecting on a non-zero exit. */
export function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=off', ...args],
      { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: 1 << 30, windowsHide: true },
      (error, stdout, stderr) => {
        // execFile's error: `code` is the exit status (number), or an errno string when git did not start.
        const err = error as { code?: number | string } | null;
        if (err && err.code === 'ENOENT') {
          // Either git is missing or `cwd` is: spawning fails the same way for both.
          if (!existsSync(cwd)) resolve({ stdout: Buffer.alloc(0), stderr: `fatal: cannot change to '${cwd}': No such file or directory`, status: 128 });
          else reject(new GitError('git-not-found', 'git is not installed or not on PATH'));
          return;
        }
        const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ stdout, stderr: stderr.toString('utf8'), status });
      },
    );
  });
}

/** Runs git and returns stdout; a non-zero exit becomes a GitError carrying git's first stderr line. */
export async function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  const run = await runGit(cwd, args);
  if (run.status !== 0) {
    const line = firstLine(run.stderr) || `exit status ${run.status}`;
    throw new GitError('git-failed', `git ${args[0] ?? ''} failed: ${line}`, run.stderr);
  }
  return run.stdout;
}

export function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

/** Splits `-z` output into its NUL-terminated fields (the trailing empty field is dropped). */
export function splitNul(stdout: Buffer): string[] {
  const fields = stdout.toString('utf8').split('\0');
  if (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

export { gitEnv };
