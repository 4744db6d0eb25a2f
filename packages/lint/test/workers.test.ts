// Worker threads need the compiled worker module (dist/engine/worker.js): this test runs the built engine
// in a child process (`pnpm test` builds first) and compares a run over worker threads with a run in
// the main thread. Skipped, with a notice, when the package is not built.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { article, tempTree } from './helpers.js';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/engine/worker.js', import.meta.url)));
if (!built) console.warn('workers.test.ts: skipped, packages/lint is not built (run `pnpm build`)');

const plugin = `
function pos(source, offset) {
  let line = 1, start = 0;
  for (let i = source.indexOf('\\n'); i !== -1 && i < offset; i = source.indexOf('\\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1, offset };
}
const docs = { rationale: 'r', incorrect: [], correct: [] };
export const rules = [{
  meta: { id: 'word', description: 'd', category: 'content', severity: 'error', fixable: true, appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] }, docs },
  check(context) {
    const s = context.article.source;
    for (let i = s.indexOf('word'); i !== -1; i = s.indexOf('word', i + 4)) context.report({ message: 'word #' + i, range: { start: pos(s, i), end: pos(s, i + 4) }, fix: { range: [i, i + 4], text: 'WORD' } });
  },
}];
`;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe.skipIf(!built)('worker threads', () => {
  it('stop a file that runs over the time budget; the run goes on and the other files keep their results', () => {
    const hang = `export const rules = [{ meta: { id: 'hang', description: 'd', category: 'content', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs: { rationale: 'r', incorrect: [], correct: [] } },
      check(c) { if (c.article.source.includes('HANG')) for (;;) {} c.report({ message: 'checked', range: c.article.bodyRange }); } }];`;
    const files: Record<string, string> = { 'selfhelp.config.json': JSON.stringify({ extends: 'none', plugins: ['./hang.mjs'], rules: { hang: 'error' }, timeBudget: 2000 }), 'hang.mjs': hang };
    for (let i = 0; i < 12; i++) files[`articles/f${String(i).padStart(2, '0')}.md`] = article(`id${i}`, i === 5 ? '# T\n\nHANG\n' : '# T\n');
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    const script = `
      const lint = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const config = await lint.loadConfig({ cwd: ${JSON.stringify(t.dir)}, builtInRules: false });
      const found = await lint.discoverFiles(['articles'], { cwd: ${JSON.stringify(t.dir)}, ignored: await lint.createIgnoreFilter(config) });
      const run = await lint.lintFiles(found.files, { config, concurrency: 2, workerThreshold: 0 });
      process.stdout.write(JSON.stringify(run.results.map((r) => r.messages.map((m) => m.message))));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: t.dir, encoding: 'utf8' });
    const messages = JSON.parse(out) as string[][];
    expect(messages).toHaveLength(12);
    messages.forEach((m, i) => {
      expect(m).toEqual(i === 5 ? ['Linting this file took longer than the time budget (2000 ms) and was stopped; not linted.'] : ['checked']);
    });
  });

  it('give the same results, in the same order, as the main thread', () => {
    const files: Record<string, string> = { 'selfhelp.config.json': JSON.stringify({ extends: 'recommended', plugins: ['./plugin.mjs'] }), 'plugin.mjs': plugin };
    for (let i = 0; i < 90; i++) files[`articles/${String(i % 7)}/file-${String(i).padStart(3, '0')}.md`] = article(`id${i % 45}`, `# T${i}\n\n${'word '.repeat(i % 5)}\n`);
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    const script = `
      const lint = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const config = await lint.loadConfig({ cwd: ${JSON.stringify(t.dir)}, builtInRules: false });
      const found = await lint.discoverFiles(['articles'], { cwd: ${JSON.stringify(t.dir)}, ignored: await lint.createIgnoreFilter(config) });
      const one = await lint.lintFiles(found.files, { config, concurrency: 'off', fix: true });
      const many = await lint.lintFiles(found.files, { config, concurrency: 2, workerThreshold: 0, fix: true });
      process.stdout.write(JSON.stringify({ one, many }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: t.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const { one, many } = JSON.parse(out) as { one: { results: unknown[]; stats: { workers: number } }; many: { results: unknown[]; stats: { workers: number } } };
    expect(one.stats.workers).toBe(0);
    expect(many.stats.workers).toBe(2);
    expect(many.results).toHaveLength(90);
    expect(many.results).toEqual(one.results);
  });

  it.skipIf(availableParallelism() < 2)('turn V8 parallel scavenge off for the process when they take every core, not when one is left free nor when node was given a scavenge flag', () => {
    const files: Record<string, string> = { 'selfhelp.config.json': JSON.stringify({ extends: 'recommended' }) };
    for (let i = 0; i < 12; i++) files[`articles/f${String(i).padStart(2, '0')}.md`] = article(`id${i}`, `# T${i}\n`);
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    // The engine's named import of node:v8 follows the builtin's exports once they are synced.
    const script = `
      const { syncBuiltinESMExports } = await import('node:module');
      const v8 = (await import('node:v8')).default;
      const calls = [];
      const set = v8.setFlagsFromString;
      v8.setFlagsFromString = (flags) => { calls.push(flags); set(flags); };
      syncBuiltinESMExports();
      const cores = (await import('node:os')).availableParallelism();
      const lint = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const config = await lint.loadConfig({ cwd: ${JSON.stringify(t.dir)} });
      const found = await lint.discoverFiles(['articles'], { cwd: ${JSON.stringify(t.dir)}, ignored: await lint.createIgnoreFilter(config) });
      const fewer = await lint.lintFiles(found.files, { config, concurrency: cores - 1, workerThreshold: 0 });
      const afterFewer = [...calls];
      const every = await lint.lintFiles(found.files, { config, concurrency: cores, workerThreshold: 0 });
      process.stdout.write(JSON.stringify({ cores, afterFewer, calls, workers: [fewer.stats.workers, every.stats.workers] }));
    `;
    type Out = { cores: number; afterFewer: string[]; calls: string[]; workers: number[] };
    const run = (nodeFlags: string[]) => JSON.parse(execFileSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script], { cwd: t.dir, encoding: 'utf8' })) as Out;
    const { cores, afterFewer, calls, workers } = run([]);
    expect(workers).toEqual([cores - 1, cores]);
    expect(afterFewer).toEqual([]);
    expect(calls).toEqual(['--no-parallel-scavenge']);
    // A scavenge flag given to node is left as given.
    expect(run(['--parallel-scavenge']).calls).toEqual([]);
  });

  it('run the cross-article rules after them, with the tree listed while they lint', () => {
    const files: Record<string, string> = { 'selfhelp.config.json': JSON.stringify({ rules: { 'duplicate-article-id': 'error' } }) };
    for (let i = 0; i < 60; i++) files[`articles/${String(i % 4)}/file-${String(i).padStart(2, '0')}.md`] = article(`id${i % 30}`, `# T${i}\n`);
    // Not linted, but in the content root's tree: only the listing finds it.
    files['other/extra.md'] = article('id7', '# Extra\n');
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    const script = `
      const lint = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const config = await lint.loadConfig({ cwd: ${JSON.stringify(t.dir)} });
      const found = await lint.discoverFiles(['articles'], { cwd: ${JSON.stringify(t.dir)}, ignored: await lint.createIgnoreFilter(config) });
      const one = await lint.lintFiles(found.files, { config, concurrency: 'off' });
      const many = await lint.lintFiles(found.files, { config, concurrency: 2, workerThreshold: 0 });
      process.stdout.write(JSON.stringify({ one, many }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: t.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    type Run = { results: { messages: { ruleId: string }[] }[]; stats: { workers: number; crossChecked: number } };
    const { one, many } = JSON.parse(out) as { one: Run; many: Run };
    expect(many.stats.workers).toBe(2);
    expect(many.stats.crossChecked).toBe(1);
    // 30 ids, each in two files: every file has one finding.
    const duplicates = many.results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'duplicate-article-id');
    expect(duplicates).toHaveLength(60);
    expect(duplicates.filter((m) => JSON.stringify(m).includes('other/extra.md'))).toHaveLength(2);
    expect(many.results).toEqual(one.results);
  });
});
