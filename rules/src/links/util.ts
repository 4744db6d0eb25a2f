// Shared helpers of the link rules: source ranges inside a link's destination, the article's clouds.
import { getMeta, LineIndex, type Article, type Link, type Range } from '@selfhelp/core';
import { parseCloudList, type CloudName } from '@selfhelp/links';

const indexes = new WeakMap<Article, LineIndex>();

/** The range of `[start, end)` offsets in the article. */
export function rangeOf(article: Article, start: number, end: number): Range {
  let index = indexes.get(article);
  if (!index) {
    index = new LineIndex(article.source);
    indexes.set(article, index);
  }
  return index.range(start, end);
}

/**
 * The source offset where the link's href starts, when the href is written verbatim there
 * (not for HTML attributes with entities, or reference links without a known destination).
 */
export function hrefStart(article: Article, link: Link): number | undefined {
  const r = link.hrefRange;
  if (!r) return undefined;
  return article.source.slice(r.start.offset, r.end.offset) === link.href ? r.start.offset : undefined;
}

/** The source range of `[start, end)` inside the href, or the destination's (else the link's) range when the href is not verbatim. */
export function hrefPartRange(article: Article, link: Link, start: number, end: number): Range {
  const at = hrefStart(article, link);
  if (at === undefined) return link.hrefRange ?? link.range;
  return rangeOf(article, at + start, at + end);
}

/** A fix replacing `[start, end)` inside the href, when the href is written verbatim. */
export function hrefFix(article: Article, link: Link, start: number, end: number, text: string): { range: [number, number]; text: string } | undefined {
  const at = hrefStart(article, link);
  return at === undefined ? undefined : { range: [at + start, at + end], text };
}

/** The destination's range, or the whole link's. */
export function hrefRange(link: Link): Range {
  return link.hrefRange ?? link.range;
}

/** The clouds of a self-help article's `cloudEnvironments`, or undefined when it has none (Learn articles, fragments). */
export function articleClouds(article: Article): CloudName[] | undefined {
  const field = getMeta(article, 'cloudEnvironments');
  if (!field) return undefined;
  const clouds = parseCloudList(field.value);
  return clouds.length > 0 ? clouds : undefined;
}

/** The http(s) links of the article. */
export function webLinks(article: Article): Link[] {
  return article.links.filter((l) => l.kind === 'https' || l.kind === 'http');
}

/** Reads a string-list option, ignoring anything else. */
export function stringList(options: unknown, key: string): string[] {
  const value = (options as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Renders an article for examples: lines joined with `\n`. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export const ALL_KINDS: ('selfhelp' | 'learn' | 'fragment')[] = ['selfhelp', 'learn', 'fragment'];
