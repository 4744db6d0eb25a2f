// How a browser reads a URL written in an attribute, to decide whether a link destination may be
// listed in the catalog: character references decoded (with or without `;`), leading and trailing
// C0 controls and spaces dropped, tabs and newlines removed, lower-cased.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { ACTION_PROTOCOLS, ACTION_VALUE } from './sanitize-schema.js';

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z][A-Za-z0-9]*));?/g;

function decodeReferences(value: string): string {
  return value.replace(REFERENCE, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    const decoded = decodeNamedCharacterReference(name!);
    return decoded === false ? whole : decoded;
  });
}

/** The URL as a browser's URL parser would see it (decoded repeatedly, so nested encodings are seen too). */
export function browserView(url: string): string {
  let value = url;
  for (let i = 0; i < 3 && value.includes('&'); i++) value = decodeReferences(value);
  // Trimmed by scanning: a `[...]+$` regex rescans a long run of controls from every start (quadratic).
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end).replace(/[\t\n\r]/g, '').toLowerCase();
}

/** Schemes a listed link may have; a relative or scheme-less destination is always fine. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', ...ACTION_PROTOCOLS]);

const ACTIONS = new Set<string>(ACTION_PROTOCOLS);

/**
 * True when `href` is relative or uses an allowed scheme, however it is encoded; an action link
 * (`data-blade:` ...) also needs a value that is a blade name, as in the rendered HTML.
 */
export function isListableHref(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(browserView(href));
  if (!scheme) return true;
  if (!LINK_SCHEMES.has(scheme[1]!)) return false;
  return !ACTIONS.has(scheme[1]!) || ACTION_VALUE.test(href.trim().slice(href.trim().indexOf(':') + 1).trim());
}
