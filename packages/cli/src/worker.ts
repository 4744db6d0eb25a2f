// The worker threads of `selfhelp lint` (lintFiles' `workerUrl`): lint's worker function, taken from the
// start-up bundle and compiled with a V8 code cache of its own (`worker`), as launch.ts does for the main
// thread. A thread then imports no ES modules and compiles little of the linting code: a cold lint of the
// 5,977-article corpus took about 2% less wall and CPU time (6 interleaved pairs, 7.37 to 7.23 s; see
// the package README, "Worker threads"). When the
// bundle cannot be used (an input changed, no cache folder, SELFHELP_DISABLE_COMPILE_CACHE=1), the thread
// runs lint's ES modules, as without this module.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceOutcome } from '@selfhelp/lint';
import type { WorkerBatch } from '@selfhelp/lint/worker';
import { loadBundle } from './launch.js';

type LintBatch = (batch: WorkerBatch) => Promise<SourceOutcome[]>;

/**
 * A worker function over the bundle in `dist`, loaded now (the thread starts before its first batch comes).
 * The cache, when it was missing or rejected, is written after the first batch: the linting code is
 * compiled by then. `fallback` gives the function when the bundle cannot be used.
 */
export function bundledLintBatch(dist: string, env: NodeJS.ProcessEnv, fallback: () => Promise<LintBatch>): LintBatch {
  let save: (() => void) | undefined;
  const load = async (): Promise<LintBatch> => {
    if (env.SELFHELP_DISABLE_COMPILE_CACHE === '1') return fallback();
    const bundle = loadBundle(dist, env, 'worker');
    if (typeof bundle === 'string' || typeof bundle.exports.lintBatch !== 'function') return fallback();
    save = () => void bundle.saveCache();
    return bundle.exports.lintBatch as LintBatch;
  };
  const loaded = load();
  loaded.catch(() => undefined); // rejected with the first batch
  return async (batch) => {
    const outcomes = await (await loaded)(batch);
    const first = save;
    save = undefined;
    first?.();
    return outcomes;
  };
}

export default bundledLintBatch(dirname(fileURLToPath(import.meta.url)), process.env, async () => (await import('@selfhelp/lint/worker')).default);
