// The index (staging area): what is staged for each path, and reading that staged content.
import { createHash } from 'node:crypto';
import { CatFileBatch } from './cat-file.js';
import { git, splitNul } from './exec.js';
import { isRegularFileMode } from './paths.js';

export interface IndexEntry {
  /** Repository-relative path with `/` separators. */
  path: string;
  /** `100644` or `100755` (other modes are left out). */
  mode: string;
  /** The staged blob's id. */
  oid: string;
}

export interface StagedBlob {
  path: string;
  /** The staged content, decoded as UTF-8 (a BOM is kept, as `readFile(..., 'utf8')` keeps it). */
  source: string;
  oid: string;
}

/** Above this many paths the whole index is listed and filtered, instead of passing the paths as arguments. */
const MAX_PATHSPECS = 200;

/**
 * Stage-0 regular-file entries of the index, from `git ls-files -s -z` (run at the root, so paths are
 * root-relative). With `paths`, only those (taken literally); otherwise all. Conflicted entries
 * (stages 1-3), symbolic links and submodules are left out.
 */
export async function listIndex(repo: string, paths?: readonly string[]): Promise<IndexEntry[]> {
  const wanted = paths ? new Set(paths) : undefined;
  if (wanted && wanted.size === 0) return [];
  const spec = wanted && wanted.size <= MAX_PATHSPECS ? ['--', ...wanted] : [];
  const out = await git(repo, ['ls-files', '-s', '-z', ...spec]);
  const entries: IndexEntry[] = [];
  for (const record of splitNul(out)) {
    // `<mode> SP <oid> SP <stage> TAB <path>`
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', oid = '', stage = ''] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (stage !== '0' || !isRegularFileMode(mode)) continue;
    if (wanted && !wanted.has(path)) continue;
    entries.push({ path, mode, oid });
  }
  return entries;
}

/**
 * The staged content of `paths` (repository-relative): the index blobs, not the working tree, so a
 * partially staged file is read as it will be committed. One `git ls-files` and one
 * `git cat-file --batch` process, whatever the number of files. Paths that are not staged (not in the
 * index, or conflicted) are left out; the order of `paths` is kept.
 */
export async function readIndexBlobs(repo: string, paths: readonly string[]): Promise<StagedBlob[]> {
  const byPath = new Map((await listIndex(repo, paths)).map((e) => [e.path, e]));
  const batch = new CatFileBatch(repo);
  try {
    const wanted = [...new Set(paths)].flatMap((p) => { const e = byPath.get(p); return e ? [e] : []; });
    const contents = await Promise.all(wanted.map((e) => batch.read(e.oid)));
    return wanted.flatMap((e, i) => {
      const content = contents[i];
      return content ? [{ path: e.path, oid: e.oid, source: content.toString('utf8') }] : [];
    });
  } finally {
    batch.close();
  }
}

/** The git blob id of `content` (`sha1("blob <size>\0" + content)`, or sha256 in SHA-256 repositories). */
export function blobId(content: Buffer, format: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}
