// The start-up bundle's entry (scripts/startup-bundle.mjs): the CLI's main, and lint's worker function for
// the worker threads of `selfhelp lint` (worker.ts), which run the same bundle with a code cache of their own.
export { main } from './main.js';
export { default as lintBatch } from '@selfhelp/lint/worker';
