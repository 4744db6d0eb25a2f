// What the git tests share: git without the caller's environment and configuration, and new repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Clears the GIT_* variables and keeps the system's and the user's git configuration out: call at a test file's top. */
export function isolateGit(): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key];
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = path.join(tmpdir(), 'selfhelp-test-no-global-gitconfig');
}

/** `git init` in `dir` (with `initArgs`), with an author and no commit signing. */
export function initRepo(dir: string, ...initArgs: string[]): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', ...initArgs);
  git('config', 'user.name', 'Test Author');
  git('config', 'user.email', 'author@example.com');
  git('config', 'commit.gpgsign', 'false');
}

/** git (its stdout), `write` (folders made as needed) and `abs` in the repository `dir()` names: the test's current one. */
export function repoTools(dir: () => string): { git(...args: string[]): string; write(file: string, text: string): void; abs(file: string): string } {
  return {
    git: (...args) => execFileSync('git', args, { cwd: dir(), encoding: 'utf8' }),
    write: (file, text) => {
      mkdirSync(path.dirname(path.join(dir(), file)), { recursive: true });
      writeFileSync(path.join(dir(), file), text);
    },
    abs: (file) => path.join(dir(), file),
  };
}
