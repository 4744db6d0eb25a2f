// Reads git's index file (the staging area) itself: every stage-0 regular file's path, mode and blob id, and
// the stat data git recorded for it. `selfhelp lint --staged` used `git ls-files -s` for the entries and
// `git diff --name-only` for the files whose working copy differs, two processes that took about 50 ms of git's
// time on a 6,000-file index, while this reads about 700 KB. The format is git's Documentation/gitformat-index.txt,
// versions 2 to 4. What this reader does not handle (another version, a split or sparse index, an extension
// git requires readers to understand, a bad checksum) gives undefined: the caller asks git instead.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type { FileStat } from '../fs.js';
import type { IndexEntry } from './index-blobs.js';
import { plainGitEnvironment, unusualConfigLine } from './repo.js';

/** What git recorded of the working file when it last matched the staged content: each field as git keeps it (32 bits). */
export interface StatData {
  ctimeS: number;
  ctimeNs: number;
  mtimeS: number;
  mtimeNs: number;
  ino: number;
  uid: number;
  gid: number;
  size: number;
}

export interface IndexFileEntry extends IndexEntry {
  /** Where the entry starts in the index bytes: its stat data is decoded from there when asked for (statData). */
  at: number;
  /** assume-unchanged or skip-worktree: git does not compare the working file, so its stat data says nothing. */
  noStat: boolean;
}

export interface IndexFile {
  entries: IndexFileEntry[];
  /** The file's bytes, which the entries point into. */
  bytes: Buffer;
  /** The index file's own mtime (seconds, nanoseconds): an entry changed in the same instant or later is "racy". */
  mtime: { s: number; ns: number };
}

const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const SKIP_WORKTREE = 0x4000; // in the extended flags
const INTENT_TO_ADD = 0x2000; // in the extended flags

/**
 * The index at `file`, or undefined when it is missing or this reader cannot vouch for it. `hashLength` is the
 * repository's object id length in bytes: 20 (SHA-1) or 32 (SHA-256).
 */
export function readIndexFile(file: string, hashLength: 20 | 32): IndexFile | undefined {
  let bytes: Buffer;
  let mtimeNs: bigint;
  let fd: number;
  // One descriptor for the mtime and the bytes (not statSync + readFileSync): git replaces the index by renaming,
  // and the racy check needs the mtime of the very file that was read.
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat: BigIntStats = fstatSync(fd, { bigint: true });
    mtimeNs = stat.mtimeNs;
    bytes = Buffer.allocUnsafe(Number(stat.size));
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) return undefined; // shorter than its size said: being replaced
      at += n;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  const entries = parseIndex(bytes, hashLength);
  if (!entries) return undefined;
  return { entries, bytes, mtime: { s: Number(mtimeNs / 1_000_000_000n), ns: Number(mtimeNs % 1_000_000_000n) } };
}

/** The stat data git recorded for an entry (see IndexFileEntry.at). */
export function statData(bytes: Buffer, at: number): StatData {
  return {
    ctimeS: bytes.readUInt32BE(at),
    ctimeNs: bytes.readUInt32BE(at + 4),
    mtimeS: bytes.readUInt32BE(at + 8),
    mtimeNs: bytes.readUInt32BE(at + 12),
    ino: bytes.readUInt32BE(at + 20),
    uid: bytes.readUInt32BE(at + 28),
    gid: bytes.readUInt32BE(at + 32),
    size: bytes.readUInt32BE(at + 36),
  };
}

