// The engine's ContentSource (../fs.ts) over the staged tree: what `selfhelp lint --staged` lints and
// what its cross-article checks and include resolution see. Nothing is read up front except the
// index and the few files whose working copy differs from it:
//
// - the index lists every staged path with its blob id: read from `.git/index` itself in the plain case
//   (index-file.ts), else from `git ls-files -s -z`;
// - a path's working file stands for its staged content when git's stat data in the index still matches it
//   (the check git itself makes; read directly) or, with the index from git, when `git diff --name-only`
//   does not name it. Other paths' blobs are read through one `git cat-file --batch` process: up front for
//   the paths `git diff` names, or for the files to lint (`preload`);
// - every other path is read from the working tree on demand, and its bytes are checked against the
//   blob id (a content hash); a mismatch (a checkout filter such as autocrlf, an edit during the run)
//   falls back to the blob. `stat()` answers for those clean paths only, so a cache keyed on size and
//   mtime stays correct: it never describes a file whose staged content differs.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentSource, FileStat } from '../fs.js';
import { CatFileBatch } from './cat-file.js';
import { git, gitEnv, splitNul } from './exec.js';
import { blobId, listIndex, type IndexEntry } from './index-blobs.js';
import { cleanStat, readWorkTreeIndex, statData, type IndexFileEntry } from './index-file.js';

export interface StagedContentSource extends ContentSource {
  /** The repository root (absolute); the source holds the files under it. */
  readonly root: string;
  /** The index entry of an absolute path, or undefined when that path is not staged. */
  entry(absPath: string): IndexEntry | undefined;
  /** Where reads came from, for `--debug` and tests. */
  readonly stats: { workingTree: number; objectStore: number };
  /** Where the index came from: `file` (read directly) or `git` (`git ls-files` and `git diff`). */
  readonly indexFrom: 'file' | 'git';
  /** Reads now, through one process, the staged content of those paths whose working file is not clean. */
  preload(paths: readonly string[]): Promise<void>;
}

/** Path segments the disk source never lists either (tinyglobby with `dot: false`, node_modules ignored). */
const hiddenSegment = (segment: string) => segment.startsWith('.') || segment === 'node_modules';

export async function stagedContentSource(repo: string): Promise<StagedContentSource> {
  const root = path.resolve(repo);
  const indexFile = readWorkTreeIndex(root);
  let entries: IndexEntry[];
  /** With the index from git: the paths whose working copy differs (`git diff`). */
  let dirty: Set<string> | undefined;
  if (indexFile) entries = indexFile.entries;
  else {
    const [listed, dirtyOut] = await Promise.all([
      listIndex(root),
      git(root, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--ignore-submodules=all']),
    ]);
    entries = listed;
    dirty = new Set(splitNul(dirtyOut));
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));

  const preloaded = new Map<string, string>();
  const stats = { workingTree: 0, objectStore: 0 };
  /** Reads the blobs of these entries now, all through one process. */
  const load = async (toLoad: readonly IndexEntry[]) => {
    if (toLoad.length === 0) return;
    const batch = new CatFileBatch(root);
    try {
      const blobs = await Promise.all(toLoad.map((e) => batch.read(e.oid)));
      toLoad.forEach((e, i) => { const b = blobs[i]; if (b) preloaded.set(e.path, b.toString('utf8')); });
    } finally {
      batch.close();
    }
  };
  if (dirty) await load([...dirty].flatMap((p) => { const e = byPath.get(p); return e ? [e] : []; }));

  // The engine asks about every file of the tree, several times: plain string work, no path.resolve.
  const rootPrefix = root.endsWith(path.sep) ? root : root + path.sep;
  const toAbs = path.sep === '/' ? (rel: string) => rootPrefix + rel : (rel: string) => rootPrefix + rel.split('/').join(path.sep);
  /** Repository-relative `/` path of an absolute path inside the root, else undefined. */
  const relative = (absPath: string): string | undefined => {
    let rel: string;
    if (absPath.startsWith(rootPrefix) && !absPath.includes(`${path.sep}.`) && !absPath.includes(path.sep + path.sep)) rel = absPath.slice(rootPrefix.length);
    else {
      rel = path.relative(root, path.resolve(absPath));
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    }
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  };
  const byAbs = new Map(entries.map((e) => [toAbs(e.path), e]));
  const entryOf = (absPath: string) => {
    const hit = byAbs.get(absPath);
    if (hit) return hit;
    const rel = relative(absPath);
    return rel === undefined ? undefined : byPath.get(rel);
  };

  function readText(absPath: string): string | undefined {
    const e = entryOf(absPath);
    if (!e) return undefined;
    const early = preloaded.get(e.path);
    if (early !== undefined) { stats.objectStore++; return early; }
    try {
      const bytes = readFileSync(toAbs(e.path));
      if (blobId(bytes, e.oid.length === 64 ? 'sha256' : 'sha1') === e.oid) { stats.workingTree++; return bytes.toString('utf8'); }
    } catch {
      // gone since `git diff` ran: read the blob
    }
    stats.objectStore++;
    try {
      return execFileSync('git', ['cat-file', 'blob', e.oid], { cwd: root, env: gitEnv(), maxBuffer: 1 << 30, windowsHide: true }).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The working file's stat when it holds the staged content (see the top of this file); else undefined. */
  function clean(e: IndexEntry): FileStat | undefined {
    const file = toAbs(e.path);
    if (indexFile) {
      const indexed = e as IndexFileEntry;
      if (indexed.noStat) return undefined;
      try {
        return cleanStat(statData(indexFile.bytes, indexed.at), statSync(file, { bigint: true }), indexFile.mtime);
      } catch {
        return undefined;
      }
    }
    if (dirty!.has(e.path)) return undefined;
    try {
      // The same fields as the disk source, so cache entries serve `--staged` and plain runs alike.
      const s = statSync(file);
      return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  function stat(absPath: string): FileStat | undefined {
    const e = entryOf(absPath);
    return e ? clean(e) : undefined;
  }

  async function preload(paths: readonly string[]): Promise<void> {
    if (!indexFile) return; // git diff named the paths that differ: read already
    await load(paths.flatMap((p) => { const e = byPath.get(p); return e && !preloaded.has(p) && !clean(e) ? [e] : []; }));
  }

  async function listMarkdown(dir: string, ignored: (absPath: string, isDir: boolean) => boolean): Promise<string[]> {
    const base = path.resolve(dir);
    const within = relative(base);
    if (within === undefined && base !== root) return []; // a folder outside the repository: nothing staged there
    const prefix = within === undefined ? '' : within + '/';
    const out: string[] = [];
    for (const e of entries) {
      if (!e.path.endsWith('.md') || !e.path.startsWith(prefix)) continue;
      if (e.path.slice(prefix.length).split('/').some(hiddenSegment)) continue;
      const abs = toAbs(e.path);
      if (!ignored(abs, false)) out.push(abs);
    }
    return out;
  }

  return {
    disk: false,
    root,
    stats,
    indexFrom: indexFile ? 'file' : 'git',
    preload,
    entry: entryOf,
    readText,
    isFile: (absPath) => entryOf(absPath) !== undefined,
    stat,
    // readText returns exactly the staged content, whose blob id the index holds.
    contentId: (absPath) => entryOf(absPath)?.oid,
    listMarkdown,
  };
}
