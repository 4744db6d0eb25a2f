// Every documented example of the link rules runs: incorrect ones report exactly the documented
// messages (and fix to the documented output), correct ones report nothing.
import { describe, expect, it } from 'vitest';
import { linkRules } from '../src/links/index.js';
import { memoryProject, runRule } from './links-harness.js';
import type { RuleExample } from '@selfhelp/rules';

/** Examples that declare a path form the content root of all the rule's examples. */
function projectOf(examples: RuleExample[]) {
  const files = Object.fromEntries(examples.filter((e) => e.path).map((e) => [e.path!, e.source]));
  return Object.keys(files).length > 0 ? memoryProject(files) : undefined;
}

describe.each(linkRules.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
  const project = projectOf([...rule.meta.docs.incorrect, ...rule.meta.docs.correct]);
  it('has complete metadata', () => {
    expect(rule.meta.docs.incorrect.length).toBeGreaterThan(0);
    expect(rule.meta.docs.correct.length).toBeGreaterThan(0);
    expect(rule.meta.category).toBe('links');
  });
  for (const [i, example] of rule.meta.docs.incorrect.entries()) {
    it(`incorrect example ${i + 1}: ${example.title ?? ''}`, () => {
      const result = runRule(rule, example.source, { path: example.path, options: example.options, project });
      expect(result.messages).toEqual(example.messages);
      if (rule.meta.fixable) expect(result.output).toBe(example.output);
      if (!rule.meta.fixable) expect(result.reports.filter((r) => r.fix)).toEqual([]);
    });
  }
  for (const [i, example] of rule.meta.docs.correct.entries()) {
    it(`correct example ${i + 1}: ${example.title ?? ''}`, () => {
      expect(runRule(rule, example.source, { path: example.path, options: example.options, project }).messages).toEqual([]);
    });
  }
});
