// Host lists the offline rules and the checker share. Entries are exact hosts, or `*.domain`
// for a domain and all its subdomains (see `hostInList`).
import { hostInList, hostIs } from './href.js';

/** Microsoft documentation and product sites whose first path segment may be a locale (`/en-us/`). */
export const MICROSOFT_DOC_HOSTS: readonly string[] = [
  'learn.microsoft.com',
  'docs.microsoft.com',
  'azure.microsoft.com',
  'www.microsoft.com',
  'support.microsoft.com',
  'partner.microsoft.com',
  'msdn.microsoft.com',
  'technet.microsoft.com',
  'docs.azure.cn',
  'review.learn.microsoft.com',
  'review.docs.microsoft.com',
];

/** Staging hosts that only authenticated Microsoft staff can open. */
export const REVIEW_HOSTS: readonly string[] = [
  'review.docs.microsoft.com',
  'review.learn.microsoft.com',
  '*.review.docs.microsoft.com',
  '*.review.learn.microsoft.com',
];

/** Link shorteners and opaque redirectors: the reader cannot see where they lead, and the target can change. */
export const SHORTENER_HOSTS: readonly string[] = [
  'aka.ms',
  'bit.ly',
  'bitly.com',
  'buff.ly',
  'cutt.ly',
  'goo.gl',
  'is.gd',
  'ow.ly',
  'rb.gy',
  'rebrand.ly',
  'shorturl.at',
  't.co',
  't.ly',
  'tiny.cc',
  'tinyurl.com',
];

/**
 * Hosts known to serve the same content over HTTPS, so an `http:` link to them can be upgraded
 * without a network check. Kept to sites that have served HTTPS for years.
 */
export const HTTPS_HOSTS: readonly string[] = [
  '*.microsoft.com',
  'aka.ms',
  '*.azure.com',
  '*.azure.cn',
  '*.azure.net',
  '*.windowsazure.com',
  '*.visualstudio.com',
  '*.office.com',
  '*.live.com',
  '*.msdn.com',
  '*.technet.com',
  '*.github.com',
  '*.github.io',
  '*.stackoverflow.com',
  '*.youtube.com',
  'youtu.be',
  '*.wikipedia.org',
  '*.nuget.org',
  '*.npmjs.com',
  '*.kubernetes.io',
  '*.apache.org',
];

export function isMicrosoftDocHost(host: string | undefined): boolean {
  return hostInList(host, MICROSOFT_DOC_HOSTS);
}

export function isReviewHost(host: string | undefined): boolean {
  return hostInList(host, REVIEW_HOSTS);
}

export function isShortener(host: string | undefined): boolean {
  return hostInList(host, SHORTENER_HOSTS);
}

export function isKnownHttpsHost(host: string | undefined, extra: readonly string[] = []): boolean {
  return hostInList(host, HTTPS_HOSTS) || hostInList(host, extra);
}

/** `docs.microsoft.com` (and `www.` form) moved to `learn.microsoft.com`; the review host moved likewise. */
export function learnHostFor(host: string | undefined): string | undefined {
  if (host === 'docs.microsoft.com' || host === 'www.docs.microsoft.com') return 'learn.microsoft.com';
  if (host === 'review.docs.microsoft.com') return 'review.learn.microsoft.com';
  return undefined;
}

export { hostIs, hostInList };
