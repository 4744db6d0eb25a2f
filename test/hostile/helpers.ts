// Shared helpers of the hostile-input tests: throwaway content roots with a canary file outside
// them, a watch on every file the process opens, and the stages run in-process (parse, lint with
// the built-in rules, fix, build, and the `selfhelp` CLI).
import fs, { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { expect, vi } from 'vitest';
import { compileCatalog, type BuildResult, type CompileCatalogOptions } from '@selfhelp/catalog';
import { lintFiles, loadConfig, writeFixes, type LintRun, type SelfhelpConfig } from '@selfhelp/lint';
import { main } from '@selfhelp/cli';

/** Text that must never show up in any output: it lives only in files outside the content root. */
export const CANARY = 'CANARY-7d0c-outside-the-root';

/** A self-help article (`<properties>` block) in the seeds' format. */
export function selfhelp(id: string, body: string, extra = ''): string {
  return `<properties\n  pageTitle="Hostile input ${id}"\n  description="A test article."\n  articleId="${id}"\n  selfHelpType="generic"\n  cloudEnvironments="public"${extra}\n/>\n\n${body}`;
}

/** A Learn article (YAML frontmatter). */
export function learn(frontmatter: string, body: string): string {
  return `---\n${frontmatter}\n---\n\n${body}`;
}

export interface Sandbox {
  /** The folder holding `root/` and `outside/`. */
  base: string;
  /** The content root (real path). */
  root: string;
  /** A sibling of the root holding the canary files. */
  outside: string;
  /** An article outside the root whose text holds CANARY. */
  canary: string;
  /** Writes files under the root (relative path -> text or bytes). */
  write(files: Record<string, string | Uint8Array>): void;
  /** A symbolic link at `rel` (under the root) pointing at `target` (absolute). */
  link(rel: string, target: string): void;
  cleanup(): void;
}

const sandboxes: Sandbox[] = [];

export function sandbox(files: Record<string, string | Uint8Array> = {}): Sandbox {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'selfhelp-hostile-')));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(join(outside, 'includes'), { recursive: true });
  const canary = join(outside, 'secret.md');
  writeFileSync(canary, selfhelp('SecretArticle', `# ${CANARY}\n\n${CANARY} [${CANARY}](https://example.com/${CANARY})\n`));
  writeFileSync(join(outside, 'includes', 'secret-include.md'), `${CANARY}\n`);
  const box: Sandbox = {
    base,
    root,
    outside,
    canary,
    write(more) {
      for (const [rel, text] of Object.entries(more)) {
        const abs = join(root, ...rel.split('/'));
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
    },
    link(rel, target) {
      const abs = join(root, ...rel.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      symlinkSync(target, abs);
    },
    cleanup() {
      rmSync(base, { recursive: true, force: true });
    },
  };
  box.write(files);
  sandboxes.push(box);
  return box;
}

export function cleanupSandboxes(): void {
  for (const box of sandboxes.splice(0)) box.cleanup();
}

/** Every file under `dir` as text (relative path -> content). */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(abs, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * Records every path the process opens or reads through `node:fs` (sync, callback and promise
 * forms, streams, directory listings), including named ESM imports (patched with
 * `syncBuiltinESMExports`), with the real path of symbolic links.
 */
export function watchFileReads(): { paths: string[]; stop(): void } {
  const paths: string[] = [];
  const realpath = fs.realpathSync.native;
  const record = (p: unknown): void => {
    const path = typeof p === 'string' ? p : p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : undefined;
    if (path === undefined) return;
    const abs = resolve(path);
    paths.push(abs);
    // A symbolic link is recorded under its target too: that is the file actually read.
    try {
      const real = realpath(abs);
      if (real !== abs) paths.push(real);
    } catch {
      // missing: nothing is read
    }
  };
  const restore: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, name: string): void => {
    const original = target[name] as AnyFn;
    target[name] = function (this: unknown, ...args: unknown[]) {
      record(args[0]);
      return original.apply(this, args);
    };
    restore.push(() => {
      target[name] = original;
    });
  };
  const f = fs as unknown as Record<string, unknown>;
  for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'opendirSync', 'readdirSync', 'readdir']) wrap(f, name);
  const p = fsp as unknown as Record<string, unknown>;
  for (const name of ['readFile', 'open', 'opendir', 'readdir']) wrap(p, name);
  syncBuiltinESMExports();
  return {
    paths,
    stop() {
      for (const r of restore.splice(0)) r();
      syncBuiltinESMExports();
    },
  };
}

/** True when `path` is `dir` or below it. */
export function isUnder(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Lints with the built-in rules (recommended preset), in-process, no cache. */
export async function lintTree(root: string, paths: string[], options: { fix?: boolean; config?: SelfhelpConfig; pluginModules?: { name: string; module: Record<string, unknown> }[] } = {}): Promise<LintRun> {
  const config = await loadConfig({ cwd: root, config: { root: '.', gitignore: false, ...options.config }, ...(options.pluginModules ? { pluginModules: options.pluginModules } : {}) });
  return lintFiles(
    paths.map((p) => resolve(root, p)),
    { config, cwd: root, cacheLocation: false, concurrency: 'off', fix: options.fix ?? false },
  );
}

/** Lints with fixing on and writes the fixed files (atomically, as `selfhelp lint --fix`). */
export async function fixTree(root: string, paths: string[], config: SelfhelpConfig = {}): Promise<LintRun> {
  const run = await lintTree(root, paths, { fix: true, config });
  await writeFixes(run.results);
  return run;
}

/** Builds the catalog in-process (no cache, no workers) into `<base>/out`. */
export async function buildTree(box: Sandbox, paths: string[] = ['.'], extra: Partial<CompileCatalogOptions> = {}): Promise<BuildResult> {
  return compileCatalog({ root: box.root, paths: paths.map((p) => resolve(box.root, p)), outDir: join(box.base, 'out'), cache: false, workers: 0, skipInvalid: true, ...extra });
}

/** Runs the `selfhelp` CLI in-process; stdout and stderr are captured. */
export async function runCli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
    out.mockRestore();
    err.mockRestore();
  }
}

/** The names `Object.prototype` has in a clean realm. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const OBJECT_TO_STRING = Object.prototype.toString;

/** Fails when anything was added to `Object.prototype` (or `Array.prototype`, `Function.prototype`). */
export function expectPrototypesIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'x', 'y', 'z', 'toString2']) expect(probe[name]).toBeUndefined();
  expect(probe.constructor).toBe(Object);
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(probe.toString).toBe(OBJECT_TO_STRING);
  expect(Object.keys(Array.prototype)).toEqual([]);
  expect(Object.keys(Function.prototype)).toEqual([]);
}

/** Parses a JSON catalog file; fails the test when it is not JSON. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}
