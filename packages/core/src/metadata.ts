// Metadata fields normalized across `<properties>` and YAML frontmatter, and case-insensitive lookup.
import type { Frontmatter, MetadataField, PropertiesBlock } from './types.js';

export function metadataFields(properties: PropertiesBlock | undefined, frontmatter: Frontmatter | undefined): MetadataField[] {
  const fields: MetadataField[] = [];
  if (properties) {
    for (const a of properties.attributes) {
      fields.push({ key: a.key, lowerKey: a.key.toLowerCase(), value: a.value, keyRange: a.keyRange, valueRange: a.valueRange, source: 'properties' });
    }
  }
  if (frontmatter) {
    for (const e of frontmatter.entries) {
      fields.push({ key: e.key, lowerKey: e.key.toLowerCase(), value: e.value, keyRange: e.keyRange, valueRange: e.valueRange, source: 'frontmatter' });
    }
  }
  return fields;
}

/** The LAST field whose key matches `key` case-insensitively (the value a duplicated key ends up with). */
export function getMeta(article: { metadata: readonly MetadataField[] }, key: string): MetadataField | undefined {
  const lower = key.toLowerCase();
  for (let i = article.metadata.length - 1; i >= 0; i--) {
    const field = article.metadata[i] as MetadataField;
    if (field.lowerKey === lower) return field;
  }
  return undefined;
}

/** The field's value as a string (`undefined` when absent; non-strings are stringified). */
export function getMetaString(article: { metadata: readonly MetadataField[] }, key: string): string | undefined {
  const field = getMeta(article, key);
  if (!field) return undefined;
  const v = field.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
