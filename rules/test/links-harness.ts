// Runs one link rule on a source text, the way the engine does: parse, check, collect reports
// as `line:column message`, apply the fixes in one pass. An in-memory project stands in for the
// content root when a test needs relative links to resolve.
import path from 'node:path';
import { applyEdits, parseArticle, type Article, type ProjectAccess } from '@selfhelp/core';
import type { Report } from '@selfhelp/rules';
import type { SelfhelpRule } from '@selfhelp/rules';
import { ruleApplies } from '@selfhelp/rules';

export interface RunResult {
  reports: Report[];
  messages: string[];
  output: string;
}

export function runRule(rule: SelfhelpRule, source: string, opts: { path?: string; options?: unknown; project?: ProjectAccess } = {}): RunResult {
  const file = opts.path ?? 'example.md';
  const article = parseArticle(source, { path: file });
  const reports: Report[] = [];
  if (ruleApplies(rule.meta, article)) {
    rule.check({ article, options: opts.options, project: opts.project, path: file, report: (r) => reports.push(r) });
  }
  const fixes = reports.flatMap((r) => (r.fix ? [r.fix] : []));
  return {
    reports,
    messages: reports.map((r) => `${r.range.start.line}:${r.range.start.column} ${r.message}`),
    output: applyEdits(article.source, fixes).output,
  };
}

/** A ProjectAccess over an in-memory tree of root-relative paths -> sources. */
export function memoryProject(files: Record<string, string>): ProjectAccess {
  const parsed = new Map<string, Article>();
  return {
    root: '/content',
    resolve(fromPath, target) {
      const bare = target.replace(/[?#].*$/s, '');
      let decoded = bare;
      try {
        decoded = decodeURIComponent(bare);
      } catch {
        // keep as written
      }
      if (decoded === '') return fromPath;
      if (decoded.startsWith('/')) return undefined;
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), decoded));
      return joined === '..' || joined.startsWith('../') ? undefined : joined;
    },
    exists: (p) => Object.hasOwn(files, p),
    article(p) {
      if (!Object.hasOwn(files, p)) return undefined;
      let a = parsed.get(p);
      if (!a) {
        a = parseArticle(files[p]!, { path: p });
        parsed.set(p, a);
      }
      return a;
    },
  };
}
