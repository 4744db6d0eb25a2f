import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOOK_MARKER, hookScript, installHook, uninstallHook } from '../src/commands/hook.js';
import { main } from '../src/main.js';

for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key];
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CONFIG_GLOBAL = path.join(tmpdir(), 'selfhelp-test-no-global-gitconfig');

let dir: string;
let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const hookFile = () => path.join(repo, '.git', 'hooks', 'pre-commit');
const FOREIGN = '#!/bin/sh\necho "my own hook"\n';

beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'selfhelp-hook-')));
  repo = path.join(dir, 'repo');
  mkdirSync(path.join(repo, 'articles'), { recursive: true });
  git('init', '-q');
  git('config', 'user.name', 'Test Author');
  git('config', 'user.email', 'author@example.com');
  git('config', 'commit.gpgsign', 'false');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI's main() in `cwd`, capturing what it prints. */
async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(before);
    o.mockRestore();
    e.mockRestore();
  }
}

describe('selfhelp hook install', () => {
  it('writes an executable pre-commit hook with the marker, from a subdirectory too', async () => {
    const result = await cli(path.join(repo, 'articles'), 'hook', 'install');
    expect(result).toEqual({ code: 0, stdout: 'selfhelp: installed the pre-commit hook in .git/hooks/pre-commit\n', stderr: '' });
    const text = readFileSync(hookFile(), 'utf8');
    expect(text).toBe(hookScript());
    expect(text.startsWith('#!/bin/sh\n' + HOOK_MARKER + ' v1')).toBe(true);
    expect(statSync(hookFile()).mode & 0o777).toBe(0o755);
    // Running it again updates our own hook in place.
    expect(await cli(repo, 'hook', 'install')).toMatchObject({ code: 0, stdout: 'selfhelp: updated the pre-commit hook in .git/hooks/pre-commit\n' });
  });

  it('refuses to overwrite a foreign hook (exit 1), replaces it with --force keeping a backup', async () => {
    mkdirSync(path.dirname(hookFile()), { recursive: true });
    writeFileSync(hookFile(), FOREIGN, { mode: 0o755 });
    const refused = await cli(repo, 'hook', 'install');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'selfhelp: .git/hooks/pre-commit exists and was not installed by selfhelp; leaving it as it is. ' +
        'Add `selfhelp lint --staged` to it, or run `selfhelp hook install --force` to replace it (it is kept as pre-commit.selfhelp-backup).\n',
    );
    expect(readFileSync(hookFile(), 'utf8')).toBe(FOREIGN);

    const forced = await cli(repo, 'hook', 'install', '--force');
    expect(forced).toEqual({
      code: 0,
      stdout: 'selfhelp: installed the pre-commit hook in .git/hooks/pre-commit; the previous hook is kept as .git/hooks/pre-commit.selfhelp-backup\n',
      stderr: '',
    });
    expect(readFileSync(hookFile(), 'utf8')).toBe(hookScript());
    expect(readFileSync(hookFile() + '.selfhelp-backup', 'utf8')).toBe(FOREIGN);

    // Uninstall puts the foreign hook back.
    const removed = await cli(repo, 'hook', 'uninstall');
    expect(removed.stdout).toBe('selfhelp: removed the selfhelp pre-commit hook; restored the previous hook from .git/hooks/pre-commit.selfhelp-backup\n');
    expect(readFileSync(hookFile(), 'utf8')).toBe(FOREIGN);
    expect(existsSync(hookFile() + '.selfhelp-backup')).toBe(false);
  });

  it('does not clobber an earlier backup', async () => {
    mkdirSync(path.dirname(hookFile()), { recursive: true });
    writeFileSync(hookFile(), FOREIGN);
    writeFileSync(hookFile() + '.selfhelp-backup', 'older backup\n');
    const outcome = await installHook(repo, { force: true });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toBe('.git/hooks/pre-commit.selfhelp-backup already exists from an earlier --force; move it away first, then run again.');
    expect(readFileSync(hookFile(), 'utf8')).toBe(FOREIGN);
    expect(readFileSync(hookFile() + '.selfhelp-backup', 'utf8')).toBe('older backup\n');
  });

  it('follows core.hooksPath and names it when a hook manager owns the hook', async () => {
    git('config', 'core.hooksPath', '.husky/_');
    const outcome = await installHook(repo);
    expect(outcome).toEqual({ exitCode: 0, hookPath: path.join(repo, '.husky', '_', 'pre-commit'), message: 'installed the pre-commit hook in .husky/_/pre-commit' });
    writeFileSync(outcome.hookPath, FOREIGN);
    const refused = await installHook(repo);
    expect(refused.exitCode).toBe(1);
    expect(refused.message).toContain('(core.hooksPath is ".husky/_": if a hook manager such as husky or lefthook owns it, add `selfhelp lint --staged` to its pre-commit hook instead.)');
  });
});

