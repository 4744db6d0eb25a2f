import type { SelfhelpRule } from '../define.js';

/** Content rules (headings, tokens, lists, comments, JSON bodies, includes), registered here as they are written. */
export const contentRules: SelfhelpRule[] = [];
