// lintBatch for a custom worker module (LintFilesOptions.workerUrl): what lint's own worker threads run,
// loaded when first called (the engine's entry loads no parser and no rules).
import type { SourceOutcome } from './lint-source.js';
import type { WorkerBatch } from './worker.js';

/** Lints a batch of files in this thread, as lint's worker threads do (worker.ts). */
export async function lintBatch(batch: WorkerBatch): Promise<SourceOutcome[]> {
  const { default: run } = await import('./worker.js');
  return run(batch);
}
