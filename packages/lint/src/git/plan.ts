// What `selfhelp lint --staged` and `--changed-since REF` hand to the engine: the files to lint
// (absolute paths), the tree the engine reads (the staged tree, or the disk), how to write fixes,
// and the deleted files. Shaped like the CLI's InputPlan, so wiring a flag is one call.
import path from 'node:path';
import picomatch from 'picomatch';
import { diskSource, type ContentSource } from '../fs.js';
import type { LintResult } from '../result.js';
import { changedSince } from './changed.js';
import { applyStagedFixes, type StagedFix, type StagedFixOutcome } from './fix-staged.js';
import type { ChangedFile } from './raw-diff.js';
import { findRepoRoot } from './repo.js';
import { stagedChanges } from './staged.js';
import { stagedContentSource } from './staged-source.js';

type IgnoreTest = (absPath: string, isDir?: boolean) => boolean;

export interface GitPlanOptions {
  /** Paths, folders or globs (relative to cwd) that limit the files; empty or absent: the whole repository. */
  patterns?: readonly string[];
  /**
   * The run's ignore test (config `ignores`, .gitignore): matching files are not linted. A promise of it lets
   * git run while the configuration is still loading.
   */
  ignored?: IgnoreTest | PromiseLike<IgnoreTest>;
  /** Where notices go (a fix left out because of unstaged changes). Default: stderr. */
  onNotice?: (line: string) => void;
}

export interface GitInputPlan {
  /** The top of the working tree, spelled as under cwd (symbolic links in cwd kept). */
  root: string;
  /** Files to lint: absolute paths, sorted. The engine reads them through `source`. */
  inputs: { path: string }[];
  /** For `--staged`: the staged tree (ContentSource). Undefined: the disk. */
  source?: ContentSource;
  /** Nothing is named explicitly in these modes: always empty (the CLI's InputPlan field). */
  ignoredExplicit: string[];
  /** Absolute paths of Markdown files the change deleted (not linted; cross-article checks must still run). */
  deleted: string[];
  /** The changed files as git reported them (repository-relative). */
  changes: ChangedFile[];
  /** Renamed files: new path -> old path, repository-relative (for the baseline: `BaselineOptions.renames`). */
  renames: Map<string, string>;
  /** The text a result was linted from (for `--fix-dry-run` diffs and baseline fingerprints). */
  original(filePath: string): string | undefined;
  /**
   * For `--staged`: writes fixes to the working files and re-stages them, only when they have no
   * unstaged changes (the others get a notice). Same as `applyFixes`, for the CLI's InputPlan.
   */
  writeFixes?(results: readonly LintResult[]): Promise<void>;
  /** For `--staged`: `writeFixes`, returning what happened to each fixed file. */
  applyFixes?(results: readonly LintResult[]): Promise<StagedFixOutcome[]>;
  /** For `--changed-since`: the merge base the changes are measured from. */
  base?: string;
}

const GLOB_CHARS = /[*?[\]{}!()]/;

/** Keeps the files that one of the patterns names: a file, a folder holding it, or a glob (relative to cwd). */
function patternFilter(patterns: readonly string[] | undefined, cwd: string): (absPath: string) => boolean {
  if (!patterns || patterns.length === 0) return () => true;
  const tests = patterns.map((pattern) => {
    if (GLOB_CHARS.test(pattern)) {
      const match = picomatch(pattern.split(path.sep).join('/'), { dot: false });
      return (abs: string) => match(path.relative(cwd, abs).split(path.sep).join('/'));
    }
    const target = path.resolve(cwd, pattern);
    return (abs: string) => abs === target || abs.startsWith(target.endsWith(path.sep) ? target : target + path.sep);
  });
  return (abs) => tests.some((t) => t(abs));
}

function renamesOf(changes: readonly ChangedFile[]): Map<string, string> {
  return new Map(changes.flatMap((c) => (c.status === 'renamed' && c.oldPath !== undefined ? [[c.path, c.oldPath] as const] : [])));
}

async function select(root: string, changes: readonly ChangedFile[], cwd: string, options: GitPlanOptions): Promise<string[]> {
  const wanted = patternFilter(options.patterns, cwd);
  const ignored = await options.ignored;
  return changes
    .map((c) => path.join(root, ...c.path.split('/')))
    .filter((abs) => wanted(abs) && !(ignored?.(abs, false) ?? false));
}

/**
 * `--staged`: the staged Markdown files, read from the index (what will be committed), with the staged
 * tree as the engine's ContentSource (cross-article checks and includes see the staged version of
 * every file). Throws NotAGitRepositoryError outside a repository.
 */
export async function stagedPlan(cwd: string, options: GitPlanOptions = {}): Promise<GitInputPlan> {
  const root = await findRepoRoot(cwd);
  const [changes, source] = await Promise.all([stagedChanges(root), stagedContentSource(root)]);
  // The files to lint whose working copy is not their staged content (edited after `git add`): one git process.
  await source.preload(changes.files.map((f) => f.path));
  const notice = options.onNotice ?? ((line: string) => process.stderr.write(line + '\n'));
  const toAbs = (rel: string) => path.join(root, ...rel.split('/'));
  async function applyFixes(results: readonly LintResult[]): Promise<StagedFixOutcome[]> {
    const fixes: StagedFix[] = [];
    for (const r of results) {
      if (r.output === undefined) continue;
      const entry = source.entry(r.filePath);
      if (entry) fixes.push({ path: entry.path, oid: entry.oid, output: r.output });
    }
    const outcomes = await applyStagedFixes(root, fixes);
    for (const o of outcomes) if (o.status === 'unstaged-changes') notice(`selfhelp: ${o.message}`);
    return outcomes;
  }
  return {
    root,
    inputs: (await select(root, changes.files, cwd, options)).map((p) => ({ path: p })),
    source,
    ignoredExplicit: [],
    deleted: changes.deleted.map(toAbs),
    changes: changes.files,
    renames: renamesOf(changes.files),
    original: (filePath) => source.readText(filePath),
    applyFixes,
    writeFixes: async (results) => { await applyFixes(results); },
  };
}

/**
 * `--changed-since REF`: the Markdown files changed between the merge base of REF and HEAD (added,
 * modified, renamed under the new name), read from the disk (CI checks HEAD out). Throws GitError
 * (`bad-ref`, `no-merge-base`, `no-commits`) or NotAGitRepositoryError: one line, exit 2.
 */
export async function changedSincePlan(cwd: string, ref: string, options: GitPlanOptions = {}): Promise<GitInputPlan> {
  const root = await findRepoRoot(cwd);
  const changes = await changedSince(root, ref);
  return {
    root,
    inputs: (await select(root, changes.files, cwd, options)).map((p) => ({ path: p })),
    ignoredExplicit: [],
    deleted: changes.deleted.map((rel) => path.join(root, ...rel.split('/'))),
    changes: changes.files,
    renames: renamesOf(changes.files),
    original: (filePath) => diskSource.readText(filePath),
    base: changes.base,
  };
}
