// ArticleSummary: the metadata of one article, all a cross-article rule reads. Small, so it is cached
// per file and rebuilt only when the file changes.
import type { Range } from '@selfhelp/core';
import type { ArticleSummary } from '@selfhelp/rules';

// Compact form for the cache: ranges as six numbers.
type PackedRange = [number, number, number, number, number, number];
export interface PackedSummary {
  k: ArticleSummary['kind'];
  f: [string, string, string, PackedRange, PackedRange][];
  t?: string[];
}

function packRange(r: Range): PackedRange {
  return [r.start.line, r.start.column, r.start.offset, r.end.line, r.end.column, r.end.offset];
}
function unpackRange(p: PackedRange): Range {
  return { start: { line: p[0], column: p[1], offset: p[2] }, end: { line: p[3], column: p[4], offset: p[5] } };
}

export function packSummary(s: ArticleSummary): PackedSummary {
  return {
    k: s.kind,
    f: Object.entries(s.fields).map(([lower, v]) => [lower, v.key, v.value, packRange(v.keyRange), packRange(v.valueRange)]),
    ...(s.declaredSupportTopics ? { t: s.declaredSupportTopics } : {}),
  };
}

/** The summary of a packed one; with `only`, just those fields (lower-case keys). */
export function unpackSummary(p: PackedSummary, path: string, only?: ReadonlySet<string>): ArticleSummary {
  const fields: ArticleSummary['fields'] = Object.create(null) as ArticleSummary['fields'];
  for (const [lower, key, value, keyRange, valueRange] of p.f) {
    if (only && !only.has(lower)) continue;
    fields[lower] = { key, value, keyRange: unpackRange(keyRange), valueRange: unpackRange(valueRange) };
  }
  return { path, kind: p.k, fields, ...(p.t ? { declaredSupportTopics: p.t } : {}) };
}
