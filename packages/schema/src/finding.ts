// What validation produces: findings with a code, the rule that reports them, an author-facing
// message, a severity and the exact source range (plus a fix where the change is certain).
import type { Range } from '@selfhelp/core';

export interface Finding {
  /** Kebab-case finding code, e.g. `support-topic-id-format`, `key-case`, `json-required`. */
  code: string;
  /** The lint rule that reports it (`support-topic-ids`, `metadata-key-case`, ...). */
  rule: string;
  message: string;
  severity: 'error' | 'warning';
  range: Range;
  /** Replace source[range[0], range[1]) with `text` (offsets into `Article.source`). */
  fix?: { range: [number, number]; text: string };
  /** Extra data, e.g. `{ suggestion: 'supportTopicIds' }`. */
  data?: Record<string, unknown>;
}

/** Metadata fields that have a rule of their own; every finding about the field goes to it. */
const FIELD_RULES: Record<string, string> = {
  selfHelpType: 'self-help-type',
  supportTopicIds: 'support-topic-ids',
  productPesIds: 'product-pes-ids',
  cloudEnvironments: 'cloud-environments',
  disableClouds: 'cloud-environments',
  diagnosticScenario: 'diagnostic-scenario',
  articleId: 'article-id',
  displayOrder: 'display-order',
  'ms.author': 'author-aliases',
  authors: 'author-aliases',
  authorAlias: 'author-aliases',
};

const LEARN_FIELD_RULES: Record<string, string> = {
  'ms.date': 'learn-ms-date',
};

/** Codes that belong to one rule whatever the field. */
const CODE_RULES: Record<string, string> = {
  'key-case': 'metadata-key-case',
  'unknown-key': 'metadata-unknown-key',
  'self-help-type-case': 'metadata-value-case',
  'cloud-case': 'metadata-value-case',
  'learn-title-length': 'learn-metadata-length',
  'learn-description-length': 'learn-metadata-length',
};

/** The rule that reports a finding with `code` about metadata `field` (canonical key; '' for the whole block). */
export function ruleFor(code: string, field: string, format: 'properties' | 'frontmatter' | 'json'): string {
  const byCode = CODE_RULES[code];
  if (byCode) return byCode;
  if (format === 'json' || code.startsWith('json-')) return 'json-body-schema';
  if (format === 'frontmatter') return LEARN_FIELD_RULES[field] ?? 'learn-metadata';
  const byField = FIELD_RULES[field];
  if (byField) return byField;
  return code === 'required' || code === 'empty-value' ? 'metadata-required' : 'metadata-values';
}

/** Every rule id that validation findings can carry. */
export const VALIDATION_RULE_IDS: readonly string[] = Object.freeze([
  'metadata-key-case',
  'metadata-unknown-key',
  'metadata-value-case',
  'metadata-required',
  'metadata-values',
  'self-help-type',
  'support-topic-ids',
  'product-pes-ids',
  'cloud-environments',
  'diagnostic-scenario',
  'article-id',
  'display-order',
  'author-aliases',
  'learn-metadata',
  'learn-ms-date',
  'learn-metadata-length',
  'json-body-schema',
]);
