// Runs every documented example of every rule, as remark-lint and ESLint do with theirs, so the
// docs (and the generated rules/README.md) cannot drift from the behaviour:
// - incorrect examples give exactly the documented `line:column message` list;
// - correct examples give nothing from that rule;
// - for fixable rules, the fixes applied until stable give the example's `output` (the source
//   itself when `output` is absent);
// - each rule also runs once as a unified plugin on remark-parse, with the same findings.
// Examples that declare a `path` form the content root shared by all examples of that rule, so
// include and relative-link rules can see each other's files.
import { afterAll, describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parseArticle } from '@selfhelp/core';
import { crossArticleRules, ruleApplies, rules, type SelfhelpRule } from '@selfhelp/rules';
import { exampleFiles, fix, format, runRule, tempRoot, type TempRoot } from './helpers.js';

const roots: TempRoot[] = [];
afterAll(() => {
  for (const root of roots) root.dispose();
});

/** The content root of a rule's examples (undefined when no example declares a path). */
function projectFor(rule: SelfhelpRule): TempRoot | undefined {
  const files = exampleFiles([...rule.meta.docs.incorrect, ...rule.meta.docs.correct]);
  if (Object.keys(files).length === 0) return undefined;
  const root = tempRoot(files);
  roots.push(root);
  return root;
}

describe('rule metadata', () => {
  const ids = [...rules, ...crossArticleRules].map((r) => r.meta.id);

  it('ids are unique kebab-case', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it.each([...rules, ...crossArticleRules].map((r) => [r.meta.id, r] as const))('%s has complete metadata', (_id, rule) => {
    const { meta } = rule;
    expect(meta.description.length).toBeGreaterThan(0);
    expect(meta.description.endsWith('.')).toBe(false);
    expect(meta.appliesTo.kinds.length).toBeGreaterThan(0);
    for (const t of meta.appliesTo.selfHelpTypes ?? []) expect(t).toBe(t.toLowerCase());
    expect(meta.docs.rationale.trim().length).toBeGreaterThan(0);
    if (meta.optionsSchema) expect(meta.docs.options).toBeTruthy();
    for (const example of meta.docs.incorrect) {
      expect(example.messages?.length ?? 0).toBeGreaterThan(0);
      if (!meta.fixable) expect(example.output).toBeUndefined();
    }
    for (const example of meta.docs.correct) {
      expect(example.messages).toBeUndefined();
      expect(example.output).toBeUndefined();
    }
  });

  // Per-file rules document at least one example of each kind; cross-article rules need several
  // files per case, so their examples (if any) are rendered but not required.
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s documents incorrect and correct examples', (_id, rule) => {
    expect(rule.meta.docs.incorrect.length).toBeGreaterThan(0);
    expect(rule.meta.docs.correct.length).toBeGreaterThan(0);
  });
});

describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (_id, rule) => {
  const root = projectFor(rule);
  const run = (example: { source: string; path?: string; options?: unknown }) => ({
    path: example.path ?? 'example.md',
    options: example.options,
    project: root?.project,
  });

  it.each(rule.meta.docs.incorrect.map((e, i) => [i, e] as const))('incorrect example %i', (_i, example) => {
    const article = parseArticle(example.source, { path: example.path ?? 'example.md' });
    expect(ruleApplies(rule.meta, article), 'the rule applies to its incorrect example').toBe(true);
    const reports = runRule(rule, example.source, run(example));
    expect(reports.map(format)).toEqual(example.messages);
    if (!rule.meta.fixable) {
      expect(reports.filter((r) => r.fix)).toEqual([]);
      return;
    }
    // As ESLint's RuleTester: without `output` the example must not be changed by the fixes.
    expect(fix(rule, example.source, run(example))).toBe(example.output ?? example.source);
  });

  it.each(rule.meta.docs.correct.map((e, i) => [i, e] as const))('correct example %i', (_i, example) => {
    expect(runRule(rule, example.source, run(example)).map(format)).toEqual([]);
  });

  it('works as a unified-lint-rule plugin', async () => {
    const example = rule.meta.docs.incorrect[0]!;
    const file = new VFile({ value: example.source, path: example.path ?? 'example.md' });
    const processor = unified().use(remarkParse).use(rule.plugin, example.options === undefined ? true : ['warn', example.options]);
    await processor.run(processor.parse(file), file);
    // In a unified pipeline there is no content root: the plugin reports what the check reports without a project.
    const expected = runRule(rule, example.source, { path: example.path ?? 'example.md', options: example.options }).map(format);
    const got = [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((m) => {
        expect(m.ruleId).toBe(rule.meta.id);
        expect(m.source).toBe('selfhelp');
        return `${m.line}:${m.column} ${m.reason}`;
      });
    expect(got).toEqual(expected);
  });
});

describe('examples that need a content root', () => {
  it('every include rule documents examples with paths (they share one content root)', () => {
    const withRoot = rules.filter((r) => r.meta.category === 'includes');
    expect(withRoot.length).toBeGreaterThan(0);
    for (const rule of withRoot) expect(projectFor(rule), rule.meta.id).toBeDefined();
  });
});
