#!/usr/bin/env node
// Measures the offline link rules on a corpus (default ../shared/corpus/selfhelp/articles beside
// the repository): findings per rule and a few samples each, to hand-check for false alarms.
// Needs the built packages (`pnpm exec tsc -b rules`). Usage:
//   node test/bench/links-corpus.mjs [dir] [--samples N] [--rule id] [--json]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const { parseArticle, createProjectAccess } = await import(join(repo, 'packages/core/dist/index.js'));
const { linkRules } = await import(join(repo, 'rules/dist/links/index.js'));
const { ruleApplies } = await import(join(repo, 'rules/dist/define.js'));

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const samples = Number(flag('--samples') ?? 5);
const only = flag('--rule');
const json = args.includes('--json') ? (args.splice(args.indexOf('--json'), 1), true) : false;
const root = resolve(args[0] ?? join(repo, '../shared/corpus/selfhelp/articles'));
if (!existsSync(root)) {
  console.log(`corpus not found at ${root}; nothing to measure`);
  process.exit(0);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield p;
  }
}

const project = createProjectAccess(root);
const counts = new Map(linkRules.map((r) => [r.meta.id, { findings: 0, files: new Set(), fixable: 0, samples: [] }]));
let files = 0, links = 0;
const started = performance.now();
for (const file of walk(root)) {
  const path = relative(root, file).split('\\').join('/');
  const article = parseArticle(readFileSync(file, 'utf8'), { path });
  files++;
  links += article.links.length;
  for (const rule of linkRules) {
    if (only && rule.meta.id !== only) continue;
    if (!ruleApplies(rule.meta, article)) continue;
    const c = counts.get(rule.meta.id);
    rule.check({
      article, options: undefined, project, path,
      report(r) {
        c.findings++;
        c.files.add(path);
        if (r.fix) c.fixable++;
        // Spread samples over the corpus: keep every k-th finding up to the sample count.
        if (c.samples.length < samples && (c.findings % Math.max(1, Math.floor(c.findings / samples) || 1) === 0 || c.samples.length === 0)) {
          const line = article.source.slice(r.range.start.offset - (r.range.start.column - 1)).split(/\r?\n/, 1)[0];
          c.samples.push(`${path}:${r.range.start.line}:${r.range.start.column} ${r.message}\n      | ${line.trim().slice(0, 220)}`);
        }
      },
    });
  }
}
const ms = Math.round(performance.now() - started);
if (json) {
  console.log(JSON.stringify({ files, links, ms, rules: Object.fromEntries([...counts].map(([id, c]) => [id, { findings: c.findings, files: c.files.size, fixable: c.fixable }])) }, null, 2));
} else {
  console.log(`${files} files, ${links} links, ${ms} ms`);
  for (const [id, c] of counts) {
    if (only && id !== only) continue;
    console.log(`\n${id}: ${c.findings} findings in ${c.files.size} files (${c.fixable} fixable)`);
    for (const s of c.samples) console.log(`  ${s}`);
  }
}
