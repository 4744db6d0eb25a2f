// ArticleSummary: the metadata a cross-article rule reads, built from the metadata-only parse.
import type { ArticleMetadata } from '@selfhelp/core';
import { canonicalSelfHelpType, parsedBody } from '@selfhelp/schema';
import type { ArticleSummary } from '../api.js';

type Summarizable = Pick<ArticleMetadata, 'path' | 'kind' | 'metadata' | 'jsonBodies'>;

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => asText(v)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A member of a JSON object, by name case-insensitively (as the service reads them). */
function member(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const lower = name.toLowerCase();
  let found: unknown;
  for (const [k, v] of Object.entries(value)) if (k.toLowerCase() === lower) found = v;
  return found;
}

/** The support topic IDs a supportTopicDescription's JSON body declares (`supportTopics[].id`). */
export function declaredSupportTopics(article: Pick<ArticleMetadata, 'jsonBodies'>): string[] {
  const topics = member(parsedBody(article)?.value, 'supportTopics');
  if (!Array.isArray(topics)) return [];
  const ids: string[] = [];
  for (const topic of topics) {
    const id = member(topic, 'id');
    if (typeof id === 'string' && id.trim() !== '') ids.push(id.trim());
  }
  return ids;
}

/** The summary of one article: metadata fields by lower-cased key (the last occurrence wins). */
export function summarize(article: Summarizable): ArticleSummary {
  const fields: ArticleSummary['fields'] = Object.create(null) as ArticleSummary['fields'];
  for (const field of article.metadata) {
    Object.defineProperty(fields, field.lowerKey, {
      value: { key: field.key, value: asText(field.value), keyRange: field.keyRange, valueRange: field.valueRange },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const summary: ArticleSummary = { path: article.path, kind: article.kind, fields };
  const type = fields.selfhelptype?.value;
  if (article.kind === 'selfhelp' && type !== undefined && canonicalSelfHelpType(type) === 'supportTopicDescription') {
    summary.declaredSupportTopics = declaredSupportTopics(article);
  }
  return summary;
}
