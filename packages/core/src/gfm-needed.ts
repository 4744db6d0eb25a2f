// GFM (tables, strikethrough, footnotes, task lists, literal autolinks) costs about 2.5x the plain
// CommonMark parse in micromark, and most articles use none of it. The body is parsed without GFM
// first; it is parsed again with GFM only when the source could hold a GFM block construct or a
// text node of the plain tree could hold a GFM inline one. These checks may say yes when GFM
// would change nothing (then GFM runs), never no when it would (tested on the corpus and by fuzzing).
import type { Nodes, Root } from 'mdast';

const isWordChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 95;

/** A line made only of `|`, `-`, `:`, spaces and tabs, with at least one `|` and one `-`: a table delimiter row. */
function hasDelimiterRow(text: string): boolean {
  let pipe = false, dash = false, other = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (pipe && dash && !other) return true;
      pipe = dash = other = false;
    } else if (c === 124) pipe = true;
    else if (c === 45) dash = true;
    else if (c !== 58 && c !== 32 && c !== 9) other = true;
  }
  return false;
}

/** Source-level: tables, footnotes and task list items change the block structure. */
export function mayUseGfmBlocks(text: string): boolean {
  return text.includes('[^') || text.includes('[ ]') || text.includes('[x]') || text.includes('[X]') || hasDelimiterRow(text);
}

/** `x@y` with e-mail characters on both sides: a possible literal e-mail autolink. */
function hasEmail(value: string): boolean {
  for (let i = value.indexOf('@'); i !== -1; i = value.indexOf('@', i + 1)) {
    if (i > 0 && i + 1 < value.length && isWordChar(value.charCodeAt(i - 1)) && isWordChar(value.charCodeAt(i + 1))) return true;
  }
  return false;
}

function mayUseGfmInline(value: string): boolean {
  return value.includes('~') || value.includes('http://') || value.includes('https://') || value.includes('www.') || hasEmail(value);
}

/** Tree-level: strikethrough and literal autolinks live in the text of the plain tree. */
export function mayUseGfmInText(root: Root): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'text' && mayUseGfmInline(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return false;
}
