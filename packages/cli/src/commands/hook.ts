// `selfhelp hook install [--force]` / `selfhelp hook uninstall`: a git pre-commit hook that runs
// `selfhelp lint --staged`, so a commit with a bad article is refused with file, line and rule.
//
// - The hook goes where git runs hooks from: `.git/hooks`, or `core.hooksPath` when set (asked of git
//   with `git rev-parse --git-path hooks`, which also handles worktrees).
// - It runs the project's own `node_modules/.bin/selfhelp` when there is one, else `selfhelp` from
//   PATH; not `npx`, whose start-up alone would eat most of the sub-second budget of a commit.
// - A hook that selfhelp did not write (no marker line) is never overwritten without `--force`, and
//   then it is kept as `pre-commit.selfhelp-backup` and restored by `uninstall`. A refusal exits 1
//   (as the pre-commit framework's "Cowardly refusing"); usage errors and "not inside a git
//   repository" exit 2.
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';

/** The line by which selfhelp recognizes its own hook. */
export const HOOK_MARKER = '# selfhelp:managed-hook';
const BACKUP_SUFFIX = '.selfhelp-backup';

const HELP = `Usage: selfhelp hook install [--force]
       selfhelp hook uninstall

Installs (or removes) a git pre-commit hook that runs \`selfhelp lint --staged\`: a commit whose
staged articles have lint errors is refused. Skip it once with \`git commit --no-verify\`.

Options:
  --force   replace a pre-commit hook that selfhelp did not install (it is kept as
            pre-commit${BACKUP_SUFFIX} and put back by \`selfhelp hook uninstall\`)
  -h, --help

Exit codes: 0 done, 1 refused (a hook that is not selfhelp's is in the way), 2 usage error or not
inside a git repository.
`;

/** The hook script. Git runs hooks from the top of the working tree, with `sh`, on every platform. */
export function hookScript(): string {
  return `#!/bin/sh
${HOOK_MARKER} v1 (written by \`selfhelp hook install\`; \`selfhelp hook uninstall\` removes it)
# Lints the staged content of the staged articles; a commit with lint errors is refused.
# Skip it once with: git commit --no-verify
if [ -x ./node_modules/.bin/selfhelp ]; then
  exec ./node_modules/.bin/selfhelp lint --staged
elif command -v selfhelp >/dev/null 2>&1; then
  exec selfhelp lint --staged
else
  echo "selfhelp pre-commit hook: selfhelp is not installed (install the project's dependencies, or commit with --no-verify)" >&2
  exit 1
fi
`;
}

export interface HookOutcome {
  /** 0 done, 1 refused. */
  exitCode: 0 | 1;
  message: string;
  /** The hook file's absolute path. */
  hookPath: string;
}

function gitLine(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', windowsHide: true }, (error, stdout) => {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT' && existsSync(cwd)) {
        reject(new UsageError('git is not installed or not on PATH'));
        return;
      }
      resolve(error ? undefined : stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout);
    });
  });
}

/** The hook's path and how to name it in messages; a UsageError outside a git working tree. */
async function locateHook(cwd: string): Promise<{ hookPath: string; shown: string; hooksPathConfig: string | undefined }> {
  const root = await gitLine(cwd, ['rev-parse', '--show-toplevel']);
  if (!root) throw new UsageError('not inside a git repository');
  const hooks = await gitLine(root, ['rev-parse', '--git-path', 'hooks']);
  if (!hooks) throw new UsageError('cannot locate the git hooks directory');
  const hookPath = path.resolve(root, hooks, 'pre-commit');
  const relative = path.relative(root, hookPath);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? hookPath : relative.split(path.sep).join('/');
  const hooksPathConfig = await gitLine(root, ['config', '--get', 'core.hooksPath']);
  return { hookPath, shown, hooksPathConfig: hooksPathConfig || undefined };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const isOurs = (content: string) => content.split(/\r?\n/).some((line) => line.startsWith(HOOK_MARKER));

async function writeExecutable(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { encoding: 'utf8', mode: 0o755 });
    await chmod(tmp, 0o755); // the umask may have narrowed the mode given to writeFile
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function installHook(cwd: string, options: { force?: boolean } = {}): Promise<HookOutcome> {
  const { hookPath, shown, hooksPathConfig } = await locateHook(cwd);
  const existing = await readIfExists(hookPath);
  const backup = hookPath + BACKUP_SUFFIX;
  if (existing !== undefined && !isOurs(existing)) {
    if (!options.force) {
      const manager = hooksPathConfig
        ? ` (core.hooksPath is "${hooksPathConfig}": if a hook manager such as husky or lefthook owns it, add \`selfhelp lint --staged\` to its pre-commit hook instead.)`
        : '';
      return {
        exitCode: 1,
        hookPath,
        message:
          `${shown} exists and was not installed by selfhelp; leaving it as it is.${manager} ` +
          `Add \`selfhelp lint --staged\` to it, or run \`selfhelp hook install --force\` to replace it (it is kept as pre-commit${BACKUP_SUFFIX}).`,
      };
    }
    if (existsSync(backup)) {
      return {
        exitCode: 1,
        hookPath,
        message: `${shown}${BACKUP_SUFFIX} already exists from an earlier --force; move it away first, then run again.`,
      };
    }
    await rename(hookPath, backup);
    await writeExecutable(hookPath, hookScript());
    return { exitCode: 0, hookPath, message: `installed the pre-commit hook in ${shown}; the previous hook is kept as ${shown}${BACKUP_SUFFIX}` };
  }
  await writeExecutable(hookPath, hookScript());
  return { exitCode: 0, hookPath, message: `${existing === undefined ? 'installed' : 'updated'} the pre-commit hook in ${shown}` };
}

export async function uninstallHook(cwd: string): Promise<HookOutcome> {
  const { hookPath, shown } = await locateHook(cwd);
  const existing = await readIfExists(hookPath);
  if (existing === undefined) return { exitCode: 0, hookPath, message: `no pre-commit hook installed (${shown})` };
  if (!isOurs(existing)) {
    return { exitCode: 1, hookPath, message: `${shown} was not installed by selfhelp; leaving it as it is` };
  }
  await rm(hookPath);
  const backup = hookPath + BACKUP_SUFFIX;
  if (existsSync(backup)) {
    await rename(backup, hookPath);
    return { exitCode: 0, hookPath, message: `removed the selfhelp pre-commit hook; restored the previous hook from ${shown}${BACKUP_SUFFIX}` };
  }
  return { exitCode: 0, hookPath, message: `removed the selfhelp pre-commit hook (${shown})` };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [action, ...extra] = positionals;
  if (action === undefined) throw new UsageError('missing action: `selfhelp hook install` or `selfhelp hook uninstall`');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let outcome: HookOutcome;
  if (action === 'install') outcome = await installHook(process.cwd(), { force: values.force === true });
  else if (action === 'uninstall') {
    if (values.force) throw new UsageError('--force applies to `selfhelp hook install` only');
    outcome = await uninstallHook(process.cwd());
  } else throw new UsageError(`unknown action "${action}": use \`selfhelp hook install\` or \`selfhelp hook uninstall\``);
  (outcome.exitCode === 0 ? process.stdout : process.stderr).write(`selfhelp: ${outcome.message}\n`);
  return outcome.exitCode;
}
