// Types of the HTTP checker's options and results (type-only: importing this module costs nothing).
import type { Range } from '@selfhelp/core';

/** A resolver: host name -> addresses, like `dns.promises.lookup(host, { all: true })`. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface RemapRule {
  /** A regular expression (JavaScript syntax) matched against the URL. */
  pattern: string;
  /** The replacement; `$1`... refer to the pattern's groups. */
  replacement: string;
}

export interface CheckerOptions {
  /** Requests in flight at once, over all hosts. Default 32. */
  concurrency: number;
  /** Requests in flight at once to one host. Default 8. */
  perHostConcurrency: number;
  /** Minimum milliseconds between the starts of two requests to one host. Default 0. */
  perHostInterval: number;
  /** Milliseconds for one request (connect, headers and body). Default 15000. */
  timeout: number;
  /** Retries after a timeout, a network error, 429, 502, 503 or 504. Default 2. */
  retries: number;
  /** First backoff delay in milliseconds; doubles per retry, with jitter. Default 1000. */
  retryDelay: number;
  /** Longest wait for one retry, including a `Retry-After`; a longer `Retry-After` ends the retries. Default 60000. */
  maxRetryDelay: number;
  /** Redirects followed before giving up. Default 10. */
  maxRedirects: number;
  /** Status codes that count as working, e.g. `[200, 204, "200-299"]`. Default 200-299. */
  accept: (number | string)[];
  /** Hosts (`example.com`, `*.example.com`) that answer HEAD wrongly and are asked with GET right away. */
  getOnlyHosts: string[];
  /** Regular expressions: matching URLs are not checked. */
  exclude: string[];
  /** Rewrites applied to each URL before checking, in order (all matching rules apply). */
  remap: RemapRule[];
  /** Cache file path, or false for no cache. Default `.selfhelp/links-cache.json` under the working directory (set by the CLI). */
  cache: string | false;
  /** Seconds a cached result stays valid. Default 86400 (one day). */
  maxAge: number;
  /** Check nothing over the network: report cached results only. */
  offline: boolean;
  /** Allow loopback, private, link-local and unique-local addresses (tests, intranets). Default false. */
  allowPrivate: boolean;
  /** Single addresses or CIDR ranges allowed even when `allowPrivate` is false (e.g. `"10.1.0.0/16"`). */
  allowAddresses: string[];
  /** The User-Agent header. */
  userAgent: string;
  /** Injected DNS resolver (tests); defaults to the system resolver (`dns.lookup`). */
  resolver?: Resolver;
  /** Random source for jitter (tests); defaults to Math.random. */
  random?: () => number;
}

export type UrlStatus =
  /** Answered with an accepted status, possibly after temporary redirects. */
  | 'ok'
  /** A permanent redirect (301, 308) leads to a working URL: `suggestion` holds it. */
  | 'redirected'
  /** Answered with a status that is not accepted (404, 410, 500...). */
  | 'broken'
  /** Redirect loop, too many redirects, or a redirect to a non-HTTP URL. */
  | 'redirect-error'
  /** No answer within the timeout. */
  | 'timeout'
  /** DNS failure, connection refused or reset, TLS error. */
  | 'network-error'
  /** The safety guard refused the address. */
  | 'refused'
  /** Matched an exclude pattern. */
  | 'excluded'
  /** Not a valid http(s) URL (after remapping). */
  | 'invalid'
  /** `--offline` and no fresh cache entry. */
  | 'unchecked';

export interface UrlResult {
  /** The URL checked (after remapping, fragment removed). */
  url: string;
  status: UrlStatus;
  /** The last HTTP status received, if any. */
  httpStatus?: number;
  /** Where the redirects ended. */
  finalUrl?: string;
  /** For `redirected`: the URL to use instead (the permanent target, with the link's fragment kept by the caller). */
  suggestion?: string;
  /** One line for people. */
  message: string;
  /** When the result was obtained (epoch ms). */
  checkedAt: number;
  /** True when it came from the cache. */
  cached?: boolean;
}

/** One place a URL is written. */
export interface LinkOccurrence {
  /** The article's path as given. */
  path: string;
  /** The href as written. */
  href: string;
  /** Where the destination is written (or the whole link when unknown). */
  range: Range;
}

export interface OccurrenceResult {
  occurrence: LinkOccurrence;
  result: UrlResult;
}

export interface CheckStats {
  /** Distinct URLs after remapping and fragment removal. */
  urls: number;
  /** Answered from the cache. */
  cached: number;
  /** HTTP requests actually sent (every attempt, every redirect hop). */
  requests: number;
  excluded: number;
}

export interface CheckReport {
  /** Every occurrence with the result of its URL, in input order. */
  occurrences: OccurrenceResult[];
  /** Distinct URL -> result. */
  results: Map<string, UrlResult>;
  stats: CheckStats;
}
