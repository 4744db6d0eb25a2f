// Every documented example of the metadata rules produces exactly its documented messages and
// fix output (the shared example runner covers all rules; this pins the metadata ones here too).
import { describe, expect, it } from 'vitest';
import { metadataRules } from '../src/metadata/index.js';
import { fix, messages } from './helpers.js';

describe.each(metadataRules.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.meta.docs.incorrect.map((example, i) => [example.title ?? `incorrect ${i + 1}`, example] as const))('incorrect: %s', (_title, example) => {
    const run = { path: example.path ?? 'example.md', options: example.options };
    expect(messages(rule, example.source, run)).toEqual(example.messages ?? []);
    if (example.output !== undefined) expect(fix(rule, example.source, run)).toBe(example.output);
    else expect(rule.meta.fixable && example.messages?.length ? fix(rule, example.source, run) : example.source).toBe(example.source);
  });
  it.each(rule.meta.docs.correct.map((example, i) => [example.title ?? `correct ${i + 1}`, example] as const))('correct: %s', (_title, example) => {
    expect(messages(rule, example.source, { path: example.path ?? 'example.md', options: example.options })).toEqual([]);
  });
  it('has complete docs', () => {
    expect(rule.meta.docs.rationale.length).toBeGreaterThan(80);
    expect(rule.meta.docs.incorrect.length).toBeGreaterThan(0);
    expect(rule.meta.docs.correct.length).toBeGreaterThan(0);
    if (rule.meta.fixable) expect(rule.meta.docs.incorrect.some((e) => e.output !== undefined)).toBe(true);
  });
});
