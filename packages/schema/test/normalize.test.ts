import { describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { CLOUDS, SELF_HELP_TYPES, canonicalCloud, canonicalKey, canonicalSelfHelpType, isKnownKey, normalizeMetadata } from '@selfhelp/schema';

const props = (...rows: string[]) => parseArticle(`<properties\n${rows.join('\n')}\n/>\n# Title\n`, { path: 'a.md' });

describe('vocabulary', () => {
  it('matches selfHelpTypes case-insensitively and returns the canonical spelling', () => {
    expect(canonicalSelfHelpType('SupportTopicDescription')).toBe('supportTopicDescription');
    expect(canonicalSelfHelpType(' problemscopingquestions ')).toBe('problemScopingQuestions');
    expect(canonicalSelfHelpType('tsg_content')).toBe('TSG_Content');
    expect(canonicalSelfHelpType('apollo')).toBe('Apollo');
    expect(canonicalSelfHelpType('generc')).toBeUndefined();
    expect(SELF_HELP_TYPES).toContain('servicehealthinsights');
  });
  it('knows the six clouds', () => {
    expect(CLOUDS).toEqual(['public', 'fairfax', 'mooncake', 'blackforest', 'usnat', 'ussec']);
    expect(canonicalCloud('BlackForest')).toBe('blackforest');
    expect(canonicalCloud('moon-cake')).toBeUndefined();
  });
  it('canonicalizes known keys and keeps unknown keys as written', () => {
    expect(canonicalKey('articleid')).toBe('articleId');
    expect(canonicalKey('PAGETITLE')).toBe('pageTitle');
    expect(canonicalKey('ms.author')).toBe('ms.author');
    expect(canonicalKey('MS.Date', 'frontmatter')).toBe('ms.date');
    expect(canonicalKey('supportToicIds')).toBe('supportToicIds');
    expect(isKnownKey('title', 'properties')).toBe(false);
    expect(isKnownKey('title', 'frontmatter')).toBe(true);
  });
});

describe('normalizeMetadata', () => {
  it('splits lists, canonicalizes clouds and keys, and reads displayOrder as a number', () => {
    const meta = normalizeMetadata(
      props(
        '  articleid=" reset-password "',
        '  selfhelptype="Generic"',
        '  supportTopicIds="32612345, ,32612346;32612347"',
        '  cloudEnvironments="Public, FairFax, moon-cake"',
        '  disableClouds="fairfax"',
        '  displayOrder="17"',
        '  ms.author="jdoe,  asmith"',
        '  custom="kept as written"',
      ),
    );
    expect(meta.fields).toEqual({
      articleId: 'reset-password',
      selfHelpType: 'Generic',
      supportTopicIds: ['32612345', '32612346', '32612347'],
      cloudEnvironments: ['public', 'fairfax', 'moon-cake'],
      disableClouds: ['fairfax'],
      displayOrder: 17,
      'ms.author': ['jdoe', 'asmith'],
      custom: 'kept as written',
    });
    expect(meta.selfHelpType).toBe('generic');
    expect(meta.articleId).toBe('reset-password');
    expect(meta.clouds).toEqual(['public']);
  });
  it('keeps a non-integer displayOrder as text and lets the last duplicate win', () => {
    const meta = normalizeMetadata(props('  displayOrder="1.5"', '  pageTitle="First"', '  PageTitle="Second"'));
    expect(meta.fields.displayOrder).toBe('1.5');
    expect(meta.fields.pageTitle).toBe('Second');
    expect(meta.selfHelpType).toBeUndefined();
    expect(meta.clouds).toEqual([]);
  });
  it('keeps __proto__ as a plain own key', () => {
    const meta = normalizeMetadata(props('  __proto__="polluted"', '  constructor="x"'));
    expect(Object.getPrototypeOf(meta.fields)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(meta.fields, '__proto__')).toBe(true);
    expect(meta.fields['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('keeps YAML types and splits YAML list fields', () => {
    const article = parseArticle('---\ntitle: Plan\nms.author: [jdoe, asmith]\nms.date: 03/20/2024\nkeywords: 3\n---\n# Plan\n', { path: 'l.md' });
    const meta = normalizeMetadata(article);
    expect(meta.fields).toEqual({ title: 'Plan', 'ms.author': ['jdoe', 'asmith'], 'ms.date': '03/20/2024', keywords: 3 });
  });
  it('has nothing for a fragment', () => {
    expect(normalizeMetadata(parseArticle('Just text.\n', { path: 'f.md' }))).toEqual({ fields: {}, clouds: [] });
  });
});
