// Source text as the catalog sees it: BOM removed and every line ending turned into `\n`, so a
// CRLF checkout and an LF checkout hash, render and position identically.
import { createHash } from 'node:crypto';

/** Removes a leading BOM and turns `\r\n` and lone `\r` into `\n`. */
export function normalizeSource(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/** `sha256:<hex>` of the UTF-8 bytes of the given parts, each preceded by its length so parts cannot run together. */
export function hashParts(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part, 'utf8')}:`);
    hash.update(part, 'utf8');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Plain code-unit order: the same on every machine and locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
