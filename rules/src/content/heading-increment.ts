// Heading levels go down one at a time (markdownlint MD001): Learn builds the page outline and
// its table of contents from them, and screen readers navigate by them.
import { defineRule } from '../define.js';

export const headingIncrement = defineRule(
  {
    id: 'heading-increment',
    description: 'Heading levels increase by one at a time',
    category: 'learn',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ['learn'] },
    docs: {
      rationale: [
        'Learn builds the "In this article" outline from the H2 and H3 headings, and assistive technology lets',
        'readers jump between levels; a heading that skips a level (an H4 straight under an H2) breaks both. As',
        'markdownlint\'s MD001, each heading may be at most one level deeper than the heading before it; going',
        'back up any number of levels is fine. Self-help articles are not checked: their templates put H3 sections',
        'directly under the H1 (bold H2s are reserved for the two standard sections).',
      ].join('\n'),
      incorrect: [
        {
          source: ['---', 'title: Scale a cluster', '---', '', '# Scale a cluster', '', '## Prerequisites', '', '#### Quotas', '', 'Check your quota first.', ''].join('\n'),
          messages: ['9:1 Heading level jumps from H2 to H4; use an H3'],
        },
      ],
      correct: [
        {
          source: ['---', 'title: Scale a cluster', '---', '', '# Scale a cluster', '', '## Prerequisites', '', '### Quotas', '', '## Next steps', ''].join('\n'),
        },
      ],
    },
  },
  (context) => {
    let previous: number | undefined;
    for (const heading of context.article.headings) {
      if (previous !== undefined && heading.depth > previous + 1) {
        context.report({ message: `Heading level jumps from H${previous} to H${heading.depth}; use an H${previous + 1}`, range: heading.range });
      }
      previous = heading.depth;
    }
  },
);
