// Reading an article file's bytes as text. UTF-8 is the articles' encoding (a UTF-8 BOM is kept
// as U+FEFF, which parseArticle records in `bom`); a file that starts with a UTF-16 byte order
// mark (LE or BE) is decoded as UTF-16, since that mark says so unambiguously. Anything else is
// read as UTF-8 with invalid sequences replaced by U+FFFD, which parseArticle reports
// (`encoding-invalid`), as it reports NUL characters (`binary-content`).
import { readFileSync } from 'node:fs';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes announce: a UTF-16 byte order mark, else UTF-8. */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes a file's bytes (see the module comment). Never throws. */
export function decodeText(bytes: Uint8Array): string {
  const encoding = sniffEncoding(bytes);
  if (encoding === 'utf-8') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // The BOM is consumed; an odd trailing byte becomes U+FFFD.
  return new TextDecoder(encoding).decode(bytes);
}

/** Reads a file as text with `decodeText`. Throws as `readFileSync` does (missing, unreadable). */
export function readTextFile(path: string): string {
  return decodeText(readFileSync(path));
}
