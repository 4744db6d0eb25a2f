import type { SelfhelpRule } from '../define.js';

/** Offline link rules, registered here as they are written. */
export const linkRules: SelfhelpRule[] = [];
