// Test helpers: an independent offset -> line/column computation, and every range of an article.
import type { Article, ArticleMetadata, JsonNode, Range } from '@selfhelp/core';

/** Line/column of `offset` computed naively (\r\n, \n and \r end lines). */
export function naivePosition(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function jsonRanges(node: JsonNode | undefined, out: Range[]): void {
  if (!node) return;
  const stack: JsonNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n.range);
    if (n.type === 'object') for (const m of n.members) {
      out.push(m.range, m.nameRange);
      stack.push(m.value);
    }
    if (n.type === 'array') stack.push(...n.elements);
  }
}

export function allRanges(a: Article | ArticleMetadata): Range[] {
  const out: Range[] = [a.bodyRange, ...a.diagnostics.map((d) => d.range)];
  if (a.properties) {
    out.push(a.properties.range);
    for (const x of [...a.properties.attributes, ...(a.properties.tags?.attributes ?? [])]) out.push(x.range, x.keyRange, x.valueRange);
    if (a.properties.tags) out.push(a.properties.tags.range);
  }
  if (a.frontmatter) {
    out.push(a.frontmatter.range, a.frontmatter.contentRange);
    for (const e of a.frontmatter.entries) out.push(e.keyRange, e.valueRange);
  }
  for (const m of a.metadata) out.push(m.keyRange, m.valueRange);
  for (const j of a.jsonBodies) {
    out.push(j.range, j.contentRange);
    jsonRanges(j.ast, out);
  }
  if ('tree' in a) {
    for (const h of a.headings) out.push(h.range);
    for (const t of a.tokens) out.push(t.range, t.defaultRange);
    for (const r of a.issueDescriptions) out.push(r.range, r.contentRange);
    for (const i of a.includes) out.push(i.range, i.pathRange);
    for (const l of a.links) {
      out.push(l.range);
      if (l.hrefRange) out.push(l.hrefRange);
    }
    for (const c of a.comments) out.push(c.range);
  }
  return out;
}

/** Throws unless every range lies inside the source and its line/column match its offset. */
export function assertRangesValid(a: Article | ArticleMetadata): void {
  for (const r of allRanges(a)) {
    if (!(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= a.source.length)) {
      throw new Error(`range out of file: ${JSON.stringify(r)} (length ${a.source.length})`);
    }
    for (const p of [r.start, r.end]) {
      const n = naivePosition(a.source, p.offset);
      if (n.line !== p.line || n.column !== p.column) throw new Error(`position mismatch at ${p.offset}: ${JSON.stringify(p)} vs ${JSON.stringify(n)}`);
    }
  }
}

/** The text at a range. */
export function textAt(source: string, r: Range): string {
  return source.slice(r.start.offset, r.end.offset);
}

/** `line:column-line:column` for compact assertions. */
export function lc(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}
