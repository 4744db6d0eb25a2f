import type { ProjectRule } from '../api.js';
import type { SelfhelpRule } from '../define.js';

/** Metadata rules (schema-driven), registered here as they are written. */
export const metadataRules: SelfhelpRule[] = [];
/** Cross-article rules over the whole tree. */
export const projectRules: ProjectRule[] = [];
