// Heading anchors (`#section`, `other.md#section`) must exist in the target article.
import type { Article } from '@selfhelp/core';
import { editDistance, safeDecode } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { resolveRelative, splitRelative } from './relative-target.js';
import { ALL_KINDS, hrefPartRange, lines } from './util.js';

const header = ['<properties', '  pageTitle="Recover a stopped VM"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Recover a stopped VM', ''];

const anchorCache = new WeakMap<Article, Set<string>>();
const TAG_NAME_START = /^[A-Za-z]$/;
/** `id="x"` / `name='x'` in a tag's text. */
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*["']([^"']+)["']/i;

/** The anchors an article defines: heading slugs (GitHub / Learn rules) and explicit `id` / `name` attributes. */
export function anchorsOf(article: Article): Set<string> {
  let set = anchorCache.get(article);
  if (set) return set;
  set = new Set(article.headings.map((h) => h.slug.toLowerCase()));
  // Each tag's text (to its `>`, or the next `<` when unclosed) is searched once: linear in the source.
  const source = article.source;
  for (let i = source.indexOf('<'); i !== -1; i = source.indexOf('<', i + 1)) {
    if (!TAG_NAME_START.test(source[i + 1] ?? '')) continue;
    let end = i + 1;
    while (end < source.length && source[end] !== '<' && source[end] !== '>') end++;
    const m = ID_ATTRIBUTE.exec(source.slice(i + 1, end));
    if (m) set.add(m[1]!.toLowerCase());
  }
  anchorCache.set(article, set);
  return set;
}

function closest(anchor: string, anchors: Set<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(anchor.length / 4)) + 1;
  for (const a of anchors) {
    if (Math.abs(a.length - anchor.length) >= bestDistance) continue;
    const d = editDistance(anchor, a);
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

export const linkAnchor = defineRule(
  {
    id: 'link-anchor',
    description: 'Heading anchors in links exist in the target article',
    category: 'links',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'A fragment (`#availability-sets`) jumps to a heading. Headings get anchors by the GitHub / Learn slug',
        'rules: lower case, punctuation removed, spaces to `-`, a `-1`, `-2` suffix for repeats. Explicit',
        '`id` and `name` attributes count too. When the heading is renamed the link silently lands at the top',
        'of the page. Same-page anchors are always checked; anchors into another article when lint runs over',
        'a content root. Matching ignores case. The closest existing anchor is suggested in the message and in',
        '`data.suggestion`.',
      ),
      incorrect: [
        {
          title: 'A renamed heading',
          source: lines(...header, 'First [check the boot log](#check-boot-diagnostics).', '', '## Check the boot diagnostics', '', 'Open the boot log.', ''),
          messages: ['8:28 No heading for `#check-boot-diagnostics` in this article; did you mean `#check-the-boot-diagnostics`?'],
        },
      ],
      correct: [
        {
          title: 'Headings and an explicit anchor',
          source: lines(
            ...header,
            'First [check the boot log](#check-the-boot-diagnostics), then [redeploy](#Redeploy) or see [notes](#notes).',
            '',
            '## Check the boot diagnostics',
            '',
            '## Redeploy',
            '',
            '<a name="notes"></a>',
            'Keep the disk.',
            '',
          ),
        },
      ],
    },
  },
  (context) => {
    const { article, project } = context;
    for (const link of article.links) {
      if (link.kind !== 'anchor' && link.kind !== 'relative') continue;
      const href = link.href.trim();
      const lead = link.href.indexOf(href);
      if (href.includes('<!--')) continue;
      const parts = splitRelative(href);
      if (parts.fragment === undefined || parts.fragment === '') continue;
      let target: Article | undefined;
      let where = 'this article';
      if (parts.path === '') target = article;
      else {
        if (!project || !/\.md$/i.test(parts.path)) continue;
        const resolved = resolveRelative(context.path, parts.path);
        if ('leaves' in resolved) continue;
        const targetPath = project.resolve(context.path, parts.path) ?? resolved.path;
        target = project.article(targetPath);
        where = `\`${parts.path}\``;
      }
      if (!target) continue; // a missing file is link-relative's finding
      const anchor = safeDecode(parts.fragment).toLowerCase();
      const anchors = anchorsOf(target);
      if (anchors.has(anchor)) continue;
      const suggestion = closest(anchor, anchors);
      const range = hrefPartRange(article, link, lead + parts.fragmentStart, lead + href.length);
      context.report({
        message: `No heading for \`#${parts.fragment}\` in ${where}${suggestion ? `; did you mean \`#${suggestion}\`?` : ''}`,
        range,
        ...(suggestion ? { data: { suggestion: `#${suggestion}` } } : {}),
      });
    }
  },
);
