// `#Title` is not a heading in CommonMark: the portal shows the hashes as text.
import { defineRule } from '../define.js';
import { lineStart, offsets, range, walk } from './util.js';

/** A line of a paragraph that was meant as an ATX heading: 1-6 `#` then a letter or emphasis. */
const HASH_LINE = /(^|\r\n|\n|\r)([ \t]{0,3})(#{1,6})(?=[\p{L}*_])/gu;

export const headingSpace = defineRule(
  {
    id: 'heading-space',
    description: 'A space after the # of a heading',
    category: 'content',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: {
      rationale: [
        'CommonMark needs a space between the `#` characters and the heading text; `#Partner Center invoices` is a',
        'paragraph that shows the hash, and the article loses its heading (markdownlint MD018). Lines of a paragraph',
        'that start with one to six `#` followed by a letter or emphasis are reported and fixed by inserting the',
        'space. `#` inside a line, after a list marker, in code, and `#` followed by a digit or another sign',
        '(`#42`) are left alone.',
      ].join('\n'),
      incorrect: [
        {
          source: ['<properties', '  pageTitle="Invoice questions"', '  selfHelpType="generic"', '/>', '#Invoice questions', '', '##**Recommended Steps**', '', 'Open the invoice blade.', ''].join('\n'),
          messages: ['5:1 Missing space after "#" of a heading', '7:1 Missing space after "##" of a heading'],
          output: ['<properties', '  pageTitle="Invoice questions"', '  selfHelpType="generic"', '/>', '# Invoice questions', '', '## **Recommended Steps**', '', 'Open the invoice blade.', ''].join('\n'),
        },
      ],
      correct: [
        {
          source: ['<properties', '  pageTitle="Invoice questions"', '  selfHelpType="generic"', '/>', '# Invoice questions', '', 'Invoice #42 is ready; see the #billing channel.', '', '```', '#include <stdio.h>', '```', ''].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const source = article.source;
    walk(article, (node) => {
      if (node.type !== 'paragraph') return undefined;
      const o = offsets(node);
      if (!o) return false;
      const text = source.slice(o[0], o[1]);
      HASH_LINE.lastIndex = 0;
      for (let m = HASH_LINE.exec(text); m; m = HASH_LINE.exec(text)) {
        const hashes = m[3] as string;
        const at = o[0] + m.index + (m[1] as string).length + (m[2] as string).length;
        // Only where the hashes start the physical line (not after a list marker or `>`).
        if (m.index === 0 && !/^[ \t]{0,3}$/.test(source.slice(lineStart(source, o[0]), o[0]))) continue;
        const end = at + hashes.length;
        context.report({
          message: `Missing space after "${hashes}" of a heading`,
          range: range(article, at, end),
          fix: { range: [end, end], text: ' ' },
        });
      }
      return false;
    });
  },
);
