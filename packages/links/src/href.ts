// Splits an href as written into its RFC 3986 parts with offsets, so rules can fix one part
// in place without re-serialising (WHATWG `URL` normalises and would rewrite the author's text).

export interface HrefParts {
  /** Lower-cased scheme without `:`, or undefined for a relative reference. */
  scheme: string | undefined;
  /** The authority as written (`user@host:port`), undefined when there is no `//`. */
  authority: string | undefined;
  /** Lower-cased host name without brackets, port or user info. */
  host: string | undefined;
  /** `[start, end)` of the host name inside the href (brackets excluded). */
  hostRange: [number, number] | undefined;
  /** Whether the authority carries user info (`user:pass@`). */
  userinfo: boolean;
  path: string;
  /** `[start, end)` of the path inside the href. */
  pathRange: [number, number];
  /** Query without `?`, undefined when absent. */
  query: string | undefined;
  /** Fragment without `#`, undefined when absent. */
  fragment: string | undefined;
}

// RFC 3986 appendix B.
const URI = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

export function splitHref(href: string): HrefParts {
  const m = URI.exec(href);
  // The expression matches every string; the fallback only satisfies the type checker.
  if (!m) return { scheme: undefined, authority: undefined, host: undefined, hostRange: undefined, userinfo: false, path: href, pathRange: [0, href.length], query: undefined, fragment: undefined };
  const [, scheme, authority, path = '', query, fragment] = m;
  let offset = scheme === undefined ? 0 : scheme.length + 1;
  let host: string | undefined;
  let hostRange: [number, number] | undefined;
  let userinfo = false;
  if (authority !== undefined) {
    offset += 2;
    const at = authority.lastIndexOf('@');
    userinfo = at >= 0;
    let hostStart = at + 1;
    let hostText = authority.slice(hostStart);
    if (hostText.startsWith('[')) {
      const close = hostText.indexOf(']');
      hostText = close > 0 ? hostText.slice(1, close) : hostText.slice(1);
      hostStart += 1;
    } else {
      const colon = hostText.indexOf(':');
      if (colon >= 0) hostText = hostText.slice(0, colon);
    }
    host = hostText.toLowerCase().replace(/\.$/, '');
    hostRange = [offset + hostStart, offset + hostStart + hostText.length];
    offset += authority.length;
  }
  return {
    scheme: scheme?.toLowerCase(),
    authority,
    host,
    hostRange,
    userinfo,
    path,
    pathRange: [offset, offset + path.length],
    query,
    fragment,
  };
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostIs(host: string | undefined, domain: string): boolean {
  if (!host) return false;
  return host === domain || host.endsWith('.' + domain);
}

/** Whether `host` matches any entry: an exact host, or `*.domain` / `.domain` for a domain and its subdomains. */
export function hostInList(host: string | undefined, list: readonly string[]): boolean {
  if (!host) return false;
  for (const raw of list) {
    const entry = raw.toLowerCase();
    if (entry.startsWith('*.')) { if (hostIs(host, entry.slice(2))) return true; }
    else if (entry.startsWith('.')) { if (hostIs(host, entry.slice(1))) return true; }
    else if (host === entry) return true;
  }
  return false;
}

/** Decodes percent-escapes, leaving the text as is when it is not valid UTF-8 escapes. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