describe('selfhelp hook uninstall', () => {
  it('removes only our hook', async () => {
    expect(await uninstallHook(repo)).toMatchObject({ exitCode: 0, message: 'no pre-commit hook installed (.git/hooks/pre-commit)' });
    await installHook(repo);
    expect(await uninstallHook(repo)).toMatchObject({ exitCode: 0, message: 'removed the selfhelp pre-commit hook (.git/hooks/pre-commit)' });
    expect(existsSync(hookFile())).toBe(false);
    writeFileSync(hookFile(), FOREIGN);
    const result = await cli(repo, 'hook', 'uninstall');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'selfhelp: .git/hooks/pre-commit was not installed by selfhelp; leaving it as it is\n' });
    expect(readFileSync(hookFile(), 'utf8')).toBe(FOREIGN);
  });
});

describe('usage', () => {
  it('gives a clear error and exit 2 outside a git repository', async () => {
    const outside = path.join(dir, 'not-a-repo');
    mkdirSync(outside);
    expect(await cli(outside, 'hook', 'install')).toEqual({ code: 2, stdout: '', stderr: 'selfhelp: not inside a git repository\n' });
    expect(await cli(outside, 'hook', 'uninstall')).toEqual({ code: 2, stdout: '', stderr: 'selfhelp: not inside a git repository\n' });
  });

  it('rejects a missing or unknown action and unknown flags with exit 2', async () => {
    expect(await cli(repo, 'hook')).toMatchObject({ code: 2, stderr: 'selfhelp: missing action: `selfhelp hook install` or `selfhelp hook uninstall`\n' });
    expect(await cli(repo, 'hook', 'remove')).toMatchObject({ code: 2, stderr: 'selfhelp: unknown action "remove": use `selfhelp hook install` or `selfhelp hook uninstall`\n' });
    expect((await cli(repo, 'hook', 'install', '--nope')).code).toBe(2);
    expect((await cli(repo, 'hook', 'uninstall', '--force')).code).toBe(2);
    expect(existsSync(hookFile())).toBe(false);
    const help = await cli(repo, 'hook', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: selfhelp hook install \[--force\]/);
  });
});

describe('the installed hook', () => {
  /** A stand-in `selfhelp` in the project's node_modules/.bin: records its arguments, fails on a staged "bad" file. */
  function fakeSelfhelp(): void {
    const bin = path.join(repo, 'node_modules', '.bin', 'selfhelp');
    mkdirSync(path.dirname(bin), { recursive: true });
    writeFileSync(
      bin,
      '#!/bin/sh\necho "$@" > "$(git rev-parse --git-dir)/selfhelp-args"\n' +
        'if git diff --cached --name-only | grep -q bad; then echo "articles/bad.md:3:1  error  Exactly one H1  h1-first" >&2; exit 1; fi\n',
    );
    chmodSync(bin, 0o755);
    writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
  }

  it('runs `selfhelp lint --staged` from node_modules/.bin and blocks the commit when it fails', async () => {
    fakeSelfhelp();
    await installHook(repo);
    writeFileSync(path.join(repo, 'articles', 'bad.md'), '# Bad\n');
    git('add', '--all');
    const refused = spawnSync('git', ['commit', '-q', '-m', 'bad'], { cwd: repo, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('articles/bad.md:3:1  error  Exactly one H1  h1-first');
    expect(readFileSync(path.join(repo, '.git', 'selfhelp-args'), 'utf8')).toBe('lint --staged\n');
    expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo }).status).not.toBe(0);

    git('rm', '-q', '--cached', 'articles/bad.md');
    writeFileSync(path.join(repo, 'articles', 'good.md'), '# Good\n');
    git('add', 'articles/good.md', '.gitignore');
    const ok = spawnSync('git', ['commit', '-q', '-m', 'good'], { cwd: repo, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(git('log', '--format=%s')).toBe('good\n');
  });

  it('refuses the commit with a clear message when selfhelp is not installed', async () => {
    if (existsSync('/usr/bin/selfhelp') || existsSync('/bin/selfhelp')) {
      console.log('skipped: a global selfhelp in /usr/bin or /bin would answer the hook');
      return;
    }
    await installHook(repo);
    writeFileSync(path.join(repo, 'a.md'), '# A\n');
    git('add', 'a.md');
    const result = spawnSync('git', ['commit', '-q', '-m', 'a'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/usr/bin:/bin' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('selfhelp pre-commit hook: selfhelp is not installed (install the project\'s dependencies, or commit with --no-verify)');
  });
});
