// Edge cases of no-template-placeholder.
import { describe, expect, it } from 'vitest';
import { learn, lines, ranges, ruleById, selfhelp } from './helpers.js';

const rule = ruleById('no-template-placeholder');

describe('no-template-placeholder', () => {
  it('finds the templates\' stand-in headings at any level, bold or with trailing punctuation', () => {
    const source = selfhelp('Apollo', '# Title', '## **Issue title**', '### Procedures title.', '### Chart title <!-- required -->', '## Title of the offer', '');
    expect(ranges(rule, source)).toEqual([
      '5:1-5:8 Template placeholder "Title" left in the heading',
      '6:1-6:19 Template placeholder "Issue title" left in the heading',
      '7:1-7:22 Template placeholder "Procedures title." left in the heading',
      '8:1-8:34 Template placeholder "Chart title" left in the heading',
    ]);
  });

  it('finds the <-- --> marker inside bold, and an unclosed angle-bracket title', () => {
    const source = selfhelp('diagnostics', '# <Troubleshooter title - shown to the user', '## ** <-- Diagnostic title --> **', '');
    expect(ranges(rule, source)).toEqual([
      '5:1-5:44 Template placeholder "<Troubleshooter title - shown to the us…" left in the heading',
      '6:1-6:34 Template placeholder "<-- Diagnostic title -->" left in the heading',
    ]);
  });

  it('does not take HTML elements, real comments or arrows in text for placeholders', () => {
    const source = selfhelp('generic', '# <b>Bold</b> title', '## <!-- note --> Real heading', '', 'Traffic flows A <-- B --> C.', '', '## Sub-items of the offer');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('reports sample list items and paragraphs, not text that merely mentions them', () => {
    const source = selfhelp('generic', '# T', '', '* Item1', '* Item2', '  * Sub-ItemA', '', 'Description of the issue', '', 'The item1 column holds the description of the issue.', '');
    expect(ranges(rule, source)).toEqual([
      '7:3-7:8 Template sample text "Item1" left in the body',
      '8:3-8:8 Template sample text "Item2" left in the body',
      '9:5-9:14 Template sample text "Sub-ItemA" left in the body',
      '11:1-11:25 Template sample text "Description of the issue" left in the body',
    ]);
  });

  it('checks metadata values: angle-bracket stand-ins and template values, not HTML', () => {
    const source = lines(
      '<properties',
      '  pageTitle="Support topic metadata for <Product Name>"',
      '  description="Brief description of the article"',
      '  ms.author="Your Microsoft alias"',
      '  infoBubbleText="Line one<br>line two"',
      '  articleId="Unique field - use article name OR a GUID"',
      '  selfHelpType="generic"',
      '/>',
      '# Real title',
    );
    expect(ranges(rule, source)).toEqual([
      '2:41-2:55 Template placeholder "<Product Name>" left in pageTitle',
      '3:16-3:48 Template placeholder "Brief description of the article" left in description',
      '4:14-4:34 Template placeholder "Your Microsoft alias" left in ms.author',
      '6:14-6:55 Template placeholder "Unique field - use article name OR a GU…" left in articleId',
    ]);
  });

  it('checks fragments but not Learn articles', () => {
    expect(ranges(rule, lines('* Item1'))).toEqual(['1:3-1:8 Template sample text "Item1" left in the body']);
    expect(ranges(rule, learn('# Title'))).toEqual([]);
  });
});
