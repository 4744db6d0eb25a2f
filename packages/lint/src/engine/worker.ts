// A piscina worker: rebuilds the run's configuration once (same config file, same plugins), then lints
// batches of files sent by the main thread. Output order is decided by the main thread, not here.
import type { ProjectAccess } from '@selfhelp/core';
import { loadConfig, type ConfigSpec, type LoadedConfig } from '../config/load.js';
import { diskSource } from '../fs.js';
import { lintSource, type SourceOutcome } from './lint-source.js';
import { projectAccessFor } from './project.js';

export interface WorkerTask {
  absPath: string;
  /** Root-relative path. */
  path: string;
  /** Content root, or undefined for no ProjectAccess. */
  root: string | undefined;
  text: string;
}

export interface WorkerBatch {
  spec: ConfigSpec;
  fix: boolean;
  tasks: WorkerTask[];
  /**
   * The watchdog's shared slots (two numbers per slot: when the current file started, epoch ms, 0 when
   * idle; and its index in the batch). The main thread stops a batch whose current file runs over budget.
   */
  watch?: { buffer: SharedArrayBuffer; slot: number };
}

let loaded: { key: string; config: Promise<LoadedConfig> } | undefined;
const projects = new Map<string, ProjectAccess>();

export default async function lintBatch(batch: WorkerBatch): Promise<SourceOutcome[]> {
  const key = JSON.stringify(batch.spec);
  if (!loaded || loaded.key !== key) {
    loaded = { key, config: loadConfig({ ...batch.spec, ...(batch.spec.inline ? { config: batch.spec.inline } : {}) }) };
    projects.clear();
  }
  const config = await loaded.config;
  const watch = batch.watch ? new Float64Array(batch.watch.buffer) : undefined;
  const at = (batch.watch?.slot ?? 0) * 2;
  try {
    return batch.tasks.map((task, index) => {
      if (watch) {
        watch[at + 1] = index;
        watch[at] = Date.now(); // the clock starts here: configuration loading is not counted
      }
      let project: ProjectAccess | undefined;
      if (task.root !== undefined) {
        project = projects.get(task.root);
        if (!project) projects.set(task.root, (project = projectAccessFor(task.root, diskSource)));
      }
      return lintSource({ path: task.path, text: task.text, rules: config.rulesFor(task.absPath), fix: batch.fix, maxFileSize: config.maxFileSize }, config.registry, project);
    });
  } finally {
    if (watch) watch[at] = 0;
  }
}
