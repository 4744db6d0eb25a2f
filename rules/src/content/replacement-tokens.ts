// Replacement tokens `<!--$name-->default<!--/$name-->` named consistently. Balance (a marker
// without its partner) is a parse diagnostic of core; this rule covers the names: valid
// identifiers, canonical markers, the closing name equal to the opening one, one default text
// and one spelling per name, and a default that is not empty.
import type { Article } from '@selfhelp/core';
import { defineRule } from '../define.js';
import type { RuleContext } from '../api.js';
import { excerpt, offsets, range, walk } from './util.js';

interface Marker {
  close: boolean;
  name: string;
  start: number;
  end: number;
  /** Written exactly `<!--$name-->` / `<!--/$name-->`. */
  canonical: boolean;
}

interface Pair {
  name: string;
  open: Marker;
  close: Marker;
  defaultText: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `$name` or `/$name` inside a comment (blanks allowed around the parts). */
const MARKER_HEAD = /^\s*(?:(\/)\s*)?\$/;

/** Each `<!--...-->` of `html` (index and inner text), found with indexOf: linear even with many unclosed `<!--`. */
function* comments(html: string): Generator<{ index: number; inner: string; length: number }> {
  for (let i = html.indexOf('<!--'); i !== -1; ) {
    const end = html.indexOf('-->', i + 4);
    if (end === -1) return;
    yield { index: i, inner: html.slice(i + 4, end), length: end + 3 - i };
    i = html.indexOf('<!--', end + 3);
  }
}

/** Token markers of the body (in HTML nodes, so never in code or JSON), in source order. */
export function tokenMarkers(article: Article): Marker[] {
  const markers: Marker[] = [];
  walk(article, (node) => {
    if (node.type !== 'html') return undefined;
    const o = offsets(node);
    if (!o) return false;
    for (const m of comments(node.value)) {
      const inner = m.inner;
      if (inner.length > 200) continue;
      const t = MARKER_HEAD.exec(inner);
      if (!t) continue;
      const close = t[1] === '/';
      const name = inner.slice(t[0].length).trim();
      markers.push({ close, name, start: o[0] + m.index, end: o[0] + m.index + m.length, canonical: inner === `${close ? '/' : ''}$${name}` });
    }
    return false;
  });
  return markers;
}

function markerText(close: boolean, name: string): string {
  return `<!--${close ? '/' : ''}$${name}-->`;
}

function check(context: RuleContext): void {
  const { article } = context;
  const source = article.source;
  const markers = tokenMarkers(article);
  if (markers.length === 0) return;
  const report = (message: string, m: Marker, fixText?: string): void =>
    context.report({ message, range: range(article, m.start, m.end), ...(fixText !== undefined ? { fix: { range: [m.start, m.end], text: fixText } } : {}) });

  const pairs: Pair[] = [];
  const stack: Marker[] = [];
  for (const m of markers) {
    if (!IDENTIFIER.test(m.name)) {
      report(`Replacement token name "${excerpt(m.name)}" is not an identifier (letters, digits and _, not starting with a digit)`, m);
      continue;
    }
    if (!m.canonical) report(`Write the token marker as ${markerText(m.close, m.name)}`, m, markerText(m.close, m.name));
    if (!m.close) {
      stack.push(m);
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top) continue; // unopened: a parse diagnostic
    if (top.name !== m.name) {
      if (top.name.toLowerCase() !== m.name.toLowerCase()) continue; // mismatched names: a parse diagnostic
      context.report({
        message: `Closing marker "/$${m.name}" does not match the opening "$${top.name}" (line ${range(article, top.start, top.start).start.line})`,
        range: range(article, m.start, m.end),
        fix: { range: [m.start, m.end], text: markerText(true, top.name) },
      });
    }
    stack.pop();
    pairs.push({ name: top.name, open: top, close: m, defaultText: source.slice(top.end, m.start) });
  }

  const firstByName = new Map<string, Pair>();
  const firstByLower = new Map<string, Pair>();
  for (const pair of pairs) {
    const line = (p: Pair): number => range(article, p.open.start, p.open.start).start.line;
    if (pair.defaultText.trim() === '') {
      report(`Replacement token "${pair.name}" has an empty default text; it shows when the value is missing`, pair.open);
    }
    const sameLower = firstByLower.get(pair.name.toLowerCase());
    if (sameLower && sameLower.name !== pair.name) {
      report(`Replacement token "${pair.name}" is spelled "${sameLower.name}" on line ${line(sameLower)}`, pair.open);
    } else if (!sameLower) firstByLower.set(pair.name.toLowerCase(), pair);
    const same = firstByName.get(pair.name);
    if (!same) firstByName.set(pair.name, pair);
    else if (same.defaultText.trim() !== pair.defaultText.trim()) {
      report(
        `Replacement token "${pair.name}" has the default "${excerpt(pair.defaultText, 30)}" here but "${excerpt(same.defaultText, 30)}" on line ${line(same)}`,
        pair.open,
      );
    }
  }
}

export const replacementTokens = defineRule(
  {
    id: 'replacement-tokens',
    description: 'Replacement tokens are named consistently',
    category: 'content',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ['selfhelp', 'fragment'] },
    docs: {
      rationale: [
        'A replacement token `<!--$name-->default<!--/$name-->` is replaced with a value from the diagnostic; the',
        'default text shows when there is none. The parser reports markers without a partner; this rule checks',
        'the names:',
        '',
        '- a name is an identifier (letters, digits, `_`; every token in the corpus is one);',
        '- markers are written without blanks, `<!--$name-->` (fixed);',
        '- the closing name equals the opening name; when they differ only in case the closing one is rewritten;',
        '- one name has one spelling and one default text in an article;',
        '- the default text is not empty (a missing value would leave a gap in the sentence).',
      ].join('\n'),
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Your role instances restarted"',
            '  selfHelpType="rca"',
            '/>',
            '',
            '# Your role instances restarted',
            '',
            '<!--issueDescription-->',
            'Role <!--$RoleName-->RoleName<!--/$roleName--> restarted in zone <!--$zone--> <!--/$zone-->.',
            'Instance <!-- $instance -->instance<!--/$instance--> of <!--$rolename-->role<!--/$rolename--> was moved.',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
          messages: [
            '9:30 Closing marker "/$roleName" does not match the opening "$RoleName" (line 9)',
            '9:66 Replacement token "zone" has an empty default text; it shows when the value is missing',
            '10:10 Write the token marker as <!--$instance-->',
            '10:57 Replacement token "rolename" is spelled "RoleName" on line 9',
          ],
          output: [
            '<properties',
            '  pageTitle="Your role instances restarted"',
            '  selfHelpType="rca"',
            '/>',
            '',
            '# Your role instances restarted',
            '',
            '<!--issueDescription-->',
            'Role <!--$RoleName-->RoleName<!--/$RoleName--> restarted in zone <!--$zone--> <!--/$zone-->.',
            'Instance <!--$instance-->instance<!--/$instance--> of <!--$rolename-->role<!--/$rolename--> was moved.',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Your role instances restarted"',
            '  selfHelpType="rca"',
            '/>',
            '',
            '# Role <!--$RoleName-->RoleName<!--/$RoleName--> restarted',
            '',
            '<!--issueDescription-->',
            'Role <!--$RoleName-->RoleName<!--/$RoleName--> restarted at <!--$StartTime-->StartTime<!--/$StartTime--> (UTC).',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  check,
);
