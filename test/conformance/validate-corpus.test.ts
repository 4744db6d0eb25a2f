// Validates every article of ../shared/corpus/selfhelp (when present) and prints the number of
// findings per code, then runs the cross-article rules over the summaries. Nothing may throw;
// the hand-checked sample of findings is summarized in packages/schema/README.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMetadata } from '@selfhelp/core';
import { validateArticle, type Finding } from '@selfhelp/schema';
import { crossArticleRules, type ArticleSummary } from '@selfhelp/rules';
import { summarize } from '../../rules/src/metadata/summary.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(repoRoot, '..', 'shared', 'corpus', 'selfhelp');
const present = existsSync(join(corpus, 'articles'));
/** Examples printed per code (SELFHELP_EXAMPLES=n to see more). */
const EXAMPLES = Number(process.env.SELFHELP_EXAMPLES ?? 2);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

if (!present) console.log(`[validate-corpus] skipped: ${corpus} is not present`);

describe.skipIf(!present)('validate the self-help corpus', () => {
  it('validates every article without an exception and counts findings per code', () => {
    const files = markdownFiles(corpus);
    const counts = new Map<string, number>();
    const filesWith = new Map<string, Set<string>>();
    const failures: string[] = [];
    const examples = new Map<string, string[]>();
    const summaries: ArticleSummary[] = [];
    let total = 0;
    let parseMs = 0;
    let validateMs = 0;
    for (const file of files) {
      const path = relative(corpus, file).split('\\').join('/');
      let findings: Finding[] = [];
      try {
        const text = readFileSync(file, 'utf8');
        const t0 = performance.now();
        const article = parseMetadata(text, { path });
        const t1 = performance.now();
        findings = validateArticle(article);
        summaries.push(summarize(article));
        parseMs += t1 - t0;
        validateMs += performance.now() - t1;
      } catch (error) {
        failures.push(`${path}: ${String(error)}`);
      }
      for (const f of findings) {
        const key = `${f.rule} / ${f.code} (${f.severity})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (!filesWith.has(key)) filesWith.set(key, new Set());
        if ((examples.get(key)?.length ?? 0) < EXAMPLES) examples.set(key, [...(examples.get(key) ?? []), `${path}:${f.range.start.line}:${f.range.start.column} ${f.message}`]);
        filesWith.get(key)?.add(path);
        total++;
      }
    }
    const lines = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => [`${String(n).padStart(6)}  ${key}  [${filesWith.get(key)?.size} files]`, ...(examples.get(key) ?? []).map((e) => `          ${e}`)].join('\n'));
    console.log(`[validate-corpus] ${files.length} files, ${total} findings (parseMetadata ${parseMs.toFixed(0)} ms, validateArticle ${validateMs.toFixed(0)} ms)\n${lines.join('\n')}`);
    const t2 = performance.now();
    const cross = crossArticleRules.map((rule) => ({ id: rule.meta.id, findings: rule.checkProject(summaries, undefined) }));
    console.log(
      `[validate-corpus] cross-article rules over ${summaries.length} summaries in ${(performance.now() - t2).toFixed(0)} ms\n` +
        cross.map(({ id, findings }) => [`${String(findings.length).padStart(6)}  ${id}`, ...findings.slice(0, EXAMPLES).map((f) => `          ${f.path}:${f.range.start.line}:${f.range.start.column} ${f.message}`)].join('\n')).join('\n'),
    );
    expect(failures).toEqual([]);
    expect(counts.has('metadata-values / validation-internal-error (error)')).toBe(false);
  }, 600_000);
});
