// Parses `git diff --raw -z --no-abbrev -M` output into lintable files and removed files.
// One record is `:<old mode> <new mode> <old id> <new id> <status>[score]\0<path>\0`, and for
// renames and copies `...\0<old path>\0<new path>\0`.
import { isMarkdownPath, isRegularFileMode, comparePaths } from './paths.js';

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'type-changed';

/** A Markdown file to lint: it exists after the change, as a regular file. */
export interface ChangedFile {
  /** Repository-relative path with `/` separators. */
  path: string;
  status: ChangeStatus;
  /** The path before a rename or copy. */
  oldPath?: string;
  /** The blob id of the new content (for `--staged`, the index blob: what will be committed). */
  oid: string;
  /** `100644` or `100755`. */
  mode: string;
}

export interface ChangeSet {
  /** Markdown files to lint, sorted by path. */
  files: ChangedFile[];
  /**
   * Markdown paths that are gone after the change: deleted, renamed to a non-Markdown name, or
   * replaced by a symbolic link or submodule. Sorted. Nothing to lint there, but cross-article checks
   * (duplicate articleId, support-topic registry) must run again, since the tree lost an article.
   */
  deleted: string[];
  /** Paths with unresolved merge conflicts (status U), which git will not commit as they are. Sorted. */
  unmerged: string[];
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', R: 'renamed', C: 'copied', T: 'type-changed' };

export function parseRawDiff(fields: readonly string[]): ChangeSet {
  const files: ChangedFile[] = [];
  const deleted: string[] = [];
  const unmerged = new Set<string>();
  let i = 0;
  while (i < fields.length) {
    const meta = fields[i++] as string;
    if (!meta.startsWith(':')) continue; // not a raw record (defensive: never emitted with --raw)
    const [oldMode = '', newMode = '', , newOid = '', statusField = ''] = meta.slice(1).split(' ');
    const letter = statusField.charAt(0);
    const first = fields[i++] ?? '';
    const second = letter === 'R' || letter === 'C' ? (fields[i++] ?? '') : undefined;
    const newPath = second ?? first;
    const oldPath = first;

    if (letter === 'U') { unmerged.add(newPath); continue; }
    if (letter === 'D') {
      if (isMarkdownPath(oldPath) && isRegularFileMode(oldMode)) deleted.push(oldPath);
      continue;
    }
    const status = STATUS[letter];
    if (!status) continue; // X (unknown) or B (broken pair): nothing sensible to lint
    const lintable = isMarkdownPath(newPath) && isRegularFileMode(newMode);
    if (lintable) {
      files.push({ path: newPath, status, oid: newOid, mode: newMode, ...(second !== undefined ? { oldPath } : {}) });
    }
    // A Markdown file that left the tree under its old name (renamed away) or became a link.
    const oldWasArticle = isMarkdownPath(oldPath) && isRegularFileMode(oldMode);
    if ((letter === 'R' || letter === 'T') && oldWasArticle && !lintable) deleted.push(oldPath);
  }
  files.sort((a, b) => comparePaths(a.path, b.path));
  deleted.sort(comparePaths);
  return { files, deleted: [...new Set(deleted)], unmerged: [...unmerged].sort(comparePaths) };
}
