// Platform words: a link whose text names one platform (Windows) while its URL points at the
// other platform's page (`/linux/`) sends readers to the wrong instructions.
import { splitHref, safeDecode } from './href.js';

export type Platform = 'windows' | 'linux';

const WORDS: { platform: Platform; pattern: RegExp }[] = [
  // "windows" in lower case is too often the ordinary word (browser windows); the OS is capitalised.
  { platform: 'windows', pattern: /\b(?:Windows|WINDOWS)\b/ },
  { platform: 'linux', pattern: /\blinux\b/i },
];

/** The platforms a link text names. */
export function platformsInText(text: string): Platform[] {
  return WORDS.filter((w) => w.pattern.test(text)).map((w) => w.platform);
}

/**
 * The platform a link's path points at: a path segment that is exactly `windows` or `linux`
 * (`/azure/virtual-machines/linux/...`, `../windows/x.md`). For absolute URLs the first path
 * segment is a product name (`learn.microsoft.com/windows/...` is the Windows documentation set,
 * `learn.microsoft.com/en-us/linux/...`), not a platform split, so it is skipped together with
 * a locale segment. Undefined when the path names neither or both.
 */
export function platformOfHref(href: string): Platform | undefined {
  const parts = splitHref(href);
  let segments = safeDecode(parts.path).toLowerCase().split('/').filter(Boolean);
  if (parts.authority !== undefined) {
    if (segments[0] && /^[a-z]{2,3}-[a-z0-9-]+$/.test(segments[0])) segments = segments.slice(1);
    segments = segments.slice(1);
  }
  const found = new Set<Platform>();
  for (const s of segments) if (s === 'windows' || s === 'linux') found.add(s);
  return found.size === 1 ? [...found][0] : undefined;
}

/** The mismatch between a link's text and its URL, if the text names exactly one platform and the URL the other. */
export function platformMismatch(text: string, href: string): { text: Platform; url: Platform } | undefined {
  const named = platformsInText(text);
  if (named.length !== 1) return undefined;
  const url = platformOfHref(href);
  if (!url || url === named[0]) return undefined;
  return { text: named[0]!, url };
}

export const PLATFORM_LABEL: Record<Platform, string> = { windows: 'Windows', linux: 'Linux' };
