// One normalized view of an article's metadata, shared by the schemas, the rules and the catalog:
// canonical keys, lists split into arrays, clouds in canonical spelling.
import type { ArticleMetadata, MetadataField } from '@selfhelp/core';
import { canonicalCloud, canonicalKey, canonicalSelfHelpType, CLOUD_LIST_KEYS, isListKey } from './vocabulary.js';
import { splitField } from './list.js';

export {
  SELF_HELP_TYPES,
  CLOUDS,
  SELF_HELP_KEYS,
  LEARN_KEYS,
  LIST_KEYS,
  canonicalSelfHelpType,
  canonicalCloud,
  canonicalKey,
  isKnownKey,
  isListKey,
  knownKeys,
  type MetadataFormat,
} from './vocabulary.js';

export interface NormalizedMetadata {
  /**
   * Canonical key -> value. List fields are string[] (trimmed, empty items dropped; clouds in
   * canonical spelling when known); `displayOrder` is a number when it is an integer string;
   * other values are trimmed strings (YAML values keep their YAML types). Unknown keys are kept
   * as written; when a key is repeated the last one wins. `__proto__` is a plain own key.
   */
  fields: Record<string, unknown>;
  /** Canonical spelling; undefined when missing or unknown. */
  selfHelpType?: string;
  articleId?: string;
  /** Clouds the article is published to: cloudEnvironments minus disableClouds, canonical, sorted. */
  clouds: string[];
}

/** Sets an own data property, even for `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment is much faster; only `__proto__` would hit the prototype setter.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Reads an own property only (never the prototype chain). */
export function getOwn(target: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

const INTEGER = /^[+-]?\d+$/;

/** The normalized value of one field (see NormalizedMetadata.fields). */
export function normalizeFieldValue(article: Pick<ArticleMetadata, 'source'>, field: MetadataField): unknown {
  const key = canonicalKey(field.key, field.source);
  if (isListKey(key) && (typeof field.value === 'string' || Array.isArray(field.value))) {
    const items = splitField(article, field).items.map((item) => item.value);
    return CLOUD_LIST_KEYS.includes(key) ? items.map((item) => canonicalCloud(item) ?? item) : items;
  }
  if (typeof field.value !== 'string') return field.value;
  const value = field.value.trim();
  if (key === 'displayOrder' && INTEGER.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  return value;
}

/** The normalized metadata of an article (empty for fragments). */
export function normalizeMetadata(article: Pick<ArticleMetadata, 'source' | 'metadata'>): NormalizedMetadata {
  const fields: Record<string, unknown> = {};
  for (const field of article.metadata) setOwn(fields, canonicalKey(field.key, field.source), normalizeFieldValue(article, field));
  const rawType = getOwn(fields, 'selfHelpType');
  const selfHelpType = typeof rawType === 'string' ? canonicalSelfHelpType(rawType) : undefined;
  const rawId = getOwn(fields, 'articleId');
  const articleId = typeof rawId === 'string' && rawId !== '' ? rawId : typeof rawId === 'number' ? String(rawId) : undefined;
  const cloudSet = (key: string): Set<string> => {
    const list = getOwn(fields, key);
    const out = new Set<string>();
    if (!Array.isArray(list)) return out;
    for (const item of list) {
      const cloud = typeof item === 'string' ? canonicalCloud(item) : undefined;
      if (cloud) out.add(cloud);
    }
    return out;
  };
  const disabled = cloudSet('disableClouds');
  const clouds = [...cloudSet('cloudEnvironments')].filter((c) => !disabled.has(c)).sort();
  const result: NormalizedMetadata = { fields, clouds };
  if (selfHelpType !== undefined) result.selfHelpType = selfHelpType;
  if (articleId !== undefined) result.articleId = articleId;
  return result;
}
