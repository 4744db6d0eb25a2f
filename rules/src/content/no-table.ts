// No Markdown tables in self-help articles: the portal does not render them ("Tables do not
// work", the Common Solutions and Troubleshooter templates).
import { defineRule } from '../define.js';
import { lineEnd, offsets, range, walk } from './util.js';

export const noTable = defineRule(
  {
    id: 'no-table',
    description: 'No Markdown tables in self-help articles',
    category: 'content',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'The self-help portal does not render Markdown (GFM) tables: the authoring templates say "tables do not',
        'work". The rows show as lines of pipes. Use a list, or one short paragraph per row. The table is',
        'reported at its header row. Learn articles render tables and are not checked.',
      ].join('\n'),
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Pick a VPN gateway SKU"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Pick a VPN gateway SKU',
            '',
            '| SKU | Tunnels |',
            '| --- | ------- |',
            '| VpnGw1 | 30 |',
            '',
          ].join('\n'),
          messages: ['8:1 Tables are not rendered in self-help articles; use a list instead'],
        },
      ],
      correct: [
        {
          title: 'A list instead of a table',
          source: [
            '<properties',
            '  pageTitle="Pick a VPN gateway SKU"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Pick a VPN gateway SKU',
            '',
            '* **VpnGw1**: 30 tunnels',
            '* **VpnGw2**: 30 tunnels, more throughput',
            '',
          ].join('\n'),
        },
        {
          title: 'Learn articles may use tables',
          source: ['---', 'title: VPN gateway SKUs', '---', '', '# VPN gateway SKUs', '', '| SKU | Tunnels |', '| --- | ------- |', '| VpnGw1 | 30 |', ''].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    walk(article, (node) => {
      if (node.type !== 'table') return undefined;
      const o = offsets(node);
      if (o) {
        context.report({
          message: 'Tables are not rendered in self-help articles; use a list instead',
          range: range(article, o[0], Math.min(o[1], lineEnd(article.source, o[0]))),
        });
      }
      return false;
    });
  },
);
