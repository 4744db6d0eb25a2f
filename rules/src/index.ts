export type * from './api.js';
export { defineRule, ruleApplies, articleOf, ruleUrl, type SelfhelpRule } from './define.js';
import type { ProjectRule } from './api.js';
import type { SelfhelpRule } from './define.js';
import { metadataRules, projectRules } from './metadata/index.js';
export { summarize, declaredSupportTopics, buildRegistry } from './metadata/index.js';
import { contentRules } from './content/index.js';
import { linkRules } from './links/index.js';
import { codeUnitOrder } from './order.js';

/** Every built-in per-file rule, sorted by id. */
export const rules: readonly SelfhelpRule[] = [...metadataRules, ...contentRules, ...linkRules].sort((a, b) => codeUnitOrder(a.meta.id, b.meta.id));
/** Every built-in cross-article rule, sorted by id. */
export const crossArticleRules: readonly ProjectRule[] = [...projectRules].sort((a, b) => codeUnitOrder(a.meta.id, b.meta.id));
