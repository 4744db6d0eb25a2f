import type { SelfhelpRule } from '../define.js';
import { h1First } from './h1-first.js';
import { headingIncrement } from './heading-increment.js';
import { headingSpace } from './heading-space.js';
import { includeExists } from './include-exists.js';
import { includeInRoot } from './include-in-root.js';
import { includeNoCycle } from './include-no-cycle.js';
import { issueDescriptionFormat } from './issue-description-format.js';
import { issueDescriptionTypes } from './issue-description-types.js';
import { jsonBodyExpected } from './json-body-expected.js';
import { jsonBodyFences } from './json-body-fences.js';
import { listDepth } from './list-depth.js';
import { noAlert } from './no-alert.js';
import { noAuthorComment } from './no-author-comment.js';
import { noTable } from './no-table.js';
import { noTemplatePlaceholder } from './no-template-placeholder.js';
import { recommendedHeadings } from './recommended-headings.js';
import { replacementTokenTypes } from './replacement-token-types.js';
import { replacementTokens } from './replacement-tokens.js';
import { singleH1 } from './single-h1.js';

/** Content rules (headings, tokens, lists, comments, JSON bodies, includes), registered here as they are written. */
export const contentRules: SelfhelpRule[] = [
  h1First,
  singleH1,
  headingSpace,
  headingIncrement,
  noTemplatePlaceholder,
  recommendedHeadings,
  issueDescriptionTypes,
  issueDescriptionFormat,
  replacementTokens,
  replacementTokenTypes,
  listDepth,
  noTable,
  noAlert,
  noAuthorComment,
  jsonBodyExpected,
  jsonBodyFences,
  includeExists,
  includeInRoot,
  includeNoCycle,
];
