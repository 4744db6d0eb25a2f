// No links, bold or italic inside `<!--issueDescription-->`: the Diagnostic template forbids
// them because the region is shown as plain text.
import type { Nodes, Parents } from 'mdast';
import { defineRule } from '../define.js';
import type { Fix } from '../api.js';
import { offsets, range, walk } from './util.js';

type Kind = 'link' | 'bold' | 'italic';

interface Options {
  /** Formatting kinds not to report. */
  allow?: Kind[];
}

const HTML_FORMATTING: { re: RegExp; kind: Kind }[] = [
  { re: /<a\s[^<>]*>/gi, kind: 'link' }, // `[^<>]`: a run of `<a ` without `>` is not rescanned per `<` (linear)
  { re: /<(?:b|strong)\s*>/gi, kind: 'bold' },
  { re: /<(?:i|em)\s*>/gi, kind: 'italic' },
];

const inHeading = (ancestors: readonly Parents[]): boolean => ancestors.some((a) => a.type === 'heading');

const MESSAGES: Record<Kind, string> = {
  link: 'No links inside issueDescription; the region is shown as plain text',
  bold: 'No bold text inside issueDescription; the region is shown as plain text',
  italic: 'No italic text inside issueDescription; the region is shown as plain text',
};

export const issueDescriptionFormat = defineRule(
  {
    id: 'issue-description-format',
    description: 'No links, bold or italic text inside issueDescription',
    category: 'content',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: true,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'The Diagnostic template says: do not use links (internal, blade or external), bold or italic text inside',
        'the issueDescription tags. The region is presented as plain text, so the markup shows up as stray',
        'asterisks and brackets. Reported: Markdown links, images and link references, `<a>` tags, autolinks in',
        '`<...>`, `**bold**`, `__bold__`, `*italic*`, `_italic_`, and `<b>`, `<strong>`, `<i>`, `<em>` tags.',
        'A bare URL is plain text and is not reported.',
        '',
        'The fix removes bold and italic markers and keeps the text (`**<!--$name-->name<!--/$name-->**` becomes',
        'the bare token), except in headings, where `recommended-headings` wants the bold. Links are not fixed:',
        'only the author knows whether the URL or the text should stay.',
      ].join('\n'),
      options: '`allow`: formatting kinds not to report, any of `"link"`, `"bold"`, `"italic"`.',
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Your database reached its session limit"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your database reached its session limit',
            '',
            '<!--issueDescription-->',
            'Database **<!--$dbName-->dbName<!--/$dbName-->** refused new sessions. See [session limits](https://learn.microsoft.com/azure/azure-sql/database/resource-limits-logical-server).',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
          messages: [
            '9:10 No bold text inside issueDescription; the region is shown as plain text',
            '9:76 No links inside issueDescription; the region is shown as plain text',
          ],
          output: [
            '<properties',
            '  pageTitle="Your database reached its session limit"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your database reached its session limit',
            '',
            '<!--issueDescription-->',
            'Database <!--$dbName-->dbName<!--/$dbName--> refused new sessions. See [session limits](https://learn.microsoft.com/azure/azure-sql/database/resource-limits-logical-server).',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
        },
      ],
      correct: [
        {
          title: 'Plain text and tokens; formatting outside the region is fine',
          source: [
            '<properties',
            '  pageTitle="Your database reached its session limit"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your database reached its session limit',
            '',
            '<!--issueDescription-->',
            'Database <!--$dbName-->dbName<!--/$dbName--> refused new sessions at https://portal.azure.com.',
            '<!--/issueDescription-->',
            '',
            '## **Recommended Steps**',
            '',
            '1. Read about [session limits](https://learn.microsoft.com/azure/azure-sql/database/resource-limits-logical-server).',
            '',
          ].join('\n'),
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { enum: ['link', 'bold', 'italic'] } } },
      additionalProperties: false,
    },
  },
  (context) => {
    const { article } = context;
    if (article.issueDescriptions.length === 0) return;
    const allow = new Set((context.options as Options | undefined)?.allow ?? []);
    const source = article.source;
    const regions = article.issueDescriptions.map((r) => [r.contentRange.start.offset, r.contentRange.end.offset] as const);
    const inside = (start: number, end: number): boolean => regions.some(([s, e]) => start >= s && end <= e);
    const report = (kind: Kind, start: number, end: number, fix?: Fix): void => {
      if (allow.has(kind)) return;
      context.report({ message: MESSAGES[kind], range: range(article, start, end), ...(fix ? { fix } : {}) });
    };
    /** Removes `marker`-long delimiters around a node's text, when the source shows them. */
    const unwrap = (start: number, end: number, size: number): Fix | undefined => {
      const open = source.slice(start, start + size);
      const close = source.slice(end - size, end);
      if (open !== close || !/^(?:\*+|_+)$/.test(open) || end - start < 2 * size) return undefined;
      return { range: [start, end], text: source.slice(start + size, end - size) };
    };
    walk(article, (node: Nodes, ancestors) => {
      const o = offsets(node);
      if (!o) return undefined;
      // Skip subtrees that cannot hold a region.
      if (!regions.some(([s, e]) => o[0] < e && o[1] > s)) return false;
      if (!inside(o[0], o[1])) return undefined;
      switch (node.type) {
        case 'link':
          // A GFM literal autolink (bare URL) is plain text; `[text](url)` and `<url>` are markup.
          if (source[o[0]] === '[' || source[o[0]] === '<') report('link', o[0], o[1]);
          return undefined;
        case 'linkReference':
        case 'image':
        case 'imageReference':
          report('link', o[0], o[1]);
          return undefined;
        // Not fixed inside headings: recommended-headings requires `## **Recommended Steps**`, and the
        // two fixes would undo each other.
        case 'strong':
          report('bold', o[0], o[1], inHeading(ancestors) ? undefined : unwrap(o[0], o[1], 2));
          return undefined;
        case 'emphasis':
          report('italic', o[0], o[1], inHeading(ancestors) ? undefined : unwrap(o[0], o[1], 1));
          return undefined;
        case 'html':
          for (const { re, kind } of HTML_FORMATTING) {
            re.lastIndex = 0;
            for (let m = re.exec(node.value); m; m = re.exec(node.value)) report(kind, o[0] + m.index, o[0] + m.index + m[0].length);
          }
          return undefined;
        default:
          return undefined;
      }
    });
  },
);
