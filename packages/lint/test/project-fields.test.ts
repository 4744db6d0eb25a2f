// Cross-article rules that name the fields they read get summaries with only those fields; a rule that
// does not name them (or names them badly) makes every rule of the run see every field.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintFiles, loadConfig } from '@selfhelp/lint';
import type { ProjectRule } from '@selfhelp/rules';
import { article, tempTree } from './helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const docs = { rationale: 'Test rule.', incorrect: [], correct: [] };

/** A rule that records, per article, the field keys it was given (and reports nothing). */
function recorder(id: string, fields: unknown): { rule: ProjectRule; seen: Map<string, string[]> } {
  const seen = new Map<string, string[]>();
  const rule = {
    meta: { id, description: 'Records fields', category: 'metadata', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs },
    ...(fields === undefined ? {} : { fields }),
    checkProject(articles: Parameters<ProjectRule['checkProject']>[0]) {
      for (const a of articles) seen.set(a.path, Object.keys(a.fields).sort());
      return [];
    },
  } as ProjectRule;
  return { rule, seen };
}

async function run(rules: ProjectRule[]): Promise<void> {
  const t = tempTree({
    'articles/a.md': article('a', '# A\n'),
    'articles/b.md': article('b', '# B\n', '\n  productPesIds="16575"'),
  });
  cleanups.push(t.cleanup);
  const config = await loadConfig({ cwd: t.dir, builtInRules: false, pluginModules: [{ name: 'recorders', module: { rules } }] });
  await lintFiles([join(t.dir, 'articles/a.md'), join(t.dir, 'articles/b.md')], { config, cwd: t.dir, cache: false });
}

describe('ProjectRule.fields', () => {
  it('summaries hold the union of the fields the rules name, and only fields the article has', async () => {
    const one = recorder('one', ['articleId']);
    const two = recorder('two', ['productpesids']);
    await run([one.rule, two.rule]);
    expect(Object.fromEntries(one.seen)).toEqual({ 'articles/a.md': ['articleid'], 'articles/b.md': ['articleid', 'productpesids'] });
    expect(two.seen).toEqual(one.seen);
  });

  it('a rule without fields (or with a malformed list) gets every field, and so does every other rule', async () => {
    const all = ['articleid', 'pagetitle', 'selfhelptype'];
    for (const fields of [undefined, 'articleid', [1]]) {
      const named = recorder('named', ['articleid']);
      const other = recorder('other', fields);
      await run([named.rule, other.rule]);
      expect(named.seen.get('articles/a.md')).toEqual(all);
      expect(other.seen.get('articles/b.md')).toEqual([...all.slice(0, 2), 'productpesids', 'selfhelptype']);
    }
  });
});
