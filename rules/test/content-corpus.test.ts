// The content rules over the real self-help corpus (../shared/corpus/selfhelp next to the repo,
// skipped with a notice when absent): no rule throws, every report has a consistent range inside
// the file, fixes are well-formed, and fixing until stable leaves no fixable finding behind.
// A sample of every 4th file by default; SELFHELP_CORPUS_SAMPLE=1 runs all of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyEdits, createProjectAccess, parseArticle, type Article } from '@selfhelp/core';
import { ruleApplies, type Report } from '@selfhelp/rules';
import { contentRules } from '../src/content/index.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/selfhelp/articles', import.meta.url));
const present = existsSync(corpus);
if (!present) console.log(`content-corpus: ${corpus} is absent; skipping the corpus run`);

const every = Math.max(1, Number(process.env.SELFHELP_CORPUS_SAMPLE ?? 4));

function* markdownFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(p);
    else if (entry.name.endsWith('.md')) yield p;
  }
}

describe.skipIf(!present)('content rules on the corpus', () => {
  const project = present ? createProjectAccess(corpus) : undefined;
  const lint = (article: Article, rel: string): { id: string; report: Report }[] => {
    const out: { id: string; report: Report }[] = [];
    for (const rule of contentRules) {
      if (!ruleApplies(rule.meta, article)) continue;
      rule.check({ article, options: undefined, project, path: rel, report: (report) => out.push({ id: rule.meta.id, report }) });
    }
    return out;
  };

  it('lints without throwing, with consistent ranges, and fixes converge', { timeout: 900_000 }, () => {
    const counts = new Map<string, number>();
    let files = 0;
    let fixed = 0;
    const all = [...markdownFiles(corpus)];
    for (let i = 0; i < all.length; i += every) {
      const file = all[i]!;
      const rel = path.relative(corpus, file).split(path.sep).join('/');
      const source = readFileSync(file, 'utf8');
      const article = parseArticle(source, { path: rel });
      const found = lint(article, rel);
      files++;
      for (const { id, report } of found) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        const { start, end } = report.range;
        expect(start.offset, `${rel} ${id}`).toBeLessThanOrEqual(end.offset);
        expect(end.offset, `${rel} ${id}`).toBeLessThanOrEqual(article.source.length);
        const lineStart = article.source.lastIndexOf('\n', start.offset - 1) + 1;
        if (!article.source.slice(lineStart, start.offset).includes('\r')) expect(start.column, `${rel} ${id}`).toBe(start.offset - lineStart + 1);
        if (report.fix) {
          expect(report.fix.range[0]).toBeLessThanOrEqual(report.fix.range[1]);
          expect(report.fix.range[1]).toBeLessThanOrEqual(article.source.length);
        }
      }
      if (!found.some((f) => f.report.fix)) continue;
      // Fix until stable (as --fix does), then lint again: nothing fixable is left.
      fixed++;
      let text = article.source;
      let current = found;
      for (let pass = 0; pass < 10 && current.some((f) => f.report.fix); pass++) {
        text = applyEdits(text, current.flatMap((f) => (f.report.fix ? [f.report.fix] : []))).output;
        current = lint(parseArticle(text, { path: rel }), rel);
      }
      expect(current.filter((f) => f.report.fix).map((f) => `${f.id} ${f.report.message}`), rel).toEqual([]);
    }
    const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`);
    console.log(`content-corpus: ${files} files (every ${every}), ${fixed} fixed; findings: ${summary.join(', ')}`);
    expect(files).toBeGreaterThan(0);
  });
});
