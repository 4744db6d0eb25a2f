// The metadata fields of an article by canonical key (the last one wins, as in the service),
// with list items split at their source offsets: what maps an instance path back to the source.
import type { ArticleMetadata, MetadataField, Range } from '@selfhelp/core';
import { isListKey, canonicalKey } from './vocabulary.js';
import { splitField, type SplitList } from './list.js';
import { rangeFrom } from './positions.js';

export type MetadataSource = Pick<ArticleMetadata, 'source' | 'metadata' | 'kind' | 'properties' | 'frontmatter'>;

export interface FieldView {
  /** Canonical key. */
  key: string;
  field: MetadataField;
  /** For list fields: the items with their offsets. */
  list?: SplitList;
  /** From the key to the end of the value (closing quote included for attributes). */
  range: Range;
}

export interface MetadataView {
  views: Map<string, FieldView>;
  /** Where a missing field is reported: `<properties` or the opening `---`. */
  anchor: Range;
}

function fullRange(article: MetadataSource, field: MetadataField): Range {
  if (field.source === 'properties') {
    const attr = article.properties?.attributes.find((a) => a.keyRange.start.offset === field.keyRange.start.offset);
    if (attr) return attr.range;
  }
  return { start: field.keyRange.start, end: field.valueRange.end };
}

export function metadataView(article: MetadataSource): MetadataView {
  const views = new Map<string, FieldView>();
  for (const field of article.metadata) {
    const key = canonicalKey(field.key, field.source);
    const view: FieldView = { key, field, range: fullRange(article, field) };
    if (isListKey(key) && (typeof field.value === 'string' || Array.isArray(field.value))) view.list = splitField(article, field);
    views.delete(key); // keep source order of the last occurrence
    views.set(key, view);
  }
  let anchor: Range;
  if (article.properties) {
    const start = article.properties.range.start;
    anchor = rangeFrom(article.source, start, start.offset, start.offset + '<properties'.length);
  } else if (article.frontmatter) {
    const start = article.frontmatter.range.start;
    anchor = rangeFrom(article.source, start, start.offset, start.offset + 3);
  } else anchor = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { views, anchor };
}

/** The source range of the value at a metadata instance path (`/supportTopicIds/2`, `/pageTitle`, ``). */
export function locateMetadata(article: MetadataSource, view: MetadataView, instancePath: string): Range {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments.length === 0) return view.anchor;
  const field = view.views.get(segments[0] ?? '');
  if (!field) return view.anchor;
  if (segments.length >= 2 && field.list) {
    const item = field.list.items[Number(segments[1])];
    if (item && item.start >= 0) return rangeFrom(article.source, field.field.valueRange.start, item.start, item.end);
  }
  const value = field.field.valueRange;
  return value.start.offset === value.end.offset ? field.range : value;
}
