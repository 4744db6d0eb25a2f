// Text from the authoring templates (../shared/corpus/selfhelp/documents) that was never
// replaced: `# <Title>`, `<-- This is the title ... -->`, `pageTitle="<Enter the ... title>"`,
// the sample headings ("Sample title", "Useful Title") and the sample steps ("This is a step with ...").
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defineRule } from '../define.js';
import type { RuleContext } from '../api.js';
import { excerpt, nodeRange, offsets, range, walk } from './util.js';

/** Whole-heading texts the templates use as stand-ins (compared in lower case, trailing punctuation dropped). */
const PLACEHOLDER_HEADINGS = new Set([
  'title',
  'sample title',
  'useful title',
  'issue title',
  'procedures title',
  'diagnostics title',
  'chart title',
  'resources title',
  'h3 header',
]);

/** How the templates' sample paragraphs and list items begin (lower case). */
const PLACEHOLDER_TEXT_STARTS = [
  'this is a step with',
  'this is a brief paragraph about the problem',
  'this is the display text',
  'this is text with a replacement token',
  'brief text describing your troubleshooter',
];

/** Whole paragraph or list-item texts of the templates (lower case). */
const PLACEHOLDER_TEXTS = new Set(['description of the issue', 'item1', 'item2', 'item3', 'sub-itema', 'sub-itemb']);

/** Raw paragraph starts worth a closer look (every entry of the two lists above begins with one of these). */
const PREFILTER = /^\W{0,4}(?:this is|item|sub-item|description of|brief text)/i;

/** Whole metadata values of the templates (lower case). */
const PLACEHOLDER_VALUES = new Set([
  'enter the page title',
  'brief description of the article',
  'service provider',
  'resource type',
  'your microsoft alias',
  'this is required',
  '_apollo\\_article\\_description_',
]);

/** HTML elements an author may legitimately put at the start of a heading. */
const HTML_ELEMENTS = new Set(
  'a abbr b big br center code del div em font i img ins kbd mark p s small span strike strong sub sup u'.split(' '),
);

/** `<-- text -->`: the templates' pseudo-comment marking text to replace (not an HTML comment, no `!`). */
const ARROW_MARKER = /^<--(?!-)[\s\S]*-->$/;

// Trimming by scanning, not with `[...]+$` regexes (those rescan a long run from every start: quadratic).
const SPACE = /\s/;

