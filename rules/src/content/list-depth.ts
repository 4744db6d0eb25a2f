// Lists nest at most two levels: the portal renders a third level flat ("only 2 levels of
// bullets are supported", every authoring template).
import { defineRule } from '../define.js';
import { lineEnd, offsets, range, walk } from './util.js';

interface Options {
  max?: number;
}

export const listDepth = defineRule(
  {
    id: 'list-depth',
    description: 'Lists nest at most two levels deep',
    category: 'content',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'fragment'] },
    docs: {
      rationale: [
        'The authoring templates state that only two levels of bullets are supported. A list nested deeper (a',
        'bullet or numbered list inside the second level) is reported once, at its first item; lists nested',
        'further inside it are not reported again. Bullet and numbered lists count alike.',
      ].join('\n'),
      options: '`max`: the deepest allowed nesting level (default 2).',
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Connect to a cluster"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Connect to a cluster',
            '',
            '1. Open the cluster.',
            '   * Select **Connect**.',
            '     * Copy the command.',
            '',
          ].join('\n'),
          messages: ['10:6 List nested 3 levels deep; the portal shows at most 2 levels'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Connect to a cluster"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Connect to a cluster',
            '',
            '1. Open the cluster.',
            '   * Select **Connect**.',
            '   * Copy the command.',
            '2. Run the command.',
            '',
          ].join('\n'),
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
  },
  (context) => {
    const { article } = context;
    const max = (context.options as Options | undefined)?.max ?? 2;
    walk(article, (node, ancestors) => {
      if (node.type !== 'list') return undefined;
      const depth = ancestors.filter((a) => a.type === 'list').length + 1;
      if (depth <= max) return undefined;
      const o = offsets(node);
      if (o) {
        context.report({
          message: `List nested ${depth} levels deep; the portal shows at most ${max} level${max === 1 ? '' : 's'}`,
          range: range(article, o[0], Math.min(o[1], lineEnd(article.source, o[0]))),
        });
      }
      return false;
    });
  },
);
