// Splitting a relative href into path, query and fragment, and resolving it against the article.
import path from 'node:path';
import { safeDecode } from '@selfhelp/links';

export interface RelativeHref {
  /** The path as written (before `?` / `#`). */
  path: string;
  /** The fragment without `#`, undefined when absent. */
  fragment: string | undefined;
  /** Offset of the fragment's `#` inside the href. */
  fragmentStart: number;
}

export function splitRelative(href: string): RelativeHref {
  const hash = href.indexOf('#');
  const query = href.indexOf('?');
  const pathEnd = Math.min(hash === -1 ? href.length : hash, query === -1 ? href.length : query);
  return {
    path: href.slice(0, pathEnd),
    fragment: hash === -1 ? undefined : href.slice(hash + 1),
    fragmentStart: hash,
  };
}

/**
 * The root-relative path a relative link's path names from the article at `from`, or
 * `{ leaves: true }` when it climbs above the content root. Decoded (`%20` -> space).
 */
export function resolveRelative(from: string, linkPath: string): { path: string } | { leaves: true } {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from.replace(/\\/g, '/')), safeDecode(linkPath.replace(/\\/g, '/'))));
  if (joined === '..' || joined.startsWith('../')) return { leaves: true };
  return { path: joined.replace(/^\.\//, '') };
}

/** A bare domain such as `aka.ms/x` or `contoso.com/page` written without a scheme. */
export function looksLikeDomain(linkPath: string): boolean {
  const first = linkPath.split('/')[0] ?? '';
  return /^(?:[a-z0-9-]+\.)+(?:com|net|org|ms|io|cn|us|gov|edu|ly|gl|co|info|dev|app|de|uk|fr|jp|in|be)$/i.test(first);
}
