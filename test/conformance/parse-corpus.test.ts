// Conformance: every seed and every article of the real corpus (../shared, beside the repository)
// parses without an exception, with ranges inside the file and attribute text that round-trips.
// Prints counts (articles per selfHelpType, diagnostics per code) and parse times.
// Skipped, with a notice, when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseMetadata, type Range } from '@selfhelp/core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shared = path.resolve(repoRoot, '../shared');
const roots = [path.join(shared, 'seeds'), path.join(shared, 'corpus', 'selfhelp')].filter((r) => existsSync(r));

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && !/\.(png|jpe?g|gif|svg|json)$/i.test(entry.name)) out.push(p);
  }
  return out;
}

function inside(r: Range, length: number): boolean {
  return r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= length && r.start.line >= 1 && r.start.column >= 1;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function table(map: Map<string, number>): string {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`).join('\n');
}

describe.skipIf(roots.length === 0)('conformance: ../shared seeds and corpus', () => {
  it('parses every file without an exception', () => {
    const files = roots.flatMap((r) => walk(r, [])).sort();
    const sources = files.map((f) => readFileSync(f, 'utf8'));
    const types = new Map<string, number>();
    const kinds = new Map<string, number>();
    const codes = new Map<string, number>();
    let jsonBodies = 0;
    let jsonParsed = 0;
    let links = 0;
    const failures: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) {
      const source = sources[i]!;
      const rel = path.relative(shared, files[i]!).split(path.sep).join('/');
      let article;
      try {
        article = parseArticle(source, { path: rel });
      } catch (error) {
        failures.push(`${rel}: threw ${String(error)}`);
        continue;
      }
      increment(kinds, article.kind);
      increment(types, article.kind === 'selfhelp' ? (article.selfHelpType ?? '(missing)').toLowerCase() || '(empty)' : `(${article.kind})`);
      for (const d of article.diagnostics) {
        increment(codes, d.code);
        if (!inside(d.range, article.source.length)) failures.push(`${rel}: diagnostic range outside the file`);
      }
      for (const attr of article.properties?.attributes ?? []) {
        if (article.source.slice(attr.keyRange.start.offset, attr.keyRange.end.offset) !== attr.key) failures.push(`${rel}: key ${attr.key} does not round-trip`);
        if (article.source.slice(attr.valueRange.start.offset, attr.valueRange.end.offset) !== attr.rawValue) failures.push(`${rel}: value of ${attr.key} does not round-trip`);
      }
      for (const l of article.links) if (!inside(l.range, article.source.length)) failures.push(`${rel}: link range outside the file`);
      jsonBodies += article.jsonBodies.length;
      jsonParsed += article.jsonBodies.filter((b) => b.ast !== undefined).length;
      links += article.links.length;
    }
    const fullMs = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < files.length; i++) parseMetadata(sources[i]!, { path: files[i] });
    const metaMs = performance.now() - t1;
    const bytes = sources.reduce((n, s) => n + s.length, 0);
    console.log(
      [
        `conformance: ${files.length} files (${(bytes / 1e6).toFixed(1)} M chars) from ${roots.map((r) => path.relative(shared, r)).join(', ')}`,
        `parseArticle: ${fullMs.toFixed(0)} ms (${(fullMs / files.length).toFixed(2)} ms/file); parseMetadata: ${metaMs.toFixed(0)} ms (${(metaMs / files.length).toFixed(3)} ms/file)`,
        `kinds:\n${table(kinds)}`,
        `articles per selfHelpType:\n${table(types)}`,
        `JSON bodies: ${jsonBodies} (${jsonParsed} parsed); links: ${links}`,
        `diagnostics per code:\n${table(codes) || '  (none)'}`,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  }, 600_000);
});

if (roots.length === 0) console.log(`conformance: skipped, ${shared} is absent`);
