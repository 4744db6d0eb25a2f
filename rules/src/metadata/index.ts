import type { ProjectRule } from '../api.js';
import type { SelfhelpRule } from '../define.js';
import { articleId } from './article-id.js';
import { authorAliases } from './author-aliases.js';
import { cloudEnvironments } from './cloud-environments.js';
import { diagnosticScenario } from './diagnostic-scenario.js';
import { displayOrder } from './display-order.js';
import { duplicateArticleId } from './duplicate-article-id.js';
import { jsonBodySchema } from './json-body-schema.js';
import { learnMetadata } from './learn-metadata.js';
import { learnMetadataLength } from './learn-metadata-length.js';
import { learnMsDate } from './learn-ms-date.js';
import { metadataKeyCase } from './metadata-key-case.js';
import { metadataRequired } from './metadata-required.js';
import { metadataUnknownKey } from './metadata-unknown-key.js';
import { metadataValueCase } from './metadata-value-case.js';
import { metadataValues } from './metadata-values.js';
import { productPesIds } from './product-pes-ids.js';
import { selfHelpType } from './self-help-type.js';
import { supportTopicIds } from './support-topic-ids.js';
import { supportTopicRegistry } from './support-topic-registry.js';

export { summarize, declaredSupportTopics } from './summary.js';
export { buildRegistry } from './support-topic-registry.js';

/** Metadata rules (schema-driven): each reports its share of one cached validation per article. */
export const metadataRules: SelfhelpRule[] = [
  metadataKeyCase,
  metadataUnknownKey,
  metadataValueCase,
  metadataRequired,
  metadataValues,
  selfHelpType,
  supportTopicIds,
  productPesIds,
  cloudEnvironments,
  diagnosticScenario,
  articleId,
  displayOrder,
  authorAliases,
  learnMetadata,
  learnMsDate,
  learnMetadataLength,
  jsonBodySchema,
];

/** Cross-article rules over the whole tree. */
export const projectRules: ProjectRule[] = [duplicateArticleId, supportTopicRegistry];
