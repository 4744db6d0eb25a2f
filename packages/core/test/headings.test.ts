import { describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { lc } from './helpers.js';

describe('headings', () => {
  const source = [
    'Intro line.',
    '',
    '## Before the title',
    '',
    '# Fix *sign-in* errors',
    '',
    '## **Recommended Steps**',
    '',
    '## **Recommended Steps**',
    '',
    'Setext two',
    '----------',
    '',
  ].join('\n');
  const a = parseArticle(source);

  it('lists headings with text, depth, range and unique slugs', () => {
    expect(a.headings.map((h) => [h.depth, h.text, h.slug, lc(h.range)])).toEqual([
      [2, 'Before the title', 'before-the-title', '3:1-3:20'],
      [1, 'Fix sign-in errors', 'fix-sign-in-errors', '5:1-5:23'],
      [2, 'Recommended Steps', 'recommended-steps', '7:1-7:25'],
      [2, 'Recommended Steps', 'recommended-steps-1', '9:1-9:25'],
      [2, 'Setext two', 'setext-two', '11:1-12:11'],
    ]);
  });

  it('the title is the first H1', () => {
    expect(a.title?.text).toBe('Fix sign-in errors');
    expect(parseArticle('No heading\n').title).toBeUndefined();
  });
});
