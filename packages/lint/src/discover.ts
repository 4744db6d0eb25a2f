// Which files a run lints: paths, folders (recursing into *.md) and globs, minus the config's `ignores`
// and `.gitignore` files; always in one sorted order.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { LoadedConfig } from './config/load.js';
import { ConfigError } from './errors.js';
import { diskSource, listMarkdownFiles, type ContentSource } from './fs.js';
import { gitRootFinder, isInside, relativePosix, toPosix } from './paths.js';
import { LINT_VERSION } from './version.js';

type IgnoreMatcher = { ignores(path: string): boolean };
type IgnoreFactory = () => { add(patterns: string): IgnoreMatcher & { add(patterns: string): unknown } };

export interface IgnoreFilter {
  (absPath: string, isDir?: boolean): boolean;
  /**
   * A digest of everything that decides the answers for these files: the paths, the config's ignores and
   * folder, and every `.gitignore` (folder and text) on the way from their folders up to where the lookup
   * stops. Equal signatures, equal answers: a cache can keep the answers under it.
   */
  signature(absPaths: readonly string[]): string;
}

/**
 * The ignore test of a run: the config's `ignores` (and node_modules, .git), then every `.gitignore`
 * from the file's folder up to the top of its git work tree (or the config's folder when there is no git).
 * A path is ignored when any of those `.gitignore` files ignores it.
 */
export async function createIgnoreFilter(config: LoadedConfig, source: ContentSource = diskSource): Promise<IgnoreFilter> {
  const header = JSON.stringify({ v: LINT_VERSION, base: config.baseDir, ignores: config.config.ignores ?? [], gitignore: config.gitignore });
  if (!config.gitignore) {
    return Object.assign((absPath: string) => config.isIgnored(absPath), { signature: (absPaths: readonly string[]) => digest([header, ...absPaths]) });
  }
  const ignoreModule = (await import('ignore')) as unknown as { default: IgnoreFactory };
  const makeIgnore = ignoreModule.default;
  const perDir = new Map<string, { matcher: IgnoreMatcher; text: string } | null>();
  const stopFor = new Map<string, string>();
  const gitRoot = gitRootFinder();
  const matcherFor = (dir: string): IgnoreMatcher | undefined => {
    let m = perDir.get(dir);
    if (m === undefined) {
      const text = source.readText(join(dir, '.gitignore'));
      m = text === undefined ? null : { matcher: makeIgnore().add(text), text };
      perDir.set(dir, m);
    }
    return m?.matcher;
  };
  const stopDirFor = (dir: string): string => {
    let stop = stopFor.get(dir);
    if (stop === undefined) {
      stop = gitRoot(dir) ?? (isInside(config.baseDir, dir) ? config.baseDir : dir);
      stopFor.set(dir, stop);
    }
    return stop;
  };
  // The .gitignore files that apply to the files of a folder, each with the folder's path relative to the
  // .gitignore's own (`a/b/`) and the .gitignore's folder: worked out once per folder, not once per file.
  const chains = new Map<string, [IgnoreMatcher, string, string][]>();
  const chainFor = (start: string): [IgnoreMatcher, string, string][] => {
    let chain = chains.get(start);
    if (chain !== undefined) return chain;
    chain = [];
    const stop = stopDirFor(start);
    for (let dir = start; ; dir = dirname(dir)) {
      const m = matcherFor(dir);
      if (m) {
        const within = relativePosix(dir, start);
        chain.push([m, within === '' ? '' : within + '/', dir]);
      }
      if (dir === stop || dirname(dir) === dir) break;
    }
    chains.set(start, chain);
    return chain;
  };
  const signature = (absPaths: readonly string[]): string => {
    const folders = new Set<string>();
    for (const p of absPaths) folders.add(parentFolder(p));
    const parts = [header];
    const used = new Set<string>();
    for (const folder of [...folders].sort()) {
      const chain = chainFor(folder);
      parts.push(folder + '\0' + chain.map((c) => c[2]).join('\0'));
      for (const c of chain) used.add(c[2]);
    }
    for (const dir of [...used].sort()) parts.push(dir + '\0' + perDir.get(dir)!.text);
    return digest([...parts, ...absPaths]);
  };
  const memo = new Map<string, boolean>();
  const test = (absPath: string, isDir: boolean): boolean => {
    if (config.isIgnored(absPath)) return true;
    const name = basename(absPath) + (isDir ? '/' : '');
    for (const [m, within] of chainFor(dirname(absPath))) if (m.ignores(within + name)) return true;
    return false;
  };
  // Discovery and the cross-article tree ask about the same files: answer each once.
  const filter = (absPath: string, isDir = false): boolean => {
    const key = isDir ? absPath + '/' : absPath;
    let answer = memo.get(key);
    if (answer === undefined) memo.set(key, (answer = test(absPath, isDir)));
    return answer;
  };
  return Object.assign(filter, { signature });
}

function digest(parts: readonly string[]): string {
  // One update of the joined text (each part ends with a line break): 6,000 paths cost one call, not 12,000.
  return createHash('sha1').update(parts.join('\n') + '\n').digest('base64url');
}

/** dirname of an absolute path; on POSIX by string search (the signature asks for thousands of paths). */
function parentFolder(absPath: string): string {
  if (sep !== '/') return dirname(absPath);
  const i = absPath.lastIndexOf('/');
  return i > 0 && i < absPath.length - 1 ? absPath.slice(0, i) : dirname(absPath);
}

export interface Discovered {
  /** Absolute paths, sorted, unique. */
  files: string[];
  /** Files named explicitly that an ignore pattern covers (ESLint warns about these). */
  ignoredExplicit: string[];
}

const GLOB_CHARS = /[*?[\]{}!()]/;

/**
 * Expands paths, folders and globs (relative to cwd) into the Markdown files to lint.
 * A pattern that matches nothing is an error (exit 2), as in ESLint.
 */
export async function discoverFiles(patterns: readonly string[], options: { cwd: string; ignored: IgnoreFilter }): Promise<Discovered> {
  const { cwd, ignored } = options;
  const files = new Set<string>();
  const ignoredExplicit = new Set<string>();
  let globModule: typeof import('tinyglobby') | undefined;
  const glob = async (pattern: string, base: string) => {
    globModule ??= await import('tinyglobby');
    return globModule.glob([pattern], { cwd: base, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    let kind: 'file' | 'dir' | undefined;
    try {
      const s = statSync(abs);
      kind = s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
    } catch {
      kind = undefined;
    }
    if (kind === 'file') {
      if (ignored(abs)) ignoredExplicit.add(abs);
      else files.add(abs);
      continue;
    }
    let matched: string[];
    // The walk gives resolved paths already (under `abs`); the glob gives `/`-separated ones.
    if (kind === 'dir') matched = await listMarkdownFiles(abs);
    else if (GLOB_CHARS.test(pattern)) matched = (await glob(toPosix(pattern), cwd)).map((f) => resolve(f));
    else throw new ConfigError(`no such file or folder: ${pattern}`);
    const kept = matched.filter((f) => !ignored(f));
    if (kept.length === 0) {
      throw new ConfigError(matched.length > 0 ? `all files matched by "${pattern}" are ignored` : `no files matching the pattern "${pattern}" were found`);
    }
    for (const f of kept) files.add(f);
  }
  const sorted = [...files].sort(comparePaths);
  return { files: sorted, ignoredExplicit: [...ignoredExplicit].sort(comparePaths) };
}

/** The one order of files everywhere: by absolute path, code unit by code unit. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
