// Every link and image: Markdown links, images and resolved references (with the destination's
// exact range), HTML `<a href>` / `<img src>`, and `[text] (url)` (a space before the
// parenthesis, which Markdown does not read as a link), found in text with a linear scan.
import type { Definition, Nodes } from 'mdast';
import { toString } from './vendor/markdown.js';
import type { LineIndex } from './line-index.js';
import { classifyHref } from './link-kind.js';
import type { CollectedNodes } from './markdown.js';
import type { Link, Range } from './types.js';

type Span = [number, number];

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Scans a link destination at `i` (after blanks): `<...>` or a run without blanks, parentheses balanced. */
function scanDestination(source: string, i: number, limit: number): Span | undefined {
  while (i < limit && isWs(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === 60 /* < */) {
    let j = i + 1;
    while (j < limit) {
      const c = source.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 62) return [i + 1, j];
      else if (c === 10 || c === 13) return undefined;
      else j++;
    }
    return undefined;
  }
  let depth = 0;
  let j = i;
  while (j < limit) {
    const c = source.charCodeAt(j);
    if (c === 92 && j + 1 < limit) {
      j += 2;
      continue;
    }
    if (isWs(c)) break;
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  return [i, j];
}

/** From `[` at `open`, the index of its matching `]` (escapes skipped), or -1. */
function matchBracket(source: string, open: number, limit: number): number {
  let depth = 0;
  for (let j = open; j < limit; j++) {
    const c = source.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 91) depth++;
    else if (c === 93) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function offsets(node: Nodes): Span | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

function makeLink(href: string, text: string, image: boolean, range: Range, hrefRange: Range | undefined, origin: Link['origin'], classifyAs = href): Link {
  const { kind, problem } = classifyHref(classifyAs);
  const link: Link = { kind, href, text, image, range, origin };
  if (hrefRange) link.hrefRange = hrefRange;
  if (problem) link.problem = problem;
  return link;
}

function definitionDestination(source: string, def: Definition): Span | undefined {
  const span = offsets(def);
  if (!span) return undefined;
  const open = source.indexOf('[', span[0]);
  if (open === -1 || open >= span[1]) return undefined;
  const close = matchBracket(source, open, span[1]);
  if (close === -1 || source.charCodeAt(close + 1) !== 58 /* : */) return undefined;
  return scanDestination(source, close + 2, span[1]);
}

function markdownLinks(source: string, nodes: CollectedNodes, lines: LineIndex, out: Link[]): void {
  const definitions = new Map<string, Definition>();
  for (const def of nodes.definitions) if (!definitions.has(def.identifier)) definitions.set(def.identifier, def);
  for (const node of nodes.links) {
    const span = offsets(node);
    if (!span) continue;
    const [start, end] = span;
    const range = lines.range(start, end);
    const image = node.type === 'image' || node.type === 'imageReference';
    const text = node.type === 'image' || node.type === 'imageReference' ? (node.alt ?? '') : toString(node);
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const def = definitions.get(node.identifier);
      if (!def) continue;
      const dest = definitionDestination(source, def);
      const href = dest ? source.slice(dest[0], dest[1]) : def.url;
      out.push(makeLink(href, text, image, range, dest ? lines.range(dest[0], dest[1]) : undefined, 'reference'));
      continue;
    }
    const first = source.charCodeAt(start);
    if (node.type === 'link' && first === 60 /* < autolink */) {
      // `<a@b.c>` is an email autolink: its kind comes from the resolved `mailto:` URL.
      out.push(makeLink(source.slice(start + 1, end - 1), text, false, range, lines.range(start + 1, end - 1), 'markdown', node.url));
      continue;
    }
    if (node.type === 'link' && first !== 91 /* GFM literal autolink */) {
      out.push(makeLink(node.url, text, false, range, lines.range(start, end), 'markdown'));
      continue;
    }
    // `[text](dest "title")` / `![alt](dest)`: find the `]` that ends the text, then the destination.
    const open = image ? start + 1 : start;
    let close = -1;
    const children = node.type === 'link' ? node.children : [];
    const last = children[children.length - 1];
    const lastEnd = last?.position?.end.offset;
    if (lastEnd !== undefined && source.charCodeAt(lastEnd) === 93) close = lastEnd;
    else close = matchBracket(source, open, end);
    let dest: Span | undefined;
    if (close !== -1 && source.charCodeAt(close + 1) === 40 /* ( */) dest = scanDestination(source, close + 2, end);
    const href = dest ? source.slice(dest[0], dest[1]) : node.url;
    out.push(makeLink(href, text, image, range, dest ? lines.range(dest[0], dest[1]) : undefined, 'markdown'));
  }
}

/** Reads the attributes of an HTML start tag from `i` (after its name) to `>`; linear. */
function tagAttributes(source: string, i: number, limit: number): { attrs: Map<string, Span>; end: number } {
  const attrs = new Map<string, Span>();
  while (i < limit) {
    while (i < limit && isWs(source.charCodeAt(i))) i++;
    const c = source.charCodeAt(i);
    if (c === 62) return { attrs, end: i + 1 };
    if (c === 47) {
      i++;
      continue;
    }
    const ns = i;
    while (i < limit) {
      const d = source.charCodeAt(i);
      if (isWs(d) || d === 61 || d === 62 || d === 47) break;
      i++;
    }
    if (i === ns) i++;
    const name = source.slice(ns, i).toLowerCase();
    while (i < limit && isWs(source.charCodeAt(i))) i++;
    if (source.charCodeAt(i) !== 61) continue;
    i++;
    while (i < limit && isWs(source.charCodeAt(i))) i++;
    const q = source.charCodeAt(i);
    let vs: number;
    let ve: number;
    if (q === 34 || q === 39) {
      vs = i + 1;
      ve = vs;
      while (ve < limit && source.charCodeAt(ve) !== q) ve++;
      if (ve >= limit) return { attrs, end: limit };
      i = ve + 1;
    } else {
      vs = i;
      while (i < limit && !isWs(source.charCodeAt(i)) && source.charCodeAt(i) !== 62) i++;
      ve = i;
    }
    if (!attrs.has(name)) attrs.set(name, [vs, ve]);
  }
  return { attrs, end: limit };
}

function stripTags(html: string): string {
  return html.replace(/<[^<>]*>/g, '').replace(/\s+/g, ' ').trim();
}

function htmlLinks(source: string, nodes: CollectedNodes, lines: LineIndex, out: Link[]): void {
  for (const node of nodes.html) {
    const span = offsets(node);
    if (!span) continue;
    const [from, limit] = span;
    let i = source.indexOf('<', from);
    while (i !== -1 && i < limit) {
      if (source.startsWith('<!--', i)) {
        const rel = source.slice(i + 4, limit).indexOf('-->');
        if (rel === -1) break;
        i = source.indexOf('<', i + 4 + rel + 3);
        continue;
      }
      const name = /^<(a|img)(?=[\s/>])/i.exec(source.slice(i, i + 5));
      if (!name) {
        i = source.indexOf('<', i + 1);
        continue;
      }
      const tag = (name[1] as string).toLowerCase();
      const { attrs, end } = tagAttributes(source, i + 1 + tag.length, limit);
      const hrefSpan = attrs.get(tag === 'a' ? 'href' : 'src');
      if (hrefSpan) {
        const href = source.slice(hrefSpan[0], hrefSpan[1]);
        let text = '';
        let rangeEnd = end;
        if (tag === 'img') {
          const alt = attrs.get('alt');
          text = alt ? source.slice(alt[0], alt[1]) : '';
        } else {
          // The link text runs to `</a>`, usually in a later html node of the same paragraph.
          const after = source.slice(end, Math.min(source.length, end + 2000));
          const m = /<\/a\s*>/i.exec(after);
          if (m) {
            text = stripTags(after.slice(0, m.index));
            rangeEnd = end + m.index + m[0].length;
          }
        }
        out.push(makeLink(href, text, tag === 'img', lines.range(i, rangeEnd), lines.range(hrefSpan[0], hrefSpan[1]), 'html'));
      }
      i = source.indexOf('<', Math.max(end, i + 1));
    }
  }
}

/** `[text] (url)` in plain text: Markdown reads it as text, the author meant a link. */
function spacedLinks(source: string, nodes: CollectedNodes, lines: LineIndex, out: Link[]): void {
  for (const node of nodes.text) {
    const span = offsets(node);
    if (!span) continue;
    const [from, limit] = span;
    let open = -1;
    for (let i = from; i < limit; i++) {
      const c = source.charCodeAt(i);
      if (c === 92) {
        i++;
        continue;
      }
      if (c === 91) open = i;
      else if (c === 93 && open !== -1) {
        let j = i + 1;
        while (j < limit && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
        if (j > i + 1 && source.charCodeAt(j) === 40) {
          let k = j + 1;
          while (k < limit && !isWs(source.charCodeAt(k)) && source.charCodeAt(k) !== 41) k++;
          if (k < limit && source.charCodeAt(k) === 41 && k > j + 1) {
            const href = source.slice(j + 1, k);
            out.push({
              kind: 'malformed',
              problem: 'space-before-paren',
              href,
              text: source.slice(open + 1, i),
              image: open > from && source.charCodeAt(open - 1) === 33,
              range: lines.range(open, k + 1),
              hrefRange: lines.range(j + 1, k),
              origin: 'markdown',
            });
            i = k;
          }
        }
        open = -1;
      }
    }
  }
}

/** All links in source order; links inside `skip` ranges (includes) are left out. */
export function extractLinks(source: string, nodes: CollectedNodes, lines: LineIndex, skip: readonly Span[]): Link[] {
  const out: Link[] = [];
  markdownLinks(source, nodes, lines, out);
  htmlLinks(source, nodes, lines, out);
  spacedLinks(source, nodes, lines, out);
  const kept = skip.length === 0 ? out : out.filter((l) => !skip.some(([s, e]) => s <= l.range.start.offset && l.range.end.offset <= e));
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return kept;
}