/** The entries of an index file's bytes (see readIndexFile); exported for tests. */
export function parseIndex(bytes: Buffer, hashLength: 20 | 32): IndexFileEntry[] | undefined {
  if (bytes.length < 12 + hashLength || bytes.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const end = bytes.length - hashLength;
  const trailer = bytes.subarray(end);
  // index.skipHash writes zeros instead of the checksum.
  if (trailer.some((b) => b !== 0) && !createHash(hashLength === 20 ? 'sha1' : 'sha256').update(bytes.subarray(0, end)).digest().equals(trailer)) return undefined;

  // The fields are read from the bytes as one-byte text (one string for the whole file), so an ASCII path is a
  // slice of it: a Buffer method call or view per field made the parse of 6,000 entries take 24 ms, mostly
  // garbage collection. (Hex for the whole file, to slice the ids from, took longer than hex per id.)
  const text = bytes.toString('latin1', 0, end);
  const u16 = (at: number) => (text.charCodeAt(at) << 8) | text.charCodeAt(at + 1);
  const count = bytes.readUInt32BE(8);
  const entries: IndexFileEntry[] = [];
  const fixed = 40 + hashLength + 2; // stat data (40 bytes), object id, flags
  let at = 12;
  // Version 4: the previous entry's path (bytes), whose prefix the next one shares.
  let previous = Buffer.allocUnsafe(256);
  let previousLength = 0;
  for (let i = 0; i < count; i++) {
    const start = at;
    if (start + fixed > end) return undefined;
    const flags = u16(start + 40 + hashLength);
    let extended = 0;
    let pathAt = start + fixed;
    if (flags & EXTENDED) {
      if (version < 3 || pathAt + 2 > end) return undefined;
      extended = u16(pathAt);
      pathAt += 2;
    }
    let path: string;
    if (version === 4) {
      // How many bytes to drop from the previous path (git's offset varint), then the rest of the path, NUL-ended.
      let strip = -1;
      let b: number;
      do {
        if (pathAt >= end) return undefined;
        b = text.charCodeAt(pathAt++);
        strip = (strip + 1) * 128 + (b & 0x7f);
      } while (b & 0x80);
      const nul = text.indexOf('\0', pathAt);
      if (nul < 0 || strip > previousLength) return undefined;
      const kept = previousLength - strip;
      const length = kept + (nul - pathAt);
      if (length > previous.length) {
        const grown = Buffer.allocUnsafe(Math.max(length, previous.length * 2));
        previous.copy(grown, 0, 0, kept);
        previous = grown;
      }
      bytes.copy(previous, kept, pathAt, nul);
      previousLength = length;
      path = previous.toString('utf8', 0, length);
      at = nul + 1;
    } else {
      const nul = text.indexOf('\0', pathAt);
      if (nul < 0) return undefined;
      path = text.slice(pathAt, nul);
      if (NON_ASCII.test(path)) path = bytes.toString('utf8', pathAt, nul);
      // Padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((nul - start + 8) & ~7);
    }
    // The mode: 16 zero bits, then the object type (4 bits) and the permissions.
    const mode = u16(start + 26);
    if (mode >>> 12 === 0o04) return undefined; // a sparse index's folder entry: git expands those
    // Regular files only (symbolic links and submodules are never linted), stage 0 (not a conflict), and not
    // an intent-to-add entry (`git add -N`: nothing of it is committed).
    const kind = u16(start + 24) !== 0 ? undefined : mode === 0o100644 ? '100644' : mode === 0o100755 ? '100755' : undefined;
    if (kind === undefined || ((flags >>> 12) & 3) !== 0 || extended & INTENT_TO_ADD) continue;
    entries.push({
      path,
      mode: kind,
      oid: bytes.toString('hex', start + 40, start + 40 + hashLength),
      at: start,
      noStat: (flags & ASSUME_VALID) !== 0 || (extended & SKIP_WORKTREE) !== 0,
    });
  }
  // Extensions: a signature (4 bytes) and a length. One whose signature starts with a lowercase letter must be
  // understood to read the index right (a split index's "link", a sparse index's "sdir"): none is, here.
  while (at < end) {
    if (at + 8 > end) return undefined;
    const signature = bytes[at]!;
    if (signature >= 0x61 && signature <= 0x7a) return undefined;
    at += 8 + bytes.readUInt32BE(at + 4);
  }
  if (at !== end) return undefined;
  return entries;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The index of the work tree at `root` (findRepoRoot's answer), read directly in the plain case only, as
 * findRepoRoot's own walk decides it: `.git` is a folder holding HEAD, its config neither includes other files
 * nor moves the work tree nor makes the repository bare, and no variable moves the repository.
 * `GIT_INDEX_FILE` (what git sets for a pre-commit hook) names the index, relative to the top of the work tree
 * as for the git commands run there. Undefined: ask git.
 */
export function readWorkTreeIndex(root: string): IndexFile | undefined {
  if (!plainGitEnvironment()) return undefined;
  const gitDir = path.join(root, '.git');
  let config: string;
  try {
    if (!statSync(gitDir).isDirectory() || !statSync(path.join(gitDir, 'HEAD')).isFile()) return undefined;
    config = readFileSync(path.join(gitDir, 'config'), 'utf8');
  } catch {
    return undefined;
  }
  // As findRepoRoot's own walk: included files, a moved work tree or a bare repository are git's to read.
  const lines = config.split('\n');
  if (lines.some(unusualConfigLine)) return undefined;
  const hashLength = lines.some((l) => /^objectformat\s*=\s*sha256$/i.test(l.trim())) ? 32 : 20;
  const indexFile = process.env.GIT_INDEX_FILE ? path.resolve(root, process.env.GIT_INDEX_FILE) : path.join(gitDir, 'index');
  return readIndexFile(indexFile, hashLength);
}

const NS = 1_000_000_000n;
const low32 = (n: bigint) => Number(n & 0xffffffffn);

/**
 * The working file's size and times when git's stat data says it still holds the staged content: size, mtime
 * and ctime to the nanosecond, inode, owner and group as git recorded them, and not "racy" (changed in the same
 * instant the index was written, or later: git compares the content of those, and so does the caller). Stricter
 * than git (which may skip ctime or the inode by configuration): a mismatch only costs a read.
 */
export function cleanStat(recorded: StatData, s: BigIntStats, indexMtime: IndexFile['mtime']): FileStat | undefined {
  if (!s.isFile()) return undefined;
  const mtimeS = s.mtimeNs / NS;
  const mtimeNs = s.mtimeNs % NS;
  const ctimeS = s.ctimeNs / NS;
  const ctimeNs = s.ctimeNs % NS;
  if (recorded.size !== low32(s.size) || recorded.mtimeS !== low32(mtimeS) || recorded.mtimeNs !== Number(mtimeNs)) return undefined;
  if (recorded.ctimeS !== low32(ctimeS) || recorded.ctimeNs !== Number(ctimeNs)) return undefined;
  if (recorded.ino !== low32(s.ino) || recorded.uid !== low32(s.uid) || recorded.gid !== low32(s.gid)) return undefined;
  if (recorded.mtimeS > indexMtime.s || (recorded.mtimeS === indexMtime.s && recorded.mtimeNs >= indexMtime.ns)) return undefined;
  // The same numbers as a plain stat's (seconds * 1e3 + nanoseconds / 1e6), so cache entries serve both kinds of run.
  return { size: Number(s.size), mtimeMs: Number(mtimeS) * 1e3 + Number(mtimeNs) / 1e6, ctimeMs: Number(ctimeS) * 1e3 + Number(ctimeNs) / 1e6 };
}
