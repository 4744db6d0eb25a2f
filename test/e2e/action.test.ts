// End-to-end: the lint step of action.yml, run with bash in a git repository as GitHub Actions runs it
// (inputs in SELFHELP_* variables, outputs appended to $GITHUB_OUTPUT).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/selfhelp.js');
const built = existsSync(join(repo, 'packages/cli/dist/main.js'));
const work = mkdtempSync(join(tmpdir(), 'selfhelp-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Step { id?: string; run?: string; env?: Record<string, string> }
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
const lintStep = action.runs.steps.find((s) => s.id === 'lint');

const clean = (id: string, title: string) =>
  `<properties\n  pageTitle="${title}"\n  description="${title} in a few words."\n  service="microsoft.backup"\n  resource="vaults"\n  authors="contoso"\n  ms.author="contoso"\n  displayOrder="1"\n  selfHelpType="generic"\n  supportTopicIds="32700001"\n  resourceTags=""\n  productPesIds="16370"\n  cloudEnvironments="public"\n  articleId="${id}"\n  ownershipId="Contoso_Backup"\n/>\n\n# ${title}\n\nCheck the vault settings, then run the backup job again.\n`;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

let project = '';
let base = '';
beforeAll(() => {
  if (!built) return;
  project = join(work, 'articles-repo');
  mkdirSync(join(project, 'articles'), { recursive: true });
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'config', 'user.email', 'ci@example.com');
  git(project, 'config', 'user.name', 'CI');
  writeFileSync(join(project, 'articles/vault-settings.md'), clean('vault-settings-a1', 'Vault settings'));
  writeFileSync(join(project, 'articles/old-problem.md'), clean('old-problem-a1', 'Old problem').replace('\n# Old problem', '\n# Old problem\n\n# Second title'));
  git(project, 'add', '.');
  git(project, 'commit', '-q', '-m', 'base');
  base = git(project, 'rev-parse', 'HEAD');
  // The pull request adds one article whose cloud is not a known one.
  writeFileSync(join(project, 'articles/new-problem.md'), clean('new-problem-a1', 'New problem').replace('cloudEnvironments="public"', 'cloudEnvironments="publik"'));
  git(project, 'add', '.');
  git(project, 'commit', '-q', '-m', 'pull request');
});

function runStep(inputs: Record<string, string>) {
  const output = join(work, `github-output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    NO_COLOR: '1',
    GITHUB_OUTPUT: output,
    SELFHELP_BIN: bin,
    SELFHELP_BASE: '',
    SELFHELP_PATHS: 'articles',
    SELFHELP_BASELINE: '',
    SELFHELP_CONFIG: '',
    SELFHELP_MAX_WARNINGS: '',
    SELFHELP_SARIF: '',
    ...inputs,
  };
  const r = spawnSync('bash', ['-e', '-c', lintStep!.run!], { cwd: project, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(output, 'utf8') };
}

describe.skipIf(!built)('action.yml lint step', () => {
  it('reads every input from the environment, none pasted into the script', () => {
    expect(lintStep?.run).toBeDefined();
    expect(lintStep!.run).not.toContain('${{');
    expect(Object.keys(lintStep!.env ?? {}).sort()).toEqual([
      'SELFHELP_BASE', 'SELFHELP_BASELINE', 'SELFHELP_BIN', 'SELFHELP_CONFIG', 'SELFHELP_MAX_WARNINGS', 'SELFHELP_PATHS', 'SELFHELP_SARIF',
    ]);
  });

  it('annotates only the files changed since the base and fails the step', () => {
    const r = runStep({ SELFHELP_BASE: base });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(a).toMatch(/^::(error|warning) file=articles\/new-problem\.md,line=\d+/);
    expect(r.stdout).toContain('publik');
    expect(r.output).toBe('sarif-file=\n');
  });

  it('lints every path when there is no base, and writes SARIF when asked', () => {
    const r = runStep({ SELFHELP_SARIF: 'selfhelp.sarif' });
    expect(r.code).toBe(1);
    const files = new Set(r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => /file=([^,]+)/.exec(l)?.[1]));
    expect([...files].sort()).toEqual(['articles/new-problem.md', 'articles/old-problem.md']);
    expect(r.output).toBe('sarif-file=selfhelp.sarif\n');
    const sarif = JSON.parse(readFileSync(join(project, 'selfhelp.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBe(r.stdout.split('\n').filter((l) => l.startsWith('::')).length);
  });

  it('passes when the changed files are clean', () => {
    const head = git(project, 'rev-parse', 'HEAD');
    git(project, 'checkout', '-q', '-b', 'clean-change');
    writeFileSync(join(project, 'articles/vault-settings.md'), clean('vault-settings-a1', 'Vault settings').replace('run the backup job', 'start the backup job'));
    git(project, 'commit', '-q', '-am', 'clean change');
    const r = runStep({ SELFHELP_BASE: head });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  });
});
