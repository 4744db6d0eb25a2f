// Leftover author comments: notes to co-authors and reviewers (`<!-- sooooo, what should they
// do? -->`, seed 001) that were meant to go before publishing. Comments that are markup for a
// machine (section markers, lint directives), the templates' own guidance, and commented-out
// content are legitimate.
import { defineRule } from '../define.js';
import { excerpt } from './util.js';

/** Section markers and similar machine-read comments: one word, optionally closing (`/salutation`). */
const MARKER = /^\/?[A-Za-z][\w.:-]*$/;
/** Replacement-token markers, even malformed ones (left to replacement-tokens). */
const TOKEN = /^\/?\s*\$/;
/** Directives of selfhelp and of the usual Markdown tools. */
const DIRECTIVE = /^(?:selfhelp-(?:disable|enable)|markdownlint-|prettier-ignore|cspell:|spell-checker:|vale\s|textlint-|docutune:|no-loc\b)/i;
/** Commented-out content: a URL, or Markdown/HTML block syntax at the start. */
const CONTENT = /^(?:https?:\/\/\S+$|#{1,6}\s|!?\[|<[A-Za-z/]|\|)/;
/** Always a note to someone, whatever its length. */
const NOTE_WORDS = /\b(?:TODO|FIXME|TBD|XXX)\b/;
/**
 * How the authoring templates' own guidance comments begin (lower case). They explain the
 * template to the author, render nothing and are harmless when left in.
 */
const TEMPLATE_GUIDANCE = [
  'h1 title is required',
  'h1s will not be displayed',
  'required h2 title',
  'clearly state the specific issue',
  'next is the body',
  'the body contains the main content',
  'use procedures when',
  'insight diagnostics available',
  'for information about each property',
  '**directions:**',
  'this is the format to include',
  'title is required',
  'level 3 heading required',
  'include links that aren',
  'you can also use markdown syntax',
];

export type CommentKind = 'marker' | 'token' | 'directive' | 'content' | 'template' | 'label' | 'note';

/** What a comment is, from its inner text and whether it was written `<!--- ... -->` (the docs convention for notes). */
export function classifyComment(inner: string, tripleDash: boolean): CommentKind {
  const text = inner.replace(/\s+/g, ' ').trim();
  if (TOKEN.test(text)) return 'token';
  if (text === '') return 'marker';
  if (tripleDash) return 'note';
  if (NOTE_WORDS.test(text)) return 'note';
  if (MARKER.test(text)) return 'marker';
  if (DIRECTIVE.test(text)) return 'directive';
  if (CONTENT.test(text)) return 'content';
  const lower = text.toLowerCase();
  if (TEMPLATE_GUIDANCE.some((start) => lower.startsWith(start))) return 'template';
  // A short label such as "Image references": up to three words, no sentence punctuation.
  if (text.split(' ').length <= 3 && !/[?!.,;]/.test(text)) return 'label';
  return 'note';
}

export const noAuthorComment = defineRule(
  {
    id: 'no-author-comment',
    description: 'No leftover notes to authors in HTML comments',
    category: 'content',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: {
      rationale: [
        'HTML comments are not rendered, but notes to co-authors and reviewers ("sooooo, what should they do?",',
        '"DeWitt suggested this link but I can\'t find it") are unfinished work that ships with the article and',
        'is visible in the source the portal serves. A comment is reported when it reads like a note:',
        'written `<!--- ... -->` (the docs convention for author notes), containing TODO, FIXME, TBD or XXX, or',
        'free text of more than three words or with sentence punctuation.',
        '',
        'Not reported: issueDescription and replacement-token markers, one-word section markers',
        '(`<!--rcaDescription-->`, `<!--/salutation-->`), `selfhelp-disable` and other tool directives',
        '(markdownlint, prettier, cSpell, Vale), commented-out content (a URL, a heading, a link, HTML), short labels',
        '(up to three words, no punctuation), and the authoring templates\' own guidance comments such as',
        '"H1 title is required and is used only internally".',
      ].join('\n'),
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Pause a VM for maintenance"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Pause a VM for maintenance',
            '',
            'The VM pauses for about 30 seconds. <!-- so what do customers do here? -->',
            '',
            '<!--- Reviewed with the host team in May -->',
            '',
          ].join('\n'),
          messages: [
            '8:37 Leftover author comment "so what do customers do here?"; remove it before publishing',
            '10:1 Leftover author comment "Reviewed with the host team in May"; remove it before publishing',
          ],
        },
        {
          title: 'Learn articles too',
          source: ['---', 'title: Pause a VM', '---', '', '# Pause a VM', '', '<!-- TODO: screenshot -->', ''].join('\n'),
          messages: ['7:1 Leftover author comment "TODO: screenshot"; remove it before publishing'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Your VM restarted"',
            '  selfHelpType="rca"',
            '/>',
            '<!-- H1 title is required and is used only internally -->',
            '# Your VM restarted',
            '',
            '<!--rcaDescription-->',
            'The host of <!--$vmName-->vmName<!--/$vmName--> was repaired.',
            '<!--/rcaDescription-->',
            '',
            '<!-- selfhelp-disable-next-line no-table -->',
            '<!-- [Old troubleshooter](https://learn.microsoft.com/troubleshoot/azure/virtual-machines/welcome-virtual-machines) -->',
            '<!-- Image references -->',
            '',
          ].join('\n'),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    for (const comment of article.comments) {
      const start = comment.range.start.offset;
      const triple = article.source.startsWith('<!---', start);
      const inner = triple ? comment.text.replace(/^-/, '') : comment.text;
      if (classifyComment(inner, triple) !== 'note') continue;
      context.report({
        message: `Leftover author comment "${excerpt(inner)}"; remove it before publishing`,
        range: comment.range,
      });
    }
  },
);
