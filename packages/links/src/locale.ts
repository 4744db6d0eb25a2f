// Locale segments (`/en-us/`) in Microsoft documentation URLs: without one, the site serves the
// reader's own language; with one, every reader gets that language.
import { splitHref } from './href.js';
import { isMicrosoftDocHost } from './hosts.js';

/** `en-us`, `zh-cn`, `zh-hans`, `sr-latn-rs`, `es-419`: a BCP 47 language with a script and/or region. */
const LOCALE = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;

export function isLocaleSegment(segment: string): boolean {
  return segment.includes('-') && LOCALE.test(segment);
}

export interface LocaleSegment {
  /** The locale as written, e.g. `en-US`. */
  locale: string;
  /** `[start, end)` inside the href of `/en-us`: the slash before the segment and the segment itself, which is what a fix removes. */
  removeRange: [number, number];
}

/** The locale segment of an http(s) link to a Microsoft documentation host, if its path starts with one. */
export function findLocaleSegment(href: string): LocaleSegment | undefined {
  const parts = splitHref(href);
  if (parts.scheme !== 'https' && parts.scheme !== 'http') return undefined;
  if (!isMicrosoftDocHost(parts.host)) return undefined;
  const match = /^\/([^/]+)(?=\/|$)/.exec(parts.path);
  if (!match?.[1] || !isLocaleSegment(match[1])) return undefined;
  const start = parts.pathRange[0];
  return { locale: match[1], removeRange: [start, start + 1 + match[1].length] };
}

/** The href with its locale segment removed (unchanged when it has none). */
export function withoutLocale(href: string): string {
  const found = findLocaleSegment(href);
  if (!found) return href;
  const [start, end] = found.removeRange;
  return href.slice(0, start) + href.slice(end);
}
