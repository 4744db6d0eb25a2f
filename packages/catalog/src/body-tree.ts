// Prepares an article's mdast for rendering: drops the JSON body, splices included fragments in
// place of their `[!INCLUDE ...]`, turns replacement-token comments into marker nodes and drops
// plain comments. Works on a tree the caller owns (it is changed in place).
import { isCommentOnlyHtml } from '@selfhelp/core';
import type { Html, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

/** Any mdast parent, loosely typed: the splicing below moves nodes between parents of different kinds. */
interface AnyParent {
  type: string;
  children: Nodes[];
  position?: Nodes['position'];
}

function startOf(node: Nodes): number | undefined {
  return node.position?.start.offset;
}
function endOf(node: Nodes): number | undefined {
  return node.position?.end.offset;
}

/** Marks nodes that came from another file: their offsets do not refer to the file being edited. */
function markForeign(nodes: Nodes[]): void {
  for (const node of nodes) {
    node.data = { ...(node.data ?? {}), selfhelpForeign: true } as typeof node.data;
  }
}
function isForeign(node: Nodes): boolean {
  return (node.data as { selfhelpForeign?: boolean } | undefined)?.selfhelpForeign === true;
}

/** Removes the top-level nodes that start inside one of the [start, end) offset ranges (the JSON body). */
export function removeTopLevelRanges(tree: Root, ranges: readonly (readonly [number, number])[]): void {
  if (ranges.length === 0) return;
  tree.children = tree.children.filter((node) => {
    const s = startOf(node);
    return s === undefined || !ranges.some(([a, b]) => s >= a && s < b);
  });
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Finds the innermost parent whose children together hold [start, end), skipping spliced-in nodes. */
function locate(tree: Root, start: number, end: number): { parent: AnyParent; grand: AnyParent | undefined } | undefined {
  let parent: AnyParent = tree as AnyParent;
  let grand: AnyParent | undefined;
  for (;;) {
    const inner = parent.children.find((child) => {
      if (isForeign(child)) return false;
      const s = startOf(child);
      const e = endOf(child);
      return s !== undefined && e !== undefined && s <= start && end <= e;
    });
    if (!inner) return parent === (tree as AnyParent) ? undefined : { parent, grand };
    if (!('children' in inner)) return undefined; // inside code, inline code or raw HTML: not an include
    grand = parent;
    parent = inner as AnyParent;
  }
}

const INCLUDE_START = /\[[ \t]*(?:!|azure\.)include\b/gi;

/** Where the last `[!INCLUDE` (or `[AZURE.INCLUDE`) of `text` starts, or -1: one scan, no look-ahead over the rest. */
function lastIncludeStart(text: string): number {
  let last = -1;
  INCLUDE_START.lastIndex = 0;
  for (let m = INCLUDE_START.exec(text); m; m = INCLUDE_START.exec(text)) last = m.index;
  return last;
}

/**
 * The part of a text node before (or after) a source offset, when its value maps 1:1 onto the
 * source; otherwise cut at the include syntax. The piece keeps a position on the right side of the cut.
 */
function cutText(node: Text, offset: number, side: 'before' | 'after'): Text | undefined {
  const pos = node.position;
  if (!pos) return undefined;
  const s = pos.start.offset ?? 0;
  const e = pos.end.offset ?? 0;
  let value: string;
  if (node.value.length === e - s) value = side === 'before' ? node.value.slice(0, offset - s) : node.value.slice(offset - s);
  else if (side === 'before') {
    const at = lastIncludeStart(node.value);
    value = at >= 0 ? node.value.slice(0, at) : node.value;
  } else {
    const at = node.value.indexOf(']');
    value = at >= 0 ? node.value.slice(at + 1) : node.value;
  }
  if (value === '') return undefined;
  const position = side === 'before' ? { start: pos.start, end: { ...pos.start, offset } } : { start: { ...pos.end, offset }, end: pos.end };
  return { type: 'text', value, position };
}

/** The phrasing content of `children` outside [start, end). */
function splitPhrasing(children: Nodes[], start: number, end: number): { before: Nodes[]; after: Nodes[] } {
  const before: Nodes[] = [];
  const after: Nodes[] = [];
  for (const child of children) {
    const s = startOf(child);
    const e = endOf(child);
    if (isForeign(child) || s === undefined || e === undefined) {
      (s !== undefined && s >= end ? after : before).push(child);
      continue;
    }
    if (e <= start) before.push(child);
    else if (s >= end) after.push(child);
    else if (child.type === 'text') {
      if (s < start) {
        const cut = cutText(child, start, 'before');
        if (cut) before.push(cut);
      }
      if (e > end) {
        const cut = cutText(child, end, 'after');
        if (cut) after.push(cut);
      }
    }
    // Anything else overlapping the include (its inner `[title](path)` link) is the include itself.
  }
  return { before, after };
}

/** True when the include at [start, end) has nothing else on its line but list or quote markers. */
export function isOwnLine(source: string, start: number, end: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = source.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = source.length;
  return /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/.test(source.slice(lineStart, start)) && source.slice(end, lineEnd).trim() === '';
}

function isBlank(nodes: Nodes[]): boolean {
  return nodes.every((n) => n.type === 'text' && n.value.trim() === '');
}

/** `value` without its trailing blanks and the line break before them (as `/\n?[ \t]*$/`, by scanning: linear). */
function withoutTrailingBlankLine(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--;
  if (end > 0 && value[end - 1] === '\n') end--;
  return value.slice(0, end);
}

function trimEdges(nodes: Nodes[]): Nodes[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^[ \t]*\n?/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: withoutTrailingBlankLine(last.value) };
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

export type SpliceResult = 'ok' | 'not-found' | 'misplaced';

/**
 * Replaces the include written at source [start, end) with `fragment` (the fragment's block
 * nodes). An include alone on its line (list and quote markers aside) puts the fragment's blocks in
 * place of its paragraph; one inside running text merges a one-paragraph fragment inline. Call it
 * for a file's includes in reverse source order, so the offsets of the ones left stay valid.
 */
export function spliceInclude(tree: Root, start: number, end: number, fragment: RootContent[], ownLine: boolean): SpliceResult {
  const found = locate(tree, start, end);
  if (!found) return 'not-found';
  const { parent, grand } = found;
  markForeign(fragment as Nodes[]);
  const { before, after } = splitPhrasing(parent.children, start, end);
  const single = fragment.length === 1 && fragment[0]?.type === 'paragraph' ? (fragment[0] as Paragraph) : undefined;
  if (single && (!ownLine || parent.type !== 'paragraph')) {
    const children = single.children as Nodes[];
    markForeign(children);
    parent.children = [...before, ...children, ...after];
    return 'ok';
  }
  if (fragment.length === 0 && parent.type !== 'paragraph') {
    parent.children = [...before, ...after];
    return 'ok';
  }
  if (parent.type !== 'paragraph' || !grand) return PHRASING_PARENTS.has(parent.type) ? 'misplaced' : 'not-found';
  const replacement: Nodes[] = [];
  const head = trimEdges(before);
  if (!isBlank(head)) replacement.push({ ...(parent as Paragraph), children: head as PhrasingContent[] });
  replacement.push(...(fragment as Nodes[]));
  const tail = trimEdges(after);
  if (!isBlank(tail)) {
    replacement.push({ type: 'paragraph', children: tail as PhrasingContent[] });
  }
  const index = grand.children.indexOf(parent as unknown as Nodes);
  grand.children.splice(index, 1, ...replacement);
  return 'ok';
}

const TOKEN_OPEN = /^<!--\s*\$([A-Za-z0-9_.-]+)\s*-->$/;
const TOKEN_CLOSE = /^<!--\s*\/\s*\$([A-Za-z0-9_.-]+)\s*-->$/;
/** The same markers, matched where a `<!--` starts (sticky). A marker holds no `>`, so it ends at the first `-->`. */
const OPEN_AT = /<!--\s*\$([A-Za-z0-9_.-]+)\s*-->/y;
const CLOSE_AT = /<!--\s*\/\s*\$([A-Za-z0-9_.-]+)\s*-->/y;


/** The marker (open or close) that starts at `at`, if any. */
function markerAt(re: RegExp, html: string, at: number): { name: string; end: number } | undefined {
  re.lastIndex = at;
  const m = re.exec(html);
  return m ? { name: m[1]!, end: at + m[0].length } : undefined;
}

/**
 * Token pairs inside raw HTML, `<!--$name-->default<!--/$name-->`, become
 * `<span data-token="name">default</span>`: each open marker pairs with the nearest following close
 * marker of its name (as a lazy regex with a back-reference would, without its polynomial backtracking).
 */
function markTokenPairs(html: string): string {
  const opens: { start: number; end: number; name: string }[] = [];
  const closes = new Map<string, { start: number; end: number }[]>();
  for (let i = html.indexOf('<!--'); i !== -1; i = html.indexOf('<!--', i + 1)) {
    const open = markerAt(OPEN_AT, html, i);
    if (open) opens.push({ start: i, end: open.end, name: open.name });
    const close = markerAt(CLOSE_AT, html, i);
    if (close) {
      let list = closes.get(close.name);
      if (!list) closes.set(close.name, (list = []));
      list.push({ start: i, end: close.end });
    }
  }
  let out = '';
  let last = 0;
  for (const open of opens) {
    if (open.start < last) continue;
    const list = closes.get(open.name);
    if (!list) continue;
    // The first close of that name that starts at or after the open marker's end (binary search).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < open.end) lo = mid + 1;
      else hi = mid;
    }
    const close = list[lo];
    if (!close) continue;
    out += `${html.slice(last, open.start)}<span data-token="${open.name}">${html.slice(open.end, close.start)}</span>`;
    last = close.end;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** The mdast node a replacement token becomes: `<span data-token="name">default</span>`. */
function tokenNode(name: string, children: Nodes[]): Nodes {
  return {
    type: 'selfhelpToken',
    data: { hName: 'span', hProperties: { dataToken: name } },
    children,
  } as unknown as Nodes;
}

/**
 * Replacement tokens become marker spans; comments are dropped. A token written as inline HTML
 * comments around text is wrapped in place; one inside a raw HTML block is rewritten in the HTML
 * (its name is restricted to `[A-Za-z0-9_.-]`, so it needs no escaping).
 */
export function markTokensAndDropComments(tree: Root): void {
  const walk = (parent: AnyParent): void => {
    const out: Nodes[] = [];
    const kids = parent.children;
    for (let i = 0; i < kids.length; i++) {
      const node = kids[i]!;
      if (node.type === 'html') {
        const open = TOKEN_OPEN.exec(node.value);
        if (open) {
          const name = open[1]!;
          const closeAt = kids.findIndex((k, j) => j > i && k.type === 'html' && TOKEN_CLOSE.exec((k as Html).value)?.[1] === name);
          if (closeAt > i) {
            const inner = kids.slice(i + 1, closeAt);
            const wrapper = tokenNode(name, inner);
            walk(wrapper as AnyParent);
            out.push(wrapper);
            i = closeAt;
            continue;
          }
        }
        if (isCommentOnlyHtml(node.value)) continue;
        if (node.value.includes('<!--')) {
          out.push({ ...node, value: markTokenPairs(node.value) });
          continue;
        }
        out.push(node);
        continue;
      }
      if ('children' in node) walk(node as AnyParent);
      out.push(node);
    }
    parent.children = out;
  };
  walk(tree as AnyParent);
}
