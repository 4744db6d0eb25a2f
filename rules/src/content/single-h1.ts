// Exactly one H1: the portal and Learn take the title from it. A second H1 starts a second
// "article" in the rendering; a missing one leaves the card without a title.
import { defineRule } from '../define.js';
import { lineEnd, range } from './util.js';

export const singleH1 = defineRule(
  {
    id: 'single-h1',
    description: 'Exactly one H1 heading',
    category: 'content',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn'] },
    docs: {
      rationale: [
        'Every self-help and Learn article has exactly one H1: it is the title (for self-help it is required even',
        'where the portal does not display it). A missing H1 is reported at the first line after the metadata, every',
        'further H1 where it stands. Use `##` and `###` for sections. Fragments (include files) have no H1 and are not checked.',
      ].join('\n'),
      incorrect: [
        {
          title: 'Two H1 headings',
          source: [
            '<properties',
            '  pageTitle="Restore a deleted web app"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Restore a deleted web app',
            '',
            'Deleted apps can be restored for 30 days.',
            '',
            '# Steps',
            '',
            '1. Open the deleted apps list.',
            '',
          ].join('\n'),
          messages: ['10:1 Extra H1 heading; an article has exactly one H1 (the first is on line 6)'],
        },
        {
          title: 'No H1 at all',
          source: [
            '<properties',
            '  pageTitle="Restore a deleted web app"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '## Restore a deleted web app',
            '',
          ].join('\n'),
          messages: ['5:1 The article has no H1 heading; start the body with "# Title"'],
        },
      ],
      correct: [
        {
          title: 'One H1, sections below it',
          source: [
            '<properties',
            '  pageTitle="Restore a deleted web app"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Restore a deleted web app',
            '',
            '## **Recommended Steps**',
            '',
            '1. Open the deleted apps list.',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const h1s = article.headings.filter((h) => h.depth === 1);
    const first = h1s[0];
    if (!first) {
      // Report at the first line of the body (after the metadata block's line).
      const source = article.source;
      let at = article.bodyRange.start.offset;
      if (at > 0 && source[at - 1] !== '\n' && source[at - 1] !== '\r') {
        const end = lineEnd(source, at);
        at = source[end] === '\r' && source[end + 1] === '\n' ? end + 2 : Math.min(end + 1, source.length);
      }
      context.report({ message: 'The article has no H1 heading; start the body with "# Title"', range: range(article, at, at) });
      return;
    }
    for (const extra of h1s.slice(1)) {
      context.report({
        message: `Extra H1 heading; an article has exactly one H1 (the first is on line ${first.range.start.line})`,
        range: extra.range,
      });
    }
  },
);
