// A piscina worker: compiles batches of articles sent by the main thread. Each worker keeps one
// compiler per content root, so a fragment included by many articles is parsed once per worker.
// The main thread decides the output order; nothing here depends on which worker got which file.
import { ArticleCompiler, type CompiledFile } from './compile-article.js';
import { ContentRoot } from './content-root.js';

export interface WorkerBatch {
  root: string;
  maxFileSize: number;
  tasks: { path: string; text: string }[];
}

const compilers = new Map<string, ArticleCompiler>();

export default function compileBatch(batch: WorkerBatch): CompiledFile[] {
  const key = `${batch.maxFileSize}:${batch.root}`;
  let compiler = compilers.get(key);
  if (!compiler) compilers.set(key, (compiler = new ArticleCompiler(new ContentRoot(batch.root, { maxFileSize: batch.maxFileSize }))));
  return batch.tasks.map((task) => compiler.compile(task.path, task.text));
}
