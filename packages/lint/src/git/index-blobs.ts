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
 * (stages 1-3), symbolic links, submodules and intent-to-add entries (`git add -N`: nothing of them is
 * committed) are left out.
 */
export async function listIndex(repo: string, paths?: readonly string[]): Promise<IndexEntry[]> {
  const wanted = paths ? new Set(paths) : undefined;
  if (wanted && wanted.size === 0) return [];
  const spec = wanted && wanted.size <= MAX_PATHSPECS ? ['--', ...wanted] : [];
  const out = (await git(repo, ['ls-files', '-s', '-z', ...spec])).toString('utf8');
  const entries: IndexEntry[] = [];
  // Records are `<mode> SP <oid> SP <stage> TAB <path> NUL`; parsed with indexOf, no per-record splits
  // (the whole index of a large repository goes through here on every `--staged` run).
  for (let at = 0; at < out.length; ) {
    const end = out.indexOf('\0', at);
    const stop = end < 0 ? out.length : end;
    const sp1 = out.indexOf(' ', at);
    const sp2 = out.indexOf(' ', sp1 + 1);
    const tab = out.indexOf('\t', sp2 + 1);
    if (sp1 > at && sp2 > sp1 && tab > sp2 && tab < stop) {
      const mode = out.slice(at, sp1);
      const stage = out.slice(sp2 + 1, tab);
      const path = out.slice(tab + 1, stop);
      if (stage === '0' && isRegularFileMode(mode) && (!wanted || wanted.has(path))) {
        entries.push({ path, mode, oid: out.slice(sp1 + 1, sp2) });
      }
    }
    at = stop + 1;
  }
  // An intent-to-add entry records the empty blob, as a staged empty file does: only those are asked about.
  const empty = entries.filter((e) => e.oid === EMPTY_BLOB[e.oid.length]);
  if (empty.length === 0) return entries;
  const intended = await intentToAdd(repo, empty.map((e) => e.path));
  return intended.size === 0 ? entries : entries.filter((e) => !intended.has(e.path));
}

const EMPTY_BLOB: Record<number, string> = { 40: blobId(Buffer.alloc(0), 'sha1'), 64: blobId(Buffer.alloc(0), 'sha256') };

/**
 * The paths among `paths` that are intent-to-add entries. `git status --porcelain=v2` (a stable format)
 * reports them as `.A`: added in the work tree, nothing in the index for a commit; `git ls-files` cannot
 * tell them from a staged empty file.
 */
async function intentToAdd(repo: string, paths: readonly string[]): Promise<Set<string>> {
  const args = ['status', '--porcelain=v2', '-z', '--untracked-files=no', '--ignore-submodules=all', '--no-renames'];
  if (paths.length <= MAX_PATHSPECS) args.push('--', ...paths);
  const found = new Set<string>();
  for (const record of splitNul(await git(repo, args))) {
    if (!record.startsWith('1 .A ')) continue;
    // `1 XY sub mH mI mW hH hI path`: the path follows the eighth space.
    let at = 0;
    for (let field = 0; field < 8 && at >= 0; field++) {
      const space = record.indexOf(' ', at);
      at = space < 0 ? -1 : space + 1;
    }
    if (at > 0) found.add(record.slice(at));
  }
  return found;
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
