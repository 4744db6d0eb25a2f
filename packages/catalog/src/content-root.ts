// The content root: the only directory the compiler reads from. Paths are resolved lexically first
// (an include that climbs above the root with `..` is refused without touching the disk), then the
// file's real path is checked too, so a symbolic link that points out of the root is refused as well.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { normalizeSource } from './source-text.js';

/** Files larger than this many bytes are not read (the default of `maxFileSize`, as in `selfhelp lint`). */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export type ReadFailure = 'missing' | 'outside-root' | 'unreadable' | 'too-large';

/**
 * A file's bytes as text: UTF-16 (LE or BE) when it starts with that byte order mark, else UTF-8
 * (invalid sequences become U+FFFD, which the parser reports). As core's `decodeText`, kept here so
 * reading needs no parser loaded (a build answered from the cache loads none).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('utf8');
}

export type ReadResult = { ok: true; rel: string; source: string } | { ok: false; rel: string; reason: ReadFailure; detail?: string };

/** True when `child` (absolute, real) is `parent` or inside it. */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export class ContentRoot {
  /** The root as given, resolved to an absolute path. */
  readonly root: string;
  /** The root's real path (symbolic links resolved). */
  readonly realRoot: string;

  /** Files larger than this many bytes are not read (`too-large`). */
  readonly maxFileSize: number;

  constructor(root: string, options: { maxFileSize?: number } = {}) {
    this.root = resolve(root);
    this.realRoot = realpathSync(this.root);
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** The root-relative path (`/` separators) of an absolute or cwd-relative path, or undefined when it is outside the root. */
  relativeOf(path: string): string | undefined {
    const abs = resolve(path);
    if (!isInside(this.root, abs)) {
      // The path may name the root through a symbolic link.
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        return undefined;
      }
      if (!isInside(this.realRoot, real)) return undefined;
      return relative(this.realRoot, real).split(sep).join('/');
    }
    return relative(this.root, abs).split(sep).join('/');
  }

  /**
   * Resolves `target` as written in the file `fromRel` (root-relative): relative to that file's
   * directory, or to the root when it starts with `/`. Undefined when it leaves the root.
   */
  resolveFrom(fromRel: string, target: string): string | undefined {
    let t = target.trim().replace(/\\/g, '/');
    const cut = t.search(/[?#]/);
    if (cut >= 0) t = t.slice(0, cut);
    try {
      t = decodeURI(t);
    } catch {
      // Not percent-encoded text: use it as written.
    }
    if (t === '' || t.includes('\0') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(t)) return undefined;
    const joined = t.startsWith('/') ? posix.normalize(t.slice(1)) : posix.normalize(posix.join(posix.dirname(fromRel), t));
    if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
    return joined === '.' ? '' : joined;
  }

  /**
   * Reads a root-relative file, refusing anything whose real path is outside the root and anything
   * larger than `maxFileSize` (`detail` is then its size). Decoded with core's `decodeText` (UTF-8, or
   * UTF-16 after a UTF-16 byte order mark; see `decodeText`), BOM removed and line endings normalized.
   */
  read(rel: string): ReadResult {
    const abs = join(this.root, ...rel.split('/'));
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, rel, reason: 'missing' } : { ok: false, rel, reason: 'unreadable', detail: code ?? String(error) };
    }
    if (!isInside(this.realRoot, real)) return { ok: false, rel, reason: 'outside-root' };
    try {
      const stat = statSync(real);
      if (!stat.isFile()) return { ok: false, rel, reason: 'missing' };
      if (stat.size > this.maxFileSize) return { ok: false, rel, reason: 'too-large', detail: String(stat.size) };
      return { ok: true, rel, source: normalizeSource(decodeText(readFileSync(real))) };
    } catch (error) {
      return { ok: false, rel, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
}
