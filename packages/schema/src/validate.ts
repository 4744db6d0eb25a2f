// validateArticle: every metadata and JSON-body finding of one article, computed once per
// article object (the metadata rules each report their share of the same cached result).
import type { ArticleMetadata } from '@selfhelp/core';
import * as validators from '../generated/validators.js';
import type { GeneratedError, GeneratedValidator } from '../generated/validators.js';
import { schemaIds } from '../generated/annotations.js';
import { checkClouds, checkKeys, checkLearnDate, checkLists, checkSelfHelpType, checkSupportTopicDescription } from './checks.js';
import { mapErrors, pathSegments } from './errors.js';
import { ruleFor, type Finding } from './finding.js';
import { validateJsonBody } from './json-body.js';
import { locateMetadata, metadataView } from './metadata-view.js';
import { normalizeMetadata } from './normalize.js';
import { rangeAt } from './positions.js';
import { LIST_KEYS } from './vocabulary.js';

/** What validation reads of an article: the metadata-only parse (`parseMetadata`) is enough. */
export type ValidatableArticle = Pick<ArticleMetadata, 'source' | 'metadata' | 'kind' | 'properties' | 'frontmatter' | 'jsonBodies' | 'bodyRange'>;

const metadataValidators = validators as unknown as Record<string, GeneratedValidator | undefined>;
const cache = new WeakMap<object, readonly Finding[]>();

/** The export name of the metadata schema for an article (`generic`, `learn`, `selfhelp` when the type is unknown). */
export function metadataSchemaName(article: Pick<ArticleMetadata, 'kind'>, canonicalType: string | undefined): string | undefined {
  if (article.kind === 'learn') return 'learn';
  if (article.kind !== 'selfhelp') return undefined;
  const name = canonicalType?.toLowerCase();
  return name && metadataValidators[name] ? name : 'selfhelp';
}

function validateMetadata(article: ValidatableArticle): Finding[] {
  const normalized = normalizeMetadata(article);
  const view = metadataView(article);
  const schema = metadataSchemaName(article, normalized.selfHelpType);
  const findings: Finding[] = [...checkKeys(article), ...checkLists(article, view), ...checkSelfHelpType(article, view), ...checkClouds(article, view)];
  if (normalized.selfHelpType === 'supportTopicDescription') findings.push(...checkSupportTopicDescription(article, view));
  if (article.kind === 'learn') findings.push(...checkLearnDate(article, view));
  const validate = schema ? metadataValidators[schema] : undefined;
  if (schema && validate) {
    validate(normalized.fields);
    const format = article.kind === 'learn' ? 'frontmatter' : 'properties';
    const listKeys = new Set(LIST_KEYS);
    findings.push(
      ...mapErrors(validate.errors, {
        rootId: schemaIds[schema] ?? '',
        data: normalized.fields,
        vars: { type: normalized.selfHelpType ?? 'self-help' },
        locate: (path) => locateMetadata(article, view, path),
        fieldName: (path) => pathSegments(path)[0] ?? '',
        rule: (code, path) => ruleFor(code, pathSegments(path)[0] ?? '', format),
        // Duplicate list items are reported by checkLists (every duplicate, with a fix); an
        // unknown selfHelpType by checkSelfHelpType.
        skip: (error: GeneratedError) => error.keyword === 'uniqueItems' && listKeys.has(pathSegments(error.instancePath)[0] ?? ''),
      }),
    );
  }
  if (normalized.selfHelpType) findings.push(...validateJsonBody(article, normalized.selfHelpType));
  return findings;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Every metadata and JSON-body finding of an article, sorted by position. Never throws: an
 * internal failure becomes one `validation-internal-error` finding. Results are cached per article object.
 */
export function validateArticle(article: ValidatableArticle): Finding[] {
  const cached = cache.get(article);
  if (cached) return [...cached];
  let findings: Finding[];
  try {
    findings = validateMetadata(article).sort(byPosition);
  } catch (error) {
    findings = [
      {
        code: 'validation-internal-error',
        rule: 'metadata-values',
        message: `selfhelp could not validate this file's metadata (${error instanceof Error ? error.message : String(error)}); please report it`,
        severity: 'error',
        range: rangeAt(article.source, 0, 0),
      },
    ];
  }
  cache.set(article, findings);
  return [...findings];
}
