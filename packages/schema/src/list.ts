// Splits comma-separated metadata values into items that keep their exact source offsets, so a
// finding about item 2 of `supportTopicIds` points at item 2 and a fix replaces only it.
import type { ArticleMetadata, MetadataField } from '@selfhelp/core';

type SourceOf = Pick<ArticleMetadata, 'source'>;

export interface ListItem {
  /** The item, trimmed (entities decoded for properties). */
  value: string;
  /** Offsets of the trimmed item into `Article.source`; -1 when the item's place is unknown. */
  start: number;
  end: number;
}

export interface ListSeparator {
  /** `,` or `;` */
  text: string;
  start: number;
  end: number;
}

export interface SplitList {
  items: ListItem[];
  separators: ListSeparator[];
  /** Empty items between separators (or before the first / after the last): the offsets of the gap. */
  empties: { start: number; end: number }[];
}

/** The text of a field's value as it stands in the source, and where it starts; `exact` when it maps 1:1 to the value. */
export interface ValueSpan {
  text: string;
  offset: number;
  exact: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the basic HTML character references used in attribute values. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Where a string field's value stands in the source. */
export function valueSpan(article: SourceOf, field: MetadataField): ValueSpan {
  const start = field.valueRange.start.offset;
  const end = field.valueRange.end.offset;
  const raw = article.source.slice(start, end);
  if (field.source === 'properties') return { text: raw, offset: start, exact: raw === field.value };
  const value = typeof field.value === 'string' ? field.value : String(field.value ?? '');
  if (raw === value) return { text: raw, offset: start, exact: true };
  const inner = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] ? raw.slice(1, -1) : undefined;
  if (inner !== undefined && inner === value) return { text: inner, offset: start + 1, exact: true };
  const at = raw.indexOf(value);
  if (value && at >= 0) return { text: value, offset: start + at, exact: true };
  return { text: value, offset: start, exact: false };
}

/** Splits `text` (found at `offset` in the source) on `,` and `;`. */
export function splitText(text: string, offset: number, decode: (s: string) => string = (s) => s): SplitList {
  const items: ListItem[] = [];
  const separators: ListSeparator[] = [];
  const empties: { start: number; end: number }[] = [];
  if (text.trim() === '') return { items, separators, empties };
  let segStart = 0;
  const flush = (segEnd: number) => {
    const seg = text.slice(segStart, segEnd);
    const lead = seg.length - seg.trimStart().length;
    const trimmed = seg.trim();
    if (trimmed === '') empties.push({ start: offset + segStart, end: offset + segEnd });
    else items.push({ value: decode(trimmed), start: offset + segStart + lead, end: offset + segStart + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ',' || ch === ';') {
      flush(i);
      separators.push({ text: ch, start: offset + i, end: offset + i + 1 });
      segStart = i + 1;
    }
  }
  flush(text.length);
  return { items, separators, empties };
}

/** Splits a metadata field's value into list items with source offsets. YAML sequences give one item per element. */
export function splitField(article: SourceOf, field: MetadataField): SplitList {
  if (Array.isArray(field.value)) {
    // A YAML sequence: locate each element's text in order within the value's source range.
    const start = field.valueRange.start.offset;
    const raw = article.source.slice(start, field.valueRange.end.offset);
    const items: ListItem[] = [];
    let cursor = 0;
    for (const element of field.value) {
      const text = typeof element === 'string' ? element.trim() : String(element);
      if (text === '') continue;
      const at = raw.indexOf(text, cursor);
      if (at >= 0) {
        items.push({ value: text, start: start + at, end: start + at + text.length });
        cursor = at + text.length;
      } else items.push({ value: text, start: -1, end: -1 });
    }
    return { items, separators: [], empties: [] };
  }
  if (field.value !== null && field.value !== undefined && typeof field.value !== 'string') {
    const text = String(field.value);
    return splitText(text, field.valueRange.start.offset);
  }
  const span = valueSpan(article, field);
  if (field.source === 'properties') return splitText(span.text, span.offset, span.exact ? undefined : decodeEntities);
  if (span.exact) return splitText(span.text, span.offset);
  // The YAML scalar does not map 1:1 to its source (escapes, folding): items point at the whole value.
  const split = splitText(span.text, 0);
  const whole = (s: { start: number; end: number }) => ({ start: field.valueRange.start.offset, end: field.valueRange.end.offset });
  return {
    items: split.items.map((item) => ({ ...item, ...whole(item) })),
    separators: split.separators.map((sep) => ({ ...sep, ...whole(sep) })),
    empties: split.empties.map(whole),
  };
}
