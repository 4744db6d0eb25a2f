// The H1 is the first thing after the metadata: the portal takes the article's title from it,
// and text above it is shown out of place (seed 000 opens with an author's note).
import { defineRule } from '../define.js';
import { isCommentOnly, offsets, range } from './util.js';

export const h1First = defineRule(
  {
    id: 'h1-first',
    description: 'The H1 heading comes first after the metadata',
    category: 'content',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn'] },
    docs: {
      rationale: [
        'The H1 is the article\'s title and must be the first content after the `<properties>` block or the YAML',
        'frontmatter. Text above it (an author\'s note, an `issueDescription`, a stray heading) is rendered before',
        'the title or dropped. HTML comments and link definitions, which render nothing, may precede the H1.',
        'An H1 written above the metadata block is reported too. Articles without any H1 are reported by',
        '`single-h1`, not here.',
      ].join('\n'),
      incorrect: [
        {
          title: 'A note to reviewers above the title',
          source: [
            '<properties',
            '  pageTitle="Disk latency spikes"',
            '  selfHelpType="generic"',
            '/>',
            '',
            'Check with the storage team before publishing this.',
            '',
            '# Disk latency spikes on your VM',
            '',
            'Your managed disk reached its throughput limit.',
            '',
          ].join('\n'),
          messages: ['6:1 Content before the H1 heading; the H1 must come first after the metadata'],
        },
        {
          title: 'An H2 before the H1 (Learn)',
          source: ['---', 'title: Resize a scale set', '---', '', '## Overview', '', '# Resize a scale set', ''].join('\n'),
          messages: ['5:1 Content before the H1 heading; the H1 must come first after the metadata'],
        },
      ],
      correct: [
        {
          title: 'Comments may precede the H1',
          source: [
            '<properties',
            '  pageTitle="Disk latency spikes"',
            '  selfHelpType="generic"',
            '/>',
            '<!-- The H1 is used internally only -->',
            '',
            '# Disk latency spikes on your VM',
            '',
            'Your managed disk reached its throughput limit.',
            '',
          ].join('\n'),
        },
        {
          title: 'A JSON body follows the H1',
          source: [
            '<properties',
            '  pageTitle="Scoping questions for slow disks"',
            '  selfHelpType="problemScopingQuestions"',
            '/>',
            '# Slow disks',
            '---',
            '{ "$schema": "SelfHelpContent", "formElements": [] }',
            '---',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const first = article.headings.find((h) => h.depth === 1);
    if (!first) return; // single-h1 reports it
    const bodyStart = article.bodyRange.start.offset;
    if (first.range.start.offset < bodyStart) {
      const block = article.kind === 'learn' ? 'frontmatter' : '<properties> block';
      context.report({ message: `The H1 heading stands before the metadata; move it below the ${block}`, range: first.range });
      return;
    }
    for (const node of article.tree.children) {
      const o = offsets(node);
      if (!o || o[0] < bodyStart) continue; // before the metadata: not body content
      if (node.type === 'heading' && node.depth === 1) return;
      if (node.type === 'definition' || node.type === 'yaml') continue;
      if (node.type === 'html' && isCommentOnly(node.value)) continue;
      context.report({ message: 'Content before the H1 heading; the H1 must come first after the metadata', range: range(article, o[0], o[1]) });
      return;
    }
  },
);
