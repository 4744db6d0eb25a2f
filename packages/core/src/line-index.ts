// Offset <-> 1-based line/column conversion, computed once per file. `\r\n`, `\n` and `\r`
// each end a line (as in micromark), so mdast positions and ours agree. Columns count UTF-16
// code units, a tab counts as one column.
import type { Position, Range } from './types.js';

export class LineIndex {
  /** Offset of the first character of each line (line 1 at index 0). */
  readonly lineStarts: number[];
  readonly length: number;

  constructor(source: string) {
    const starts = [0];
    const n = source.length;
    for (let i = 0; i < n; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.length = n;
  }

  /** The position of `offset`, clamped into [0, length]. */
  position(offset: number): Position {
    const o = offset < 0 ? 0 : offset > this.length ? this.length : Math.floor(offset);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (starts[lo] as number) + 1, offset: o };
  }

  /** A range from two offsets (clamped; `end` is never before `start`). */
  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(end < s.offset ? s.offset : end);
    return { start: s, end: e };
  }

  /** The offset of a 1-based line/column, clamped into the file. */
  offsetAt(line: number, column: number): number {
    const starts = this.lineStarts;
    if (line < 1) return 0;
    if (line > starts.length) return this.length;
    const start = starts[line - 1] as number;
    const next = line < starts.length ? (starts[line] as number) : this.length;
    return Math.min(start + Math.max(0, column - 1), next);
  }

  /** Offset where the line containing `offset` ends (before its line break). */
  lineEnd(offset: number, source: string): number {
    let i = offset;
    const n = source.length;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    return i;
  }
}
