// Locating the repository and the few facts about it that the other git helpers need.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { GitError, NotAGitRepositoryError } from './errors.js';
import { firstLine, git, runGit } from './exec.js';

/** The empty tree's id in SHA-1 repositories: what `--staged` compares the index with before the first commit. */
export const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** The empty tree's id in SHA-256 repositories. */
export const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';

/**
 * The absolute path of the top of the working tree that contains `cwd`, spelled the way `cwd` reaches
 * it (git reports the real path; when cwd goes through a symbolic link, the same link is kept, so the
 * root and the engine's cwd-resolved paths agree). Throws NotAGitRepositoryError outside a working
 * tree, including inside `.git` or a bare repository.
 */
export async function findRepoRoot(cwd: string): Promise<string> {
  const found = plainRepoRoot(cwd);
  if (found !== undefined) return found;
  const run = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (run.status !== 0) {
    // "not a git repository", "this operation must be run in a work tree", a missing cwd, ...
    throw new NotAGitRepositoryError(cwd, run.stderr);
  }
  // The path ends with exactly one "\n" (a directory name may itself end in a newline).
  const out = run.stdout.toString('utf8');
  const top = out.endsWith('\n') ? out.slice(0, -1) : out;
  if (top === '') throw new NotAGitRepositoryError(cwd, run.stderr);
  const real = path.resolve(top);
  try {
    const rel = path.relative(realpathSync(cwd), real);
    return rel === '' ? path.resolve(cwd) : rel.split(path.sep).every((seg) => seg === '..') ? path.resolve(cwd, rel) : real;
  } catch {
    return real;
  }
}

/** Environment that changes how git finds the repository or its work tree: with any of it, git is asked. */
const DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_CONFIG_COUNT'];

function isFileAt(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A config line that moves the work tree, makes the repository bare, or pulls in other config files. */
export function unusualConfigLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  return t.startsWith('worktree') || t.startsWith('[include') || /^bare\s*=\s*(true|yes|on|1)$/.test(t);
}

/** True when no variable changes how git finds the repository or its work tree, and `-c` moves neither. */
export function plainGitEnvironment(): boolean {
  return !DISCOVERY_ENV.some((key) => process.env[key] !== undefined) && !/core\.(worktree|bare)/i.test(process.env.GIT_CONFIG_PARAMETERS ?? '');
}

/**
 * The top of the work tree found without starting git (a process costs more than the rest of this), for
 * the plain case only: walking up from cwd, on one file system, to a `.git` folder owned by this user
 * that holds HEAD and whose config sets neither `core.worktree` nor `core.bare` nor includes other files,
 * with no git discovery variables set and the real cwd inside the real top. Undefined: ask git (worktrees
 * and submodules, whose `.git` is a file, a bare repository on the way up, and every unusual setup).
 */
function plainRepoRoot(cwd: string): string | undefined {
  if (!plainGitEnvironment()) return undefined;
  try {
    const start = path.resolve(cwd);
    if (start.split(path.sep).includes('.git')) return undefined;
    const device = statSync(start).dev;
    for (let dir = start; ; ) {
      if (statSync(dir).dev !== device) return undefined; // git stops at a file system boundary
      if (isFileAt(path.join(dir, 'HEAD'))) return undefined; // a bare repository or a git folder itself: git decides
      let dotGit;
      try {
        dotGit = statSync(path.join(dir, '.git'));
      } catch {
        dotGit = undefined;
      }
      if (dotGit !== undefined) {
        if (!dotGit.isDirectory() || (process.getuid && dotGit.uid !== process.getuid())) return undefined;
        if (!isFileAt(path.join(dir, '.git', 'HEAD'))) return undefined;
        const config = readFileSync(path.join(dir, '.git', 'config'), 'utf8');
        if (config.split('\n').some(unusualConfigLine)) return undefined;
        const real = realpathSync(dir);
        const realCwd = realpathSync(start);
        return realCwd === real || realCwd.startsWith(real.endsWith(path.sep) ? real : real + path.sep) ? dir : undefined;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined; // a missing cwd, an unreadable folder: git says what is wrong
  }
}

/** True when HEAD names a commit (false in a repository with no commits yet). */
export async function hasHead(repo: string): Promise<boolean> {
  const run = await runGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return run.status === 0;
}

/** `sha1` or `sha256`: decides how blob ids are computed and which empty tree to use. */
export async function objectFormat(repo: string): Promise<'sha1' | 'sha256'> {
  const run = await runGit(repo, ['rev-parse', '--show-object-format']);
  // git before 2.29 does not know the option: those are always SHA-1.
  return run.status === 0 && run.stdout.toString('utf8').trim() === 'sha256' ? 'sha256' : 'sha1';
}

/** The id of the empty tree for this repository's hash. */
export async function emptyTree(repo: string): Promise<string> {
  return (await objectFormat(repo)) === 'sha256' ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1;
}

/**
 * Resolves `ref` to a commit id. A ref that does not exist, is not a commit, or looks like an option
 * throws a GitError (`bad-ref`) with a one-line message naming it.
 */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) {
    throw new GitError('bad-ref', `not a valid git revision: "${ref}"`);
  }
  const run = await runGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const sha = run.stdout.toString('utf8').trim();
  if (run.status !== 0 || sha === '') {
    throw new GitError('bad-ref', `unknown git revision "${ref}" (not a branch, tag or commit in this repository)`, run.stderr);
  }
  return sha;
}

/**
 * The directory git runs hooks from: `.git/hooks`, or `core.hooksPath` when set (as git itself
 * resolves it, via `git rev-parse --git-path hooks`), as an absolute path.
 */
export async function hooksDir(cwd: string): Promise<string> {
  const root = await findRepoRoot(cwd);
  const run = await runGit(root, ['rev-parse', '--git-path', 'hooks']);
  if (run.status !== 0) throw new GitError('git-failed', `cannot locate the hooks directory: ${firstLine(run.stderr)}`, run.stderr);
  const out = run.stdout.toString('utf8');
  return path.resolve(root, out.endsWith('\n') ? out.slice(0, -1) : out);
}

/** True for a shallow clone (CI checkouts with `fetch-depth: 1`), where merge bases may be missing. */
export async function isShallow(repo: string): Promise<boolean> {
  const out = await git(repo, ['rev-parse', '--is-shallow-repository']).catch(() => Buffer.from('false'));
  return out.toString('utf8').trim() === 'true';
}
