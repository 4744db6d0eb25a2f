// Edge cases of the heading rules: h1-first, single-h1, heading-space, heading-increment, recommended-headings.
import { describe, expect, it } from 'vitest';
import { fix, learn, lines, ranges, ruleById, selfhelp } from './helpers.js';

describe('h1-first', () => {
  const rule = ruleById('h1-first');

  it('reports the first block before the H1 with its whole range, once', () => {
    const source = selfhelp('generic', '', 'Note one', 'continues.', '', 'Note two.', '', '# Title', '');
    expect(ranges(rule, source)).toEqual(['6:1-7:11 Content before the H1 heading; the H1 must come first after the metadata']);
  });

  it('skips comments, several comments on a line and link definitions', () => {
    const source = selfhelp('generic', '<!-- a --> <!-- b -->', '[ref]: https://learn.microsoft.com', '', '# Title', '', '[x][ref]');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('treats an issueDescription above the H1 as content', () => {
    const source = selfhelp('diagnostics', '<!--issueDescription-->', 'Text.', '<!--/issueDescription-->', '# Title', '');
    expect(ranges(rule, source)).toEqual(['6:1-6:6 Content before the H1 heading; the H1 must come first after the metadata']);
  });

  it('accepts a setext H1 and stays silent without any H1 (single-h1 reports that)', () => {
    expect(ranges(rule, selfhelp('generic', 'Title', '=====', '', 'Body.'))).toEqual([]);
    expect(ranges(rule, selfhelp('generic', 'Body only.'))).toEqual([]);
  });

  it('does not apply to fragments', () => {
    expect(ranges(rule, lines('Intro text.', '', '# Title'))).toEqual([]);
  });

  it('checks Learn articles after the frontmatter', () => {
    expect(ranges(rule, learn('', '> Quote first', '', '# Title'))).toEqual([
      '5:1-5:14 Content before the H1 heading; the H1 must come first after the metadata',
    ]);
  });
});

describe('single-h1', () => {
  const rule = ruleById('single-h1');

  it('reports every extra H1, including setext and nested ones', () => {
    const source = selfhelp('generic', '# One', '', 'Two', '===', '', '> # Three', '');
    expect(ranges(rule, source)).toEqual([
      '7:1-8:4 Extra H1 heading; an article has exactly one H1 (the first is on line 5)',
      '10:3-10:10 Extra H1 heading; an article has exactly one H1 (the first is on line 5)',
    ]);
  });

  it('reports a missing H1 as an empty range on the line after the metadata block', () => {
    expect(ranges(rule, selfhelp('generic', 'Text.'))).toEqual(['5:1-5:1 The article has no H1 heading; start the body with "# Title"']);
    // `/>` followed by text on the same line: still the next line.
    expect(ranges(rule, lines('<properties selfHelpType="generic" />', '## Only an H2'))).toEqual([
      '2:1-2:1 The article has no H1 heading; start the body with "# Title"',
    ]);
  });

  it('reports at the end of a file that is only metadata, and handles CRLF', () => {
    expect(ranges(rule, '<properties selfHelpType="generic" />')).toEqual(['1:38-1:38 The article has no H1 heading; start the body with "# Title"']);
    expect(ranges(rule, '<properties selfHelpType="generic" />\r\ntext\r\n')).toEqual(['2:1-2:1 The article has no H1 heading; start the body with "# Title"']);
  });

  it('does not count # in code or in a JSON body', () => {
    const source = selfhelp('problemScopingQuestions', '# Title', '---', '{ "title": "x" }', '---', '', '```', '# not a heading', '```');
    expect(ranges(rule, source)).toEqual([]);
  });
});

describe('heading-space', () => {
  const rule = ruleById('heading-space');

  it('reports the hashes and inserts one space', () => {
    const source = selfhelp('generic', '# Title', '', '###Quick check', '', '#####**Bold heading**', '');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:4 Missing space after "###" of a heading',
      '9:1-9:6 Missing space after "#####" of a heading',
    ]);
    expect(fix(rule, source)).toBe(selfhelp('generic', '# Title', '', '### Quick check', '', '##### **Bold heading**', ''));
  });

  it('finds the line inside a paragraph and keeps indentation up to three spaces', () => {
    const source = selfhelp('generic', '# Title', '', 'Some text', '  #Next part', '');
    expect(ranges(rule, source)).toEqual(['8:3-8:4 Missing space after "#" of a heading']);
  });

  it('leaves alone seven hashes, digits, signs, list items, block quotes and code', () => {
    const source = selfhelp('generic', '# Title', '', '#######Seven', '', '#42 is the ticket', '', '#!shebang', '', '* #tag', '', '> #quoted', '', '`#inline`', '');
    expect(ranges(rule, source)).toEqual([]);
  });
});

