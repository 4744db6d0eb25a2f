// The per-file time budget of the lint engine (`timeBudget`), against a slow and a hanging rule injected
// through a plugin, among hostile articles linted with the built-in rules. On the main thread a slow
// file is reported after the fact; in worker threads (the built binary with `--concurrency 1`, the
// setting for untrusted input) a hanging file is stopped, gets a fatal finding, and the run goes on.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRule } from '@selfhelp/rules';
import { cleanupSandboxes, lintTree, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repo, 'packages/cli/bin/selfhelp.js');
const built = existsSync(join(repo, 'packages/cli/dist/main.js')) && existsSync(join(repo, 'packages/lint/dist/engine/worker.js'));
if (!built) console.warn('time-budget.test.ts: the worker-thread case is skipped, packages/cli or packages/lint is not built (run `pnpm build`)');

const docs = { rationale: 'A rule as slow as a pathological regex.', incorrect: [], correct: [] };

/** Busy for 800 ms on a file that says SLOW: a rule stuck in backtracking. */
const slow = defineRule(
  { id: 'slow-rule', description: 'Slow on SLOW', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] }, docs },
  (context) => {
    if (!context.article.source.includes('SLOW')) return;
    const until = performance.now() + 800;
    while (performance.now() < until) {
      // spin
    }
  },
);

const HOSTILE = {
  'articles/a-ok.md': selfhelp('Ok', '# Title\n\nBody.\n'),
  'articles/b-slow.md': selfhelp('Slow', '# Title\n\nSLOW body.\n'),
  'articles/c-deep.md': selfhelp('Deep', `# Title\n\n${'>'.repeat(10_000)} x\n`),
  'articles/d-json.md': selfhelp('Json', `# Title\n\n---\n${'['.repeat(5_000)}\n---\n`),
};

describe('time budget', () => {
  it('on the main thread a file over the budget gets a fatal finding (with its time), the others are untouched', async () => {
    const box = sandbox(HOSTILE);
    const paths = Object.keys(HOSTILE);
    const config = { timeBudget: 300 };
    const plugin = [{ name: 'slow', module: { rules: [slow] } }];
    const withBudget = await lintTree(box.root, paths, { config, pluginModules: plugin });
    const without = await lintTree(box.root, paths, { config: { timeBudget: 600_000 }, pluginModules: plugin });
    const slowResult = withBudget.results[1]!;
    const over = slowResult.messages.filter((m) => m.fatal);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ ruleId: null, severity: 2, line: 1, column: 1 });
    expect(over[0]!.message).toMatch(/^Linting this file took \d+ ms, over the time budget \(300 ms\)\.$/);
    // It keeps its own findings; every other file has exactly the findings of a run without a budget.
    expect(slowResult.messages.filter((m) => !m.fatal)).toEqual(without.results[1]!.messages);
    for (const i of [0, 2, 3]) expect(withBudget.results[i]!.messages).toEqual(without.results[i]!.messages);
    expect(withBudget.results[2]!.messages.some((m) => m.message.includes('nest too deeply'))).toBe(true);
  });

  it.skipIf(!built)('in worker threads a hanging file is stopped and the run goes on (built selfhelp, --concurrency 1)', () => {
    const hang = `export const rules = [{ meta: { id: 'hang', description: 'd', category: 'content', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } },
      check(c) { if (c.article.source.includes('HANG')) for (;;) {} } }];`;
    const box = sandbox({
      ...HOSTILE,
      'articles/e-hang.md': selfhelp('Hang', '# Title\n\nHANG forever.\n'),
      'selfhelp.config.json': JSON.stringify({ plugins: ['./hang.mjs'], rules: { hang: 'error' }, timeBudget: 1500, gitignore: false }),
      'hang.mjs': hang,
    });
    let stdout = '';
    try {
      stdout = execFileSync(process.execPath, [bin, 'lint', '--no-cache', '--concurrency', '1', '--format', 'json', 'articles'], { cwd: box.root, encoding: 'utf8', timeout: 60_000 });
    } catch (error) {
      const e = error as { status: number; stdout: string };
      expect(e.status).toBe(1);
      stdout = e.stdout;
    }
    const report = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; message: string; fatal?: boolean }[] }[];
    expect(report.map((r) => r.filePath.slice(box.root.length + 1))).toEqual(['articles/a-ok.md', 'articles/b-slow.md', 'articles/c-deep.md', 'articles/d-json.md', 'articles/e-hang.md']);
    expect(report[4]!.messages).toEqual([
      { ruleId: null, severity: 2, message: 'Linting this file took longer than the time budget (1500 ms) and was stopped; not linted.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true },
    ]);
    for (const r of report.slice(0, 4)) {
      expect(r.messages.some((m) => m.fatal)).toBe(false);
      expect(r.messages.some((m) => m.ruleId === 'metadata-required')).toBe(true);
    }
  });
});
