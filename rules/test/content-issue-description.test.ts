// Edge cases of issue-description-types and issue-description-format.
import { describe, expect, it } from 'vitest';
import { fix, lines, messages, ranges, ruleById, selfhelp } from './helpers.js';

describe('issue-description-types', () => {
  const rule = ruleById('issue-description-types');
  const body = ['# T', '<!--issueDescription-->', 'Text', '<!--/issueDescription-->', '', 'More <!--issueDescription-->inline<!--/issueDescription-->'];

  it('reports each region at its opening marker, in any type outside the list', () => {
    expect(ranges(rule, selfhelp('problemScopingQuestions', ...body))).toEqual([
      '6:1-6:24 issueDescription is not used in problemScopingQuestions articles (only in diagnostics, rca, servicehealthinsights and TSG_Content)',
      '10:6-10:29 issueDescription is not used in problemScopingQuestions articles (only in diagnostics, rca, servicehealthinsights and TSG_Content)',
    ]);
  });

  it('accepts the listed types in any case, and skips articles without a selfHelpType', () => {
    expect(ranges(rule, selfhelp('tsg_content', ...body))).toEqual([]);
    expect(ranges(rule, selfhelp('RCA', ...body))).toEqual([]);
    expect(ranges(rule, lines('<properties pageTitle="x" />', ...body))).toEqual([]);
  });

  it('takes the allowed types from the options', () => {
    expect(messages(rule, selfhelp('generic', ...body), { options: { types: ['Generic'] } })).toEqual([]);
    expect(messages(rule, selfhelp('rca', ...body), { options: { types: ['diagnostics'] } })).toEqual([
      '6:1 issueDescription is not used in rca articles (only in diagnostics)',
      '10:6 issueDescription is not used in rca articles (only in diagnostics)',
    ]);
  });
});

describe('issue-description-format', () => {
  const rule = ruleById('issue-description-format');

  it('reports each kind of formatting with its range', () => {
    const source = selfhelp(
      'diagnostics',
      '# T',
      '<!--issueDescription-->',
      'A __b__ *i* _j_ ![img](x.png) [ref][r] <https://a.example> <a href="x">a</a> <b>b</b> <em>e</em>',
      '<!--/issueDescription-->',
      '',
      '[r]: https://learn.microsoft.com',
    );
    expect(ranges(rule, source)).toEqual([
      '7:3-7:8 No bold text inside issueDescription; the region is shown as plain text',
      '7:9-7:12 No italic text inside issueDescription; the region is shown as plain text',
      '7:13-7:16 No italic text inside issueDescription; the region is shown as plain text',
      '7:17-7:30 No links inside issueDescription; the region is shown as plain text',
      '7:31-7:39 No links inside issueDescription; the region is shown as plain text',
      '7:40-7:59 No links inside issueDescription; the region is shown as plain text',
      '7:60-7:72 No links inside issueDescription; the region is shown as plain text',
      '7:78-7:81 No bold text inside issueDescription; the region is shown as plain text',
      '7:87-7:91 No italic text inside issueDescription; the region is shown as plain text',
    ]);
  });

  it('fixes nested bold and italic in passes and leaves links and HTML alone', () => {
    const source = selfhelp('rca', '# T', '<!--issueDescription-->', 'At ***<!--$t-->t<!--/$t-->*** see [x](https://a.example) <b>b</b>', '<!--/issueDescription-->');
    expect(fix(rule, source)).toBe(
      selfhelp('rca', '# T', '<!--issueDescription-->', 'At <!--$t-->t<!--/$t--> see [x](https://a.example) <b>b</b>', '<!--/issueDescription-->'),
    );
  });

  it('ignores formatting outside the regions and bare URLs inside', () => {
    const source = selfhelp('diagnostics', '# **T**', '<!--issueDescription-->', 'See https://portal.azure.com now.', '<!--/issueDescription-->', '**Bold** after.');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('checks a region inside a heading and several regions', () => {
    const source = selfhelp('diagnostics', '# <!--issueDescription-->Recover **x**<!--/issueDescription-->', '', '<!--issueDescription-->', '*y*', '<!--/issueDescription-->');
    expect(messages(rule, source)).toEqual([
      '5:34 No bold text inside issueDescription; the region is shown as plain text',
      '8:1 No italic text inside issueDescription; the region is shown as plain text',
    ]);
  });

  it('skips the kinds the options allow', () => {
    const source = selfhelp('diagnostics', '# T', '<!--issueDescription-->', '**b** *i* [l](https://a.example)', '<!--/issueDescription-->');
    expect(messages(rule, source, { options: { allow: ['bold', 'link'] } })).toEqual([
      '7:7 No italic text inside issueDescription; the region is shown as plain text',
    ]);
  });
});

describe('issue-description-format and recommended-headings together', () => {
  it('leave bold in a heading inside the region to recommended-headings (the fixes would undo each other)', () => {
    const rule = ruleById('issue-description-format');
    const source = selfhelp('TSG_Content', '# T', '<!--issueDescription-->', '## **Recommended Documents**', '**x**', '<!--/issueDescription-->');
    expect(ranges(rule, source)).toEqual([
      '7:4-7:29 No bold text inside issueDescription; the region is shown as plain text',
      '8:1-8:6 No bold text inside issueDescription; the region is shown as plain text',
    ]);
    expect(fix(rule, source)).toBe(selfhelp('TSG_Content', '# T', '<!--issueDescription-->', '## **Recommended Documents**', 'x', '<!--/issueDescription-->'));
  });
});
