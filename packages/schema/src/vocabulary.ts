// The fixed vocabularies of self-help and Learn metadata: selfHelpTypes, cloud names and the
// known metadata keys with their canonical spelling. Decided from the corpus and the authoring
// templates (counts in packages/schema/README.md and in each schema's description).

/**
 * Canonical selfHelpType spellings. The service matches them case-insensitively; the spelling
 * here is the one the authoring templates use (and, where no template names it, the corpus majority).
 */
export const SELF_HELP_TYPES: readonly string[] = Object.freeze([
  'generic',
  'diagnostics',
  'resource',
  'rca',
  'problemScopingQuestions',
  'TSG_Content',
  'TSG_Description',
  'advisorRecommendationMetadata',
  'servicehealthinsights',
  'supportTopicDescription',
  'Apollo',
  'diagnoseandsolve',
  'tools',
  'health',
  'PartnerCenterQuickStart',
]);

/** Cloud names, canonical (lower-case) spelling, in the order messages list them. */
export const CLOUDS: readonly string[] = Object.freeze(['public', 'fairfax', 'mooncake', 'blackforest', 'usnat', 'ussec']);

/** Keys of the `<properties>` block, canonical spelling. */
export const SELF_HELP_KEYS: readonly string[] = Object.freeze([
  'pageTitle',
  'description',
  'infoBubbleText',
  'service',
  'resource',
  'authors',
  'ms.author',
  'displayOrder',
  'articleId',
  'diagnosticScenario',
  'selfHelpType',
  'supportTopicIds',
  'resourceTags',
  'productPesIds',
  'cloudEnvironments',
  'disableClouds',
  'ownershipId',
  'schemaVersion',
  'clientIds',
  'articleTags',
  'authorAlias',
  'resourceRequired',
  'icmTeam',
  'icmService',
  'feedbackEmail',
  'category',
  'productFamilyId',
  'searchTags',
  'editor',
  'documentationCenter',
  'issueNotListed',
]);

/** Keys of Learn YAML frontmatter (docs.microsoft.com / learn.microsoft.com metadata), canonical spelling. */
export const LEARN_KEYS: readonly string[] = Object.freeze([
  'title',
  'titleSuffix',
  'description',
  'author',
  'ms.author',
  'manager',
  'ms.service',
  'ms.subservice',
  'ms.topic',
  'ms.date',
  'ms.reviewer',
  'ms.custom',
  'ms.collection',
  'ms.assetid',
  'ms.workload',
  'ms.tgt_pltfrm',
  'ms.devlang',
  'ms.prod',
  'ms.technology',
  'ms.localizationpriority',
  'ms.update-cycle',
  'services',
  'keywords',
  'ROBOTS',
  'zone_pivot_groups',
  'monikerRange',
  'no-loc',
  'recommendations',
  'contributors_to_exclude',
  'audience',
  'ms.search.form',
  'ms.suite',
  'uid',
  'content_well_notification',
  'adobe-target',
  'tags',
  'documentationcenter',
  'editor',
  'ms.openlocfilehash',
  'ms.sourcegitcommit',
  'ms.translationtype',
  'ms.contentlocale',
  'ms.lasthandoff',
  'ms.locfileid',
]);

/** Properties fields whose value is a comma-separated list. */
export const LIST_KEYS: readonly string[] = Object.freeze([
  'supportTopicIds',
  'productPesIds',
  'cloudEnvironments',
  'disableClouds',
  'authors',
  'ms.author',
  'authorAlias',
  'clientIds',
  'resourceTags',
  'articleTags',
  'searchTags',
]);

/** List fields whose items are cloud names. */
export const CLOUD_LIST_KEYS: readonly string[] = Object.freeze(['cloudEnvironments', 'disableClouds']);

const typeByLower = new Map(SELF_HELP_TYPES.map((t) => [t.toLowerCase(), t]));
const cloudByLower = new Map(CLOUDS.map((c) => [c, c]));
const selfHelpKeyByLower = new Map(SELF_HELP_KEYS.map((k) => [k.toLowerCase(), k]));
const learnKeyByLower = new Map(LEARN_KEYS.map((k) => [k.toLowerCase(), k]));
const listKeys = new Set(LIST_KEYS);

/** Where a metadata key is written: the `<properties>` block or YAML frontmatter. */
export type MetadataFormat = 'properties' | 'frontmatter';

function keyMap(format: MetadataFormat): Map<string, string> {
  return format === 'frontmatter' ? learnKeyByLower : selfHelpKeyByLower;
}

/** The canonical spelling of a selfHelpType, matched case-insensitively (surrounding spaces ignored); undefined when unknown. */
export function canonicalSelfHelpType(value: string): string | undefined {
  return typeByLower.get(value.trim().toLowerCase());
}

/** The canonical spelling of a cloud name, matched case-insensitively; undefined when unknown. */
export function canonicalCloud(value: string): string | undefined {
  return cloudByLower.get(value.trim().toLowerCase());
}

/**
 * The canonical spelling of a known metadata key (`articleid` -> `articleId`); unknown keys are
 * returned as written. Without a format, self-help keys are tried first, then Learn keys.
 */
export function canonicalKey(key: string, format?: MetadataFormat): string {
  const memo = canonicalMemo[format ?? 'any'];
  const known = memo.get(key);
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  const canonical = format ? (keyMap(format).get(lower) ?? key) : (selfHelpKeyByLower.get(lower) ?? learnKeyByLower.get(lower) ?? key);
  if (memo.size < 4096) memo.set(key, canonical);
  return canonical;
}

/** Keys as written -> canonical, per format (authors reuse a small set of spellings). */
const canonicalMemo: Record<MetadataFormat | 'any', Map<string, string>> = { properties: new Map(), frontmatter: new Map(), any: new Map() };

/** Whether the key (any case) is a known metadata key (of the format, when given). */
export function isKnownKey(key: string, format?: MetadataFormat): boolean {
  const lower = key.toLowerCase();
  if (format) return keyMap(format).has(lower);
  return selfHelpKeyByLower.has(lower) || learnKeyByLower.has(lower);
}

/** The known keys of a format, canonical spelling. */
export function knownKeys(format: MetadataFormat): readonly string[] {
  return format === 'frontmatter' ? LEARN_KEYS : SELF_HELP_KEYS;
}

/** Whether the canonical key holds a comma-separated list. */
export function isListKey(canonical: string): boolean {
  return listKeys.has(canonical);
}
