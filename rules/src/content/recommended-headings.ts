// `## **Recommended Steps**` and `## **Recommended Documents**` exactly as the authoring
// templates write them (bold H2, title case): the portal finds the sections by these headings.
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defineRule } from '../define.js';
import { lineEnd, offsets, range, walk } from './util.js';

const CANONICAL: Record<string, string> = {
  'recommended steps': '**Recommended Steps**',
  'recommended documents': '**Recommended Documents**',
};

/** The heading text reduced for comparison: no markup, no trailing colon, single spaces, lower case. */
function normalized(heading: Heading): string {
  return toString(heading, { includeHtml: false })
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '')
    .trimEnd()
    .toLowerCase();
}

/** Content that may be rewritten safely: the two words, bold markers, blanks and a colon, nothing else. */
// Each `\s*` is separated from the next by a required token, so matching is linear.
const REWRITABLE = /^(?:\*\*|__)?\s*recommended\s+(?:steps|documents)\s*(?::\s*)?(?:(?:\*\*|__)\s*)?:?$/i;

/**
 * An ATX H2 line split as `^([ \t]*##)([ \t]+)(.*?)(?:[ \t]+#+)?[ \t]*$` would split it (indent and
 * `##`, blanks, content without the closing sequence), computed without backtracking.
 */
function atxParts(text: string): [string, string, string] | undefined {
  const head = /^([ \t]*##)([ \t]+)/.exec(text);
  if (!head) return undefined;
  const rest = text.slice(head[0].length);
  if (/[\n\r\u2028\u2029]/.test(rest)) return undefined;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let end = rest.length;
  while (end > 0 && blank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > 0 && blank(rest[hashes - 1])) {
    end = hashes;
    while (end > 0 && blank(rest[end - 1])) end--;
  }
  return [head[1] as string, head[2] as string, rest.slice(0, end)];
}

export const recommendedHeadings = defineRule(
  {
    id: 'recommended-headings',
    description: 'Recommended Steps and Recommended Documents headings are bold H2s in title case',
    category: 'content',
    severity: 'warning',
    fixable: true,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'The authoring templates require the two standard sections to be written exactly as',
        '`## **Recommended Steps**` and `## **Recommended Documents**` (bold H2, title case). Level-2 headings',
        'whose text is one of these names in another spelling (lower case, not bold, a trailing colon) are',
        'reported. The fix rewrites the heading when it holds nothing but the name (bold markers, blanks and a',
        'colon); a heading with more in it (`<br>`, links) is reported without a fix. Level-3 and deeper headings',
        'named "Recommended steps" are sub-sections (the templates reserve bold H2s for the two standard',
        'sections) and are not checked.',
      ].join('\n'),
      incorrect: [
        {
          title: 'Sentence case (seed 004 style)',
          source: [
            '<properties',
            '  pageTitle="Your VM was paused"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your VM was paused',
            '',
            '## **Recommended steps**',
            '',
            '* Put your VMs in an availability set.',
            '',
          ].join('\n'),
          messages: ['8:1 Write this heading as "## **Recommended Steps**"'],
          output: [
            '<properties',
            '  pageTitle="Your VM was paused"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your VM was paused',
            '',
            '## **Recommended Steps**',
            '',
            '* Put your VMs in an availability set.',
            '',
          ].join('\n'),
        },
        {
          title: 'Not bold, with a colon; and a heading with extra markup (no fix)',
          source: [
            '<properties',
            '  pageTitle="Key Vault access denied"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Key Vault access denied',
            '',
            '## Recommended documents:',
            '',
            '* [Key Vault access policies](https://learn.microsoft.com/azure/key-vault/general/assign-access-policy)',
            '',
            '## **Recommended Steps** <br>',
            '',
            'Grant the identity the "get" permission.',
            '',
          ].join('\n'),
          messages: ['8:1 Write this heading as "## **Recommended Documents**"', '12:1 Write this heading as "## **Recommended Steps**"'],
          output: [
            '<properties',
            '  pageTitle="Key Vault access denied"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Key Vault access denied',
            '',
            '## **Recommended Documents**',
            '',
            '* [Key Vault access policies](https://learn.microsoft.com/azure/key-vault/general/assign-access-policy)',
            '',
            '## **Recommended Steps** <br>',
            '',
            'Grant the identity the "get" permission.',
            '',
          ].join('\n'),
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Key Vault access denied"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Key Vault access denied',
            '',
            '## **Recommended Steps**',
            '',
            'Grant the identity the "get" permission.',
            '',
            '### Recommended steps for managed identities',
            '',
            'Assign the role to the identity.',
            '',
            '## **Recommended Documents**',
            '',
            '* [Key Vault access policies](https://learn.microsoft.com/azure/key-vault/general/assign-access-policy)',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const source = article.source;
    walk(article, (node) => {
      if (node.type !== 'heading') return;
      if (node.depth !== 2) return false;
      const canonical = CANONICAL[normalized(node)];
      const o = offsets(node);
      if (!canonical || !o) return false;
      // The heading's own line: `## content` (an ATX heading is one line; setext ones are rewritten whole).
      const text = source.slice(o[0], o[1]);
      const parts = atxParts(text);
      const atx = parts ? [text, ...parts] : undefined;
      const content = atx ? (atx[3] as string) : undefined;
      if (content === canonical) return false;
      const message = `Write this heading as "## ${canonical}"`;
      const reportRange = range(article, o[0], Math.min(o[1], lineEnd(source, o[0])));
      const rewritable = atx ? REWRITABLE.test(content ?? '') : REWRITABLE.test(toString(node, { includeHtml: true }).trim());
      if (!rewritable) {
        context.report({ message, range: reportRange });
        return false;
      }
      const indent = atx ? (atx[1] as string).slice(0, -2) : '';
      context.report({ message, range: reportRange, fix: { range: [o[0], o[1]], text: `${indent}## ${canonical}` } });
      return false;
    });
  },
);
