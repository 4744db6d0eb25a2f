// Helpers for the cross-article rules, which see only ArticleSummary values (no source text).
import type { Position, Range } from '@selfhelp/core';
import type { ArticleSummary } from '../api.js';

type SummaryField = ArticleSummary['fields'][string];

/** The position `count` characters of `text` after `start` (line breaks advance the line). */
function advance(start: Position, text: string, count: number): Position {
  let { line, column } = start;
  for (let i = 0; i < count; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset: start.offset + count };
}

/**
 * The items of a comma-separated summary field with their ranges. The ranges are exact when the
 * value is written as is (no character references before the item), which holds for IDs.
 */
export function listItems(field: SummaryField | undefined): { value: string; range: Range }[] {
  if (!field) return [];
  const out: { value: string; range: Range }[] = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(field.value); m; m = re.exec(field.value)) {
    const raw = m[0];
    const value = raw.trim();
    if (!value) continue;
    const from = m.index + (raw.length - raw.trimStart().length);
    const start = advance(field.valueRange.start, field.value, from);
    const end = advance(start, field.value.slice(from), value.length);
    out.push({ value, range: { start, end } });
  }
  return out;
}

/** A field's value range, or the key's when the value is empty. */
export function fieldRange(field: SummaryField): Range {
  return field.valueRange.start.offset === field.valueRange.end.offset ? field.keyRange : field.valueRange;
}

/** The selfHelpType of a summary in lower case ('' when none). */
export function summaryType(summary: ArticleSummary): string {
  return (summary.fields.selfhelptype?.value ?? '').trim().toLowerCase();
}

/** `a.md, b.md and c.md` */
export function joinPaths(paths: readonly string[]): string {
  if (paths.length <= 1) return paths.join('');
  return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}