describe('heading-increment', () => {
  const rule = ruleById('heading-increment');

  it('reports each jump, comparing with the heading just before', () => {
    const source = learn('# T', '### A', '#### B', '## C', '#### D', '');
    expect(ranges(rule, source)).toEqual([
      '5:1-5:6 Heading level jumps from H1 to H3; use an H2',
      '8:1-8:7 Heading level jumps from H2 to H4; use an H3',
    ]);
  });

  it('does not apply to self-help articles', () => {
    expect(ranges(rule, selfhelp('generic', '# T', '### Section'))).toEqual([]);
  });
});

describe('recommended-headings', () => {
  const rule = ruleById('recommended-headings');

  it('fixes spelling variants with only the name in them', () => {
    const source = selfhelp(
      'generic',
      '# T',
      '## Recommended Steps',
      '## __recommended documents__',
      '## **Recommended Steps:**',
      '## Recommended   steps ##',
      '##  **Recommended Documents**',
      ' ## **Recommended Documents**',
    );
    expect(ranges(rule, source)).toEqual([
      '6:1-6:21 Write this heading as "## **Recommended Steps**"',
      '7:1-7:29 Write this heading as "## **Recommended Documents**"',
      '8:1-8:26 Write this heading as "## **Recommended Steps**"',
      '9:1-9:26 Write this heading as "## **Recommended Steps**"',
    ]);
    expect(fix(rule, source)).toBe(
      selfhelp(
        'generic',
        '# T',
        '## **Recommended Steps**',
        '## **Recommended Documents**',
        '## **Recommended Steps**',
        '## **Recommended Steps**',
        '##  **Recommended Documents**',
        ' ## **Recommended Documents**',
      ),
    );
  });

  it('reports a setext H2 at its text line, rewrites it whole, and keeps block-quote markers', () => {
    const source = selfhelp('generic', '# T', '', 'Recommended steps', '-----------------', '', '> ## recommended steps', '');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:18 Write this heading as "## **Recommended Steps**"',
      '10:3-10:23 Write this heading as "## **Recommended Steps**"',
    ]);
    expect(fix(rule, source)).toBe(selfhelp('generic', '# T', '', '## **Recommended Steps**', '', '> ## **Recommended Steps**', ''));
  });

  it('reports without a fix when the heading holds more than the name', () => {
    const source = selfhelp('generic', '# T', '## Recommended steps <br>', '## [Recommended steps](https://learn.microsoft.com)');
    expect(ranges(rule, source)).toEqual([
      '6:1-6:26 Write this heading as "## **Recommended Steps**"',
      '7:1-7:52 Write this heading as "## **Recommended Steps**"',
    ]);
    expect(fix(rule, source)).toBe(source);
  });

  it('ignores other levels and other names', () => {
    const source = selfhelp('generic', '# Recommended steps', '### recommended steps', '## Recommended steps for admins', '## **Recommended Videos**');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('does not apply to Learn articles', () => {
    expect(ranges(rule, learn('# T', '## Recommended steps'))).toEqual([]);
  });
});
