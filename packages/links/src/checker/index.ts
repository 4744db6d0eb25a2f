// The HTTP link checker (loaded on demand through `loadChecker()`).
export { checkOccurrences, collectOccurrences, type CheckHooks } from './run.js';
export { DEFAULT_OPTIONS, DEFAULT_USER_AGENT, CHECKER_VERSION, OptionsError, acceptMatcher, validateOptions, resolveOptions } from './options.js';
export { guardedConnector, addressPolicy, RefusedAddressError } from './guard.js';
export { parseRetryAfter } from './http-check.js';
export { ResultCache, isCacheable } from './cache.js';
export { HostScheduler } from './scheduler.js';
export { normaliseHref } from './collect.js';
export type * from './types.js';
