/** A text edit: replace source[range[0], range[1]) with `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/**
 * Applies the edits that do not overlap an earlier one (by start offset, then by order given),
 * as ESLint does in one fix pass. Returns the new text and how many edits were applied.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): { output: string; applied: number; skipped: number } {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .filter(({ edit }) => edit.range[0] >= 0 && edit.range[1] >= edit.range[0] && edit.range[1] <= source.length)
    .sort((a, b) => a.edit.range[0] - b.edit.range[0] || a.edit.range[1] - b.edit.range[1] || a.index - b.index);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const { edit } of sorted) {
    const [start, end] = edit.range;
    if (start < cursor) continue; // overlaps an edit already applied: left for the next pass
    output += source.slice(cursor, start) + edit.text;
    cursor = end;
    applied++;
  }
  output += source.slice(cursor);
  return { output, applied, skipped: edits.length - applied };
}
