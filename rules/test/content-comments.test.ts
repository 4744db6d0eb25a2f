// Edge cases of no-author-comment and its comment classification.
import { describe, expect, it } from 'vitest';
import { learn, lines, ranges, ruleById, selfhelp } from './helpers.js';

const rule = ruleById('no-author-comment');

describe('no-author-comment', () => {
  it('reports notes with their whole range, multi-line ones too', () => {
    const source = selfhelp('generic', '# T', '', 'Text <!-- ask the PM whether', 'this still applies -->', '');
    expect(ranges(rule, source)).toEqual(['7:6-8:23 Leftover author comment "ask the PM whether this still applies"; remove it before publishing']);
  });

  it('reports triple-dash comments and TODO-like words even when short', () => {
    const source = selfhelp('generic', '# T', '', '<!---x--->', '', '<!-- FIXME -->', '', '<!-- tbd -->');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:11 Leftover author comment "x-"; remove it before publishing',
      '9:1-9:15 Leftover author comment "FIXME"; remove it before publishing',
    ]);
  });

  it('accepts markers, directives, commented-out content, labels and template guidance', () => {
    const source = selfhelp(
      'rca',
      '# T',
      '<!--salutation-->Hello<!--/salutation-->',
      '<!-- selfhelp-disable no-table -->',
      '<!-- markdownlint-disable MD033 -->',
      '<!-- prettier-ignore -->',
      '<!-- https://learn.microsoft.com/azure -->',
      '<!-- ## Old section -->',
      '<!-- <img src="x.png"> -->',
      '<!-- Link references -->',
      '<!-- Required H2 title. This is presented to the customer -->',
      '<!---->',
      '<!-- $broken token name -->',
    );
    expect(ranges(rule, source)).toEqual([]);
  });

  it('does not look into code, and checks fragments and Learn articles', () => {
    expect(ranges(rule, selfhelp('generic', '# T', '', '```', '<!-- what is this? -->', '```'))).toEqual([]);
    expect(ranges(rule, lines('<!-- what is this? -->'))).toEqual(['1:1-1:23 Leftover author comment "what is this?"; remove it before publishing']);
    expect(ranges(rule, learn('# T', '<!-- check this with Ana -->'))).toEqual(['5:1-5:29 Leftover author comment "check this with Ana"; remove it before publishing']);
    // The price of accepting labels: a note of three words or fewer without punctuation passes.
    expect(ranges(rule, learn('# T', '<!-- check with Ana -->'))).toEqual([]);
  });

  it('shortens long notes in the message', () => {
    const source = selfhelp('generic', '# T', '<!-- This paragraph was reviewed by the networking team in spring and needs another pass -->');
    expect(ranges(rule, source)).toEqual([
      '6:1-6:93 Leftover author comment "This paragraph was reviewed by the netw…"; remove it before publishing',
    ]);
  });
});
