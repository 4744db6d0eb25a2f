// Offsets to 1-based line/column positions, with one line index per source string.
import type { Position, Range } from '@selfhelp/core';

const lineStartsCache = new Map<string, number[]>();
const CACHE_LIMIT = 64;

function lineStarts(source: string): number[] {
  let starts = lineStartsCache.get(source);
  if (starts) return starts;
  starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  if (lineStartsCache.size >= CACHE_LIMIT) lineStartsCache.clear();
  lineStartsCache.set(source, starts);
  return starts;
}

/** The position of a 0-based offset into `source` (clamped to the source). */
export function positionAt(source: string, offset: number): Position {
  const off = Math.max(0, Math.min(offset, source.length));
  const starts = lineStarts(source);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= off) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: off - (starts[lo] ?? 0) + 1, offset: off };
}

/** The range [start, end) of two offsets into `source`. */
export function rangeAt(source: string, start: number, end: number): Range {
  return { start: positionAt(source, start), end: positionAt(source, Math.max(start, end)) };
}

/**
 * The position of `offset`, counted forward from a known position `base` (cheap for offsets
 * just after it, e.g. inside an attribute value); falls back to a full line index otherwise.
 */
export function positionFrom(source: string, base: Position, offset: number): Position {
  if (offset < base.offset || offset > source.length || offset - base.offset > 4096) return positionAt(source, offset);
  let { line, column } = base;
  for (let i = base.offset; i < offset; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset };
}

/** The range [start, end), counted from a known position `base` at or before `start`. */
export function rangeFrom(source: string, base: Position, start: number, end: number): Range {
  const from = positionFrom(source, base, start);
  return { start: from, end: positionFrom(source, from, Math.max(start, end)) };
}
