// Gathers the external (http/https) link occurrences of parsed articles, and normalises an href
// into the URL that is actually requested.
import type { Article } from '@selfhelp/core';
import type { LinkOccurrence, RemapRule } from './types.js';

/** Every http(s) link, image and reference definition of the articles, in source order. */
export function collectOccurrences(articles: readonly Article[]): LinkOccurrence[] {
  const out: LinkOccurrence[] = [];
  for (const article of articles) {
    for (const link of article.links) {
      if (link.kind !== 'http' && link.kind !== 'https') continue;
      out.push({ path: article.path, href: link.href, range: link.hrefRange ?? link.range });
    }
  }
  return out;
}

export type Normalised = { url: URL; key: string } | { invalid: string };

/** Applies the remap rules, then parses; the fragment and any user info are removed (never sent). */
export function normaliseHref(href: string, remap: readonly { rule: RemapRule; regex: RegExp }[]): Normalised {
  let text = href.trim();
  for (const { rule, regex } of remap) {
    regex.lastIndex = 0;
    if (regex.test(text)) {
      regex.lastIndex = 0;
      text = text.replace(regex, rule.replacement);
    }
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { invalid: `"${text}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { invalid: `"${text}" is not an http(s) URL` };
  if (url.hostname === '') return { invalid: `"${text}" has no host` };
  url.hash = '';
  url.username = '';
  url.password = '';
  return { url, key: url.href };
}
