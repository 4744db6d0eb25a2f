// Path helpers: everything the engine compares or prints uses `/` separators.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A `.` or `..` segment: a path holding one is not taken apart by string slicing. */
const DOT_SEGMENT = /(?:^|[\\/])\.\.?(?:[\\/]|$)/;

/** True when `path` is `dir` or inside it (both absolute). */
export function isInside(dir: string, path: string): boolean {
  // The hot case (thousands of files under one root): `dir` + separator + a rest with no dot segment.
  if (path === dir) return true;
  if (path.startsWith(dir)) {
    const at = dir.endsWith(sep) ? dir.length : path[dir.length] === sep ? dir.length + 1 : -1;
    if (at > 0 && !DOT_SEGMENT.test(dir) && !DOT_SEGMENT.test(path.slice(at))) return true;
  }
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `path` relative to `dir`, with `/` separators (string slicing when `path` is inside `dir`: the common, hot case). */
export function relativePosix(dir: string, path: string): string {
  if (path.length > dir.length + 1 && path.startsWith(dir) && (path[dir.length] === sep || dir.endsWith(sep))) {
    const rel = path.slice(dir.endsWith(sep) ? dir.length : dir.length + 1);
    if (!rel.includes(`${sep}..${sep}`) && !rel.startsWith(`..${sep}`) && !rel.includes(`${sep}.${sep}`)) return toPosix(rel);
  }
  return toPosix(relative(dir, path));
}

/** The real path of a folder (symbolic links resolved), or the path as given when it cannot be resolved. */
export function realPathOf(path: string): string {
  return realPathOrNull(path) ?? path;
}

/**
 * Real paths (symbolic links resolved) of many files in few folders: each folder is resolved once, where a
 * realpath reads every component of the path again (about nine calls per file of a corpus). Whether a file
 * is a link itself comes from one lstat; from the second file of a folder on, from the folder's listing
 * (read once, with file types). Undefined for a path that does not exist.
 */
export function realPathsByFolder(): (path: string) => string | undefined {
  interface Folder {
    real: string | null;
    asked: number;
    /** Each name in the folder: whether it is a symbolic link (once listed). */
    listing?: Map<string, boolean>;
  }
  const folders = new Map<string, Folder>();
  const folderOf = (dir: string): Folder => {
    let folder = folders.get(dir);
    if (folder === undefined) folders.set(dir, (folder = { real: realPathOrNull(dir), asked: 0 }));
    if (++folder.asked === 2 && folder.real !== null) {
      try {
        folder.listing = new Map(readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e.isSymbolicLink()]));
      } catch {
        // unreadable: lstat each file
      }
    }
    return folder;
  };
  return (path) => {
    const folder = folderOf(dirname(path));
    const name = basename(path);
    let link = folder.listing?.get(name);
    if (link === undefined) {
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        return undefined;
      }
    }
    if (link) return realPathOrNull(path) ?? undefined;
    return folder.real === null ? undefined : join(folder.real, name);
  };
}

function realPathOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/**
 * True when the real path of `path` (symbolic links resolved by `realOf`, from realPathsByFolder) is inside `realRoot` (a real
 * path); false for a link that leads out of it. A path that does not exist counts as inside (its read
 * fails as usual).
 */
export function resolvesInside(realRoot: string, path: string, realOf: (path: string) => string | undefined): boolean {
  const real = realOf(path);
  return real === undefined || isInside(realRoot, real);
}

export function absolute(cwd: string, path: string): string {
  return resolve(cwd, path);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` holding `.git` (a work tree's top), if any. */
export function findGitRoot(start: string): string | undefined {
  return gitRootFinder()(start);
}

/**
 * findGitRoot keeping its answers per folder, for a run that asks about thousands of folders under the
 * same few roots: each folder is tested for `.git` once, not once per folder below it.
 */
export function gitRootFinder(): (start: string) => string | undefined {
  const known = new Map<string, string | null>();
  const find = (dir: string): string | undefined => {
    const hit = known.get(dir);
    if (hit !== undefined) return hit ?? undefined;
    let answer: string | null = null;
    if (existsSync(resolve(dir, '.git'))) answer = dir;
    else {
      const parent = dirname(dir);
      if (parent !== dir) answer = find(parent) ?? null;
    }
    known.set(dir, answer);
    return answer ?? undefined;
  };
  return find;
}

/**
 * The content root of a file when the configuration does not name one that holds it:
 * the parent of its nearest ancestor folder named `articles` (the layout `articles/` + `includes/`),
 * else the top of its git work tree, else its own folder.
 */
export function fallbackRootFor(file: string): string {
  return fallbackRoot(file).root;
}

/** As `fallbackRootFor`, and whether the root is only the file's own folder (no project around it). */
export function fallbackRoot(file: string): { root: string; adhoc: boolean } {
  let dir = dirname(file);
  for (;;) {
    if (basename(dir) === 'articles') return { root: dirname(dir), adhoc: false };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const git = findGitRoot(dirname(file));
  if (git !== undefined && isDirectory(git)) return { root: git, adhoc: false };
  return { root: dirname(file), adhoc: true };
}
