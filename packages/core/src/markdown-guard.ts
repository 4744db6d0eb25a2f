// Inputs that make the Markdown parser super-linear (or overflow its stack) are refused before
// parsing, with a diagnostic: very large bodies, deeply nested containers (block quotes, lists)
// and deeply nested brackets. Real articles are far below these limits (the largest corpus
// file is under 100 KB, nesting under 10). One linear scan.

/** Bodies longer than this (UTF-16 units) are not parsed as Markdown (override with `ParseOptions.maxMarkdownLength`). */
export const MAX_MARKDOWN_LENGTH = 512 * 1024;
/** Longest container prefix (indentation, `>`, list markers) of one line. */
export const MAX_CONTAINER_PREFIX = 200;
/** Deepest nesting of unescaped `[` within one paragraph. */
export const MAX_BRACKET_DEPTH = 200;
/**
 * Most inline delimiters (`[ ] _ * < \``) in one paragraph: micromark resolves them in time
 * quadratic in their number. The corpus's busiest paragraph has under 300.
 */
export const MAX_PARAGRAPH_DELIMITERS = 10_000;

export type GuardResult = { ok: true } | { ok: false; code: 'markdown-too-large' | 'markdown-too-deep'; message: string; offset: number };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `contentLength`: the length of the text that is not blanked out (metadata and JSON bodies excluded). */
export function checkMarkdownComplexity(text: string, maxLength = MAX_MARKDOWN_LENGTH, contentLength = text.length): GuardResult {
  if (contentLength > maxLength) {
    return { ok: false, code: 'markdown-too-large', message: `The body is longer than ${maxLength} characters; it was not parsed as Markdown.`, offset: 0 };
  }
  const n = text.length;
  let i = 0;
  let depth = 0;
  let delimiters = 0;
  while (i < n) {
    // Line prefix: blanks, `>` and list markers.
    const lineStart = i;
    let container = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 62) {
        container = true;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        container = true;
        i += 2;
      } else if (isDigit(c)) {
        let j = i;
        while (j < n && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
          container = true;
          i = j + 2;
        } else break;
      } else break;
      if (container && i - lineStart > MAX_CONTAINER_PREFIX) {
        return { ok: false, code: 'markdown-too-deep', message: `Containers (block quotes, lists) nest too deeply; the body was not parsed as Markdown.`, offset: lineStart };
      }
    }
    // Rest of the line: bracket depth (reset by a blank line, which ends a paragraph).
    const contentStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (c === 92) i++;
      else if (c === 91) {
        depth++;
        if (depth > MAX_BRACKET_DEPTH) {
          return { ok: false, code: 'markdown-too-deep', message: `Brackets nest more than ${MAX_BRACKET_DEPTH} deep; the body was not parsed as Markdown.`, offset: i };
        }
      } else if (c === 93 && depth > 0) depth--;
      if (c === 91 || c === 93 || c === 95 || c === 42 || c === 60 || c === 96) {
        delimiters++;
        if (delimiters > MAX_PARAGRAPH_DELIMITERS) {
          return { ok: false, code: 'markdown-too-deep', message: `A paragraph has more than ${MAX_PARAGRAPH_DELIMITERS} inline delimiters; the body was not parsed as Markdown.`, offset: i };
        }
      }
      i++;
    }
    if (i === contentStart) {
      depth = 0; // a blank line ends the paragraph
      delimiters = 0;
    }
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else i++;
  }
  return { ok: true };
}
