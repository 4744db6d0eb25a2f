// Read-only access to a content root for rules that resolve includes and relative links.
// Nothing outside the root is ever read: targets that leave it, absolute targets, NUL bytes
// and symbolic links whose real path is outside the root all count as missing.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from './parse.js';
import { readTextFile } from './text-file.js';
import type { Article, ProjectAccess } from './types.js';

/** A root-relative path in `/` form, or undefined when it is absolute or leaves the root. */
function normalizeRelative(p: string): string | undefined {
  if (p.includes('\0')) return undefined;
  const slashed = p.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return undefined;
  const normalized = path.posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../')) return undefined;
  if (normalized === '.' || normalized === '') return undefined;
  return normalized.replace(/^\.\//, '');
}

function stripQueryAndFragment(target: string): string {
  let end = target.length;
  const q = target.indexOf('?');
  const h = target.indexOf('#');
  if (q !== -1) end = Math.min(end, q);
  if (h !== -1) end = Math.min(end, h);
  return target.slice(0, end);
}

function decode(target: string): string {
  if (!target.includes('%')) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    return target.replace(/%20/g, ' ');
  }
}

export interface ProjectAccessOptions {
  /** Parses a file read from the root (defaults to `parseArticle`). */
  parse?: (source: string, rootRelativePath: string) => Article;
}

export function createProjectAccess(root: string, options: ProjectAccessOptions = {}): ProjectAccess {
  const absRoot = path.resolve(root);
  let realRoot = absRoot;
  try {
    realRoot = realpathSync(absRoot);
  } catch {
    // A missing root: every lookup below fails, which is the right answer.
  }
  const parse = options.parse ?? ((source: string, p: string) => parseArticle(source, { path: p }));
  const realPaths = new Map<string, string | undefined>();
  const articles = new Map<string, Article | undefined>();

  /** The real path of a root-relative file when it is a regular file inside the root. */
  function realFile(rootRelativePath: string): string | undefined {
    const rel = normalizeRelative(rootRelativePath);
    if (rel === undefined) return undefined;
    if (realPaths.has(rel)) return realPaths.get(rel);
    let result: string | undefined;
    try {
      const real = realpathSync(path.join(realRoot, rel));
      const inside = real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
      if (inside && statSync(real).isFile()) result = real;
    } catch {
      result = undefined;
    }
    realPaths.set(rel, result);
    return result;
  }

  return {
    root: absRoot,
    resolve(fromPath: string, target: string): string | undefined {
      if (typeof target !== 'string' || target.includes('\0')) return undefined;
      if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) && !/^[A-Za-z]:[\\/]/.test(target)) return undefined; // a URL
      const bare = decode(stripQueryAndFragment(target.trim()));
      if (bare.includes('\0')) return undefined;
      const from = normalizeRelative(fromPath) ?? '';
      if (bare === '') return from || undefined; // `#anchor` or `?query`: the article itself
      const slashed = bare.replace(/\\/g, '/');
      if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return undefined;
      return normalizeRelative(path.posix.join(path.posix.dirname(from || '.'), slashed));
    },
    exists(rootRelativePath: string): boolean {
      return realFile(rootRelativePath) !== undefined;
    },
    article(rootRelativePath: string): Article | undefined {
      const rel = normalizeRelative(rootRelativePath);
      if (rel === undefined) return undefined;
      if (articles.has(rel)) return articles.get(rel);
      const real = realFile(rel);
      let article: Article | undefined;
      if (real !== undefined) {
        try {
          article = parse(readTextFile(real), rel);
        } catch {
          article = undefined;
        }
      }
      articles.set(rel, article);
      return article;
    },
  };
}