/** `text` without leading and trailing white space, `*` and `_`. */
function trimMarkup(text: string): string {
  const strip = (c: string) => c === '*' || c === '_' || SPACE.test(c);
  let start = 0;
  let end = text.length;
  while (start < end && strip(text[start] as string)) start++;
  while (end > start && strip(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

/** `text` without the trailing run of the characters in `chars`. */
function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** An ATX heading's text without its opening `#`s and closing sequence (` ##`), as CommonMark reads it. */
function stripAtxMarkers(text: string): string {
  const open = /^[ \t]*#{1,6}[ \t]*/.exec(text);
  const rest = open ? text.slice(open[0].length) : text;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let end = rest.length;
  while (end > 0 && blank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || !blank(rest[hashes - 1])) return rest;
  while (hashes > 0 && blank(rest[hashes - 1])) hashes--;
  return rest.slice(0, hashes);
}

/** A heading's text (markup and surrounding bold markers removed) that is a template stand-in, if any. */
function headingPlaceholder(raw: string, plain: string): string | undefined {
  const bare = trimMarkup(raw);
  if (ARROW_MARKER.test(bare)) return bare;
  const angle = /^<([A-Za-z][\w-]*)(?:\s[^<>]*)?>?$/.exec(bare);
  if (angle && !HTML_ELEMENTS.has((angle[1] as string).toLowerCase()) && !bare.startsWith('<!--')) return bare;
  const text = trimEndChars(plain.replace(/\s+/g, ' ').trim(), '.:').toLowerCase();
  if (PLACEHOLDER_HEADINGS.has(text)) return plain.trim();
  return undefined;
}

function textPlaceholder(plain: string): boolean {
  const text = plain.replace(/\s+/g, ' ').trim().toLowerCase();
  return PLACEHOLDER_TEXTS.has(text) || PLACEHOLDER_TEXT_STARTS.some((start) => text.startsWith(start));
}

function checkMetadata(context: RuleContext): void {
  for (const field of context.article.metadata) {
    if (typeof field.value !== 'string') continue;
    const value = field.value.trim();
    const angle = /<[A-Za-z][^<>]*>/.exec(value);
    if (angle && !HTML_ELEMENTS.has(/^<([A-Za-z][\w-]*)/.exec(angle[0])![1]!.toLowerCase())) {
      // Narrow the range to the stand-in when the source spells it as the value does (no entities).
      const { start, end } = { start: field.valueRange.start.offset, end: field.valueRange.end.offset };
      const at = context.article.source.slice(start, end).indexOf(angle[0]);
      const where = at === -1 ? field.valueRange : range(context.article, start + at, start + at + angle[0].length);
      context.report({ message: `Template placeholder "${excerpt(angle[0])}" left in ${field.key}`, range: where });
    } else if (PLACEHOLDER_VALUES.has(value.toLowerCase()) || value.toLowerCase().startsWith('unique field - use article name')) {
      context.report({ message: `Template placeholder "${excerpt(value)}" left in ${field.key}`, range: field.valueRange });
    }
  }
}

export const noTemplatePlaceholder = defineRule(
  {
    id: 'no-template-placeholder',
    description: 'No text left over from the authoring templates',
    category: 'content',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'fragment'] },
    docs: {
      rationale: [
        'The authoring templates mark what the author must replace: `# <Title>`, `<-- This is the title ... -->`,',
        '`pageTitle="<Enter the Troubleshooter title>"`, sample headings such as "Sample title" or "Useful Title",',
        'and sample content such as "This is a step with a link to ..." or "Item1". Any of these left in a',
        'published article is reported:',
        '',
        '- headings wrapped in the templates\' `<-- ... -->` marker (not an HTML comment: it has no `!` and is shown',
        '  as text), headings that are an angle-bracketed stand-in (`# <Title>`, which the portal drops as an',
        '  unknown HTML tag), and headings that are exactly one of the templates\' sample headings;',
        '- paragraphs and list items that are the templates\' sample steps, links and list items;',
        '- metadata values with an angle-bracketed stand-in (`<Product Name>`) or a template value',
        '  ("Enter the page title", "Your Microsoft alias", ...).',
      ].join('\n'),
      incorrect: [
        {
          title: 'Title and a step copied from the template',
          source: [
            '<properties',
            '  pageTitle="<Enter the page title>"',
            '  selfHelpType="TSG_Content"',
            '/>',
            '',
            '# <Title>',
            '',
            '## **Recommended Steps**',
            '',
            '1. This is a step with a link to an [external article](https://learn.microsoft.com)',
            '',
          ].join('\n'),
          messages: [
            '2:14 Template placeholder "<Enter the page title>" left in pageTitle',
            '6:1 Template placeholder "<Title>" left in the heading',
            '10:4 Template sample text "This is a step with a link to an extern…" left in the body',
          ],
        },
        {
          title: 'The title kept inside the template marker',
          source: [
            '<properties',
            '  pageTitle="Unknown charges on my bill"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# <-- Unknown charges on my bill -->',
            '',
            'Charges appear for resources you created earlier.',
            '',
          ].join('\n'),
          messages: ['6:1 Template placeholder "<-- Unknown charges on my bill -->" left in the heading'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Unknown charges on my bill"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Unknown charges on my bill',
            '',
            '## Title of a marketplace offer',
            '',
            'Charges appear for resources you created earlier. A <br> tag and `<Title>` in code are fine.',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    checkMetadata(context);
    walk(article, (node: Nodes) => {
      if (node.type === 'heading') {
        const o = offsets(node);
        if (!o) return false;
        const raw = stripAtxMarkers(article.source.slice(o[0], o[1]).replace(/(?:\r?\n|\r)[ \t]*(?:=+|-+)[ \t]*$/, '')); // setext underline, ATX markers
        const found = headingPlaceholder(raw, toString(node, { includeHtml: false }));
        if (found !== undefined) {
          const at = nodeRange(article, node);
          if (at) context.report({ message: `Template placeholder "${excerpt(found)}" left in the heading`, range: at });
        }
        return false;
      }
      if (node.type === 'paragraph') {
        const o = offsets(node);
        // Cheap pre-check on the raw text before building the plain text.
        if (!o || !PREFILTER.test(article.source.slice(o[0], Math.min(o[1], o[0] + 60)))) return false;
        const plain = toString(node, { includeHtml: false });
        if (textPlaceholder(plain)) {
          context.report({ message: `Template sample text "${excerpt(plain)}" left in the body`, range: range(article, o[0], o[1]) });
        }
        return false;
      }
      return undefined;
    });
  },
);
