import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintFiles, loadConfig, virtualSource, writeFixes, type SelfhelpConfig } from '@selfhelp/lint';
import { article, tempTree, testRules } from './helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function tree(files: Record<string, string>) {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

async function config(cwd: string, inline: SelfhelpConfig = {}) {
  return loadConfig({ cwd, config: inline, builtInRules: false, pluginModules: [testRules] });
}

describe('lintFiles', () => {
  it('runs rules once per file and reports ESLint-shaped results in path order', async () => {
    const dir = tree({
      'articles/b.md': article('b', '# Title\n\nSome foo here.\n'),
      'articles/a.md': article('a', 'No heading.\n'),
    });
    const cfg = await config(dir);
    const run = await lintFiles([join(dir, 'articles/b.md'), join(dir, 'articles/a.md')], { config: cfg, cwd: dir });
    expect(run.results.map((r) => r.filePath)).toEqual([join(dir, 'articles/a.md'), join(dir, 'articles/b.md')]);
    expect(run.results[0]).toEqual({
      filePath: join(dir, 'articles/a.md'),
      messages: [{ ruleId: 'needs-title', severity: 1, message: 'No H1.', line: 5, column: 3, endLine: 8, endColumn: 1 }],
      errorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    expect(run.results[1]!.messages).toEqual([
      { ruleId: 'no-foo', severity: 2, message: 'Unexpected foo.', line: 9, column: 6, endLine: 9, endColumn: 9, fix: { range: [94, 97], text: 'bar' } },
    ]);
    expect(run.results[1]!.fixableErrorCount).toBe(1);
  });
});
