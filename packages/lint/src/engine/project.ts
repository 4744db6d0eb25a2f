// ProjectAccess for rules: core's confined reader on disk, or the same path rules over a virtual tree.
import { join } from 'node:path';
import { createProjectAccess, parseArticle, type Article, type ProjectAccess } from '@selfhelp/core';
import type { ContentSource } from '../fs.js';

export function projectAccessFor(root: string, source: ContentSource): ProjectAccess {
  const disk = createProjectAccess(root);
  if (source.disk) return disk;
  const articles = new Map<string, Article | undefined>();
  // Normalizes a root-relative path with core's rules (undefined when it leaves the root).
  const normalize = (rel: string) => disk.resolve('', rel);
  return {
    root: disk.root,
    resolve: (fromPath, target) => disk.resolve(fromPath, target),
    exists(rel) {
      const n = normalize(rel);
      return n !== undefined && source.isFile(join(disk.root, n));
    },
    article(rel) {
      const n = normalize(rel);
      if (n === undefined) return undefined;
      if (articles.has(n)) return articles.get(n);
      const text = source.readText(join(disk.root, n));
      let article: Article | undefined;
      try {
        article = text === undefined ? undefined : parseArticle(text, { path: n });
      } catch {
        article = undefined;
      }
      articles.set(n, article);
      return article;
    },
  };
}

/** The content root of a file: the config's root when it holds the file, else the fallback (see paths.ts). */
export { fallbackRootFor } from '../paths.js';
