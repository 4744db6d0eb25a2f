// No `> [!NOTE]` alerts (nor the legacy `> [AZURE.NOTE]`) in self-help articles: the portal shows
// the marker as text ("[!NOTE] tags do not work", the authoring templates).
import { defineRule } from '../define.js';
import { offsets, range, walk } from './util.js';

const ALERT = /^\[(!|AZURE\.)(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;

export const noAlert = defineRule(
  {
    id: 'no-alert',
    description: 'No [!NOTE] style alerts in self-help articles',
    category: 'content',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'Learn renders `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]` and `> [!CAUTION]` (and the legacy',
        '`> [AZURE.NOTE]`) as coloured boxes; the self-help portal does not, and shows the marker as text',
        '(the templates: "[!NOTE] tags do not work"). Write a plain block quote such as `> **Note:** ...`.',
        'Learn articles are not checked.',
      ].join('\n'),
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Renew a certificate"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Renew a certificate',
            '',
            '> [!NOTE]',
            '> Renewal takes up to an hour.',
            '',
          ].join('\n'),
          messages: ['8:3 Alerts like "[!NOTE]" are not rendered in self-help articles; write "> **Note:** ..." instead'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Renew a certificate"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Renew a certificate',
            '',
            '> **Note:** Renewal takes up to an hour.',
            '',
          ].join('\n'),
        },
        {
          title: 'Learn articles may use alerts',
          source: ['---', 'title: Renew a certificate', '---', '', '# Renew a certificate', '', '> [!NOTE]', '> Renewal takes up to an hour.', ''].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const source = article.source;
    walk(article, (node) => {
      if (node.type !== 'blockquote') return undefined;
      const first = node.children[0];
      const o = first && first.type === 'paragraph' ? offsets(first) : undefined;
      if (o) {
        const m = ALERT.exec(source.slice(o[0], Math.min(o[1], o[0] + 40)));
        if (m) {
          context.report({
            message: `Alerts like "${m[0]}" are not rendered in self-help articles; write "> **Note:** ..." instead`,
            range: range(article, o[0], o[0] + m[0].length),
          });
        }
      }
      return undefined; // nested block quotes are checked too
    });
  },
);
