// Deterministic synthetic corpus for `pnpm bench` when ../shared/corpus/selfhelp is absent.
//
// It writes varied copies of the repository's sample articles (`articles/**/*.md`) - each with a unique articleId,
// its body blocks reordered, repeated or dropped, and filler prose added - into `<outDir>/articles/<topic>/<name>.md`,
// with a size distribution like the dev corpus (log-normal, median ~1.8 KB, long tail), until the target file count
// and byte total are met. Same seed, same inputs => byte-identical output. When `articles/` holds no Markdown, a
// built-in original template (below) stands in for the samples.
//
// CLI: node test/bench/synthetic.mjs [--out DIR] [--files N] [--bytes N] [--seed N]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');

// Shape of the dev corpus (../shared/corpus/selfhelp/articles): 5,977 Markdown files, 14,395,615 bytes,
// 183 topic folders one level deep.
export const DEFAULTS = { files: 5977, bytes: 14_395_615, topics: 183, seed: 20240601 };

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
/** Standard normal via Box-Muller. */
const normal = (rand) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

// Original filler vocabulary (written for this benchmark).
const WORDS = (
  'service region cluster node gateway endpoint request response latency throughput quota limit subscription ' +
  'resource group deployment template policy identity token certificate secret vault storage account blob queue ' +
  'table file share disk snapshot image network interface subnet address route firewall rule probe backend pool ' +
  'listener health metric alert log query workspace agent extension update maintenance restart failover replica ' +
  'database server connection timeout retry error status code setting configuration portal command script ' +
  'customer engineer ticket issue impact mitigation root cause window schedule version upgrade migration tier'
).split(' ');
const VERBS = 'check verify restart review update confirm enable disable configure scale renew remove add inspect'.split(' ');
const TOPIC_PREFIX = ['microsoft', 'problemscopingques', 'advisorrecommendation', 'servicehealth', 'azure', 'cognitiveservices'];

function sentence(rand) {
  const n = int(rand, 6, 22);
  const words = [];
  for (let i = 0; i < n; i++) words.push(pick(rand, WORDS));
  if (rand() < 0.3) words.splice(int(rand, 0, words.length - 1), 0, '**' + pick(rand, WORDS) + '**');
  if (rand() < 0.15) words.splice(int(rand, 0, words.length - 1), 0, '`' + pick(rand, WORDS) + '-' + int(rand, 1, 99) + '`');
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

const paragraph = (rand) => Array.from({ length: int(rand, 1, 5) }, () => sentence(rand)).join(' ');

/** One generated Markdown block (paragraph, heading, list, link, code, table, comment), original text. */
function fillerBlock(rand) {
  const r = rand();
  if (r < 0.45) return paragraph(rand);
  if (r < 0.55) return '#'.repeat(int(rand, 2, 3)) + ' ' + sentence(rand).slice(0, -1);
  if (r < 0.7) {
    const bullet = rand() < 0.5 ? '-' : '1.';
    return Array.from({ length: int(rand, 2, 6) }, () => `${bullet} ${sentence(rand)}`).join('\n');
  }
  if (r < 0.8) {
    const w = pick(rand, WORDS);
    return rand() < 0.6
      ? `For details see [${w} guidance](https://learn.microsoft.com/azure/${w}/overview-${int(rand, 1, 400)}).`
      : `Open [the ${w} blade](https://portal.azure.com/#blade/${w}/${int(rand, 1, 900)}) and ${pick(rand, VERBS)} the ${pick(rand, WORDS)}.`;
  }
  if (r < 0.87) {
    const lines = Array.from({ length: int(rand, 1, 6) }, () => `az ${pick(rand, WORDS)} ${pick(rand, VERBS)} --name ${pick(rand, WORDS)}${int(rand, 1, 50)}`);
    return '```azurecli\n' + lines.join('\n') + '\n```';
  }
  if (r < 0.94) {
    const rows = Array.from({ length: int(rand, 1, 5) }, () => `| ${pick(rand, WORDS)} | ${pick(rand, WORDS)} ${int(rand, 1, 999)} |`);
    return ['| Setting | Value |', '| --- | --- |', ...rows].join('\n');
  }
  const w = pick(rand, WORDS);
  return `<!--${w}-->\n${sentence(rand)} <!--$${w}Name--> ${w}Name <!--/$${w}Name-->\n<!--/${w}-->`;
}

// Built-in original template in the self-help format, used only when articles/ holds no Markdown.
const BUILTIN = `<properties
\tpageTitle="Requests to the service endpoint time out"
\tdescription="Requests sent to the endpoint time out because the backend pool is unhealthy."
\tinfoBubbleText="Requests are timing out. See details on the right."
\tservice="microsoft.web"
\tresource="sites"
\tauthors="benchauthor"
\tms.author="benchauthor"
\tdisplayOrder="10"
\tarticleId="BenchTemplateArticle"
\tdiagnosticScenario="BenchTimeouts"
\tselfHelpType="diagnostics"
\tsupportTopicIds="32400001,32400002"
\tresourceTags=""
\tproductPesIds="15000"
\tcloudEnvironments="public, fairfax"
/>

# Requests to the service endpoint time out

<!--issueDescription-->
At <!--$startTime--> startTime <!--/$startTime-->, requests to <!--$resourceName--> resourceName <!--/$resourceName--> started to time out.
<!--/issueDescription-->

The backend pool behind the endpoint reported no healthy instance for several minutes, so the gateway held requests until they expired.

## Recommended steps

1. Open the health blade of the resource and confirm that every instance reports a healthy probe.
2. Review recent configuration changes to the probe path and the listener.
3. Restart one instance at a time and watch the request latency metric.

For background, read [how health probes work](https://learn.microsoft.com/azure/application-gateway/overview).
`;

/** Split an article into its header (properties block or YAML frontmatter) and its body blocks. */
export function splitArticle(source) {
  const text = source.replace(/\r\n?/g, '\n');
  let header = '';
  let body = text;
  const props = /^\s*<properties[\s\S]*?\/>\s*\n/.exec(text);
  const front = /^---\n[\s\S]*?\n---\s*\n/.exec(text);
  if (props) { header = props[0].trimEnd(); body = text.slice(props[0].length); }
  else if (front) { header = front[0].trimEnd(); body = text.slice(front[0].length); }
  const blocks = [];
  // Keep fenced code blocks whole; split the rest on blank lines.
  let current = [];
  let fence = null;
  for (const line of body.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) { current.push(line); if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null; continue; }
    if (m) fence = m[1];
    if (!fence && line.trim() === '') { if (current.length) blocks.push(current.join('\n')); current = []; continue; }
    current.push(line);
  }
  if (current.length) blocks.push(current.join('\n'));
  return { header, blocks };
}

function listMarkdown(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(p));
    else if (/\.md$/i.test(entry.name)) out.push(p);
  }
  return out.sort();
}

/** Load the sample articles (or the built-in template) as {header, blocks} seeds. */
export function loadSeeds(sourceDir = join(repoRoot, 'articles')) {
  const files = listMarkdown(sourceDir);
  const seeds = files.map((f) => ({ name: relative(sourceDir, f), ...splitArticle(readFileSync(f, 'utf8')) }))
    .filter((s) => s.blocks.length > 0);
  if (seeds.length === 0) return [{ name: 'builtin', ...splitArticle(BUILTIN) }];
  return seeds;
}

/** Rewrite the identity fields of a header so every generated article is unique. */
function varyHeader(header, id, title, rand) {
  let h = header;
  if (h.startsWith('<properties')) {
    h = h.replace(/articleId\s*=\s*"[^"]*"/, `articleId="${id}"`);
    if (!/articleId\s*=/.test(h)) h = h.replace(/\/>$/, `\tarticleId="${id}"\n/>`);
    h = h.replace(/pageTitle\s*=\s*"[^"]*"/, `pageTitle="${title}"`);
    h = h.replace(/displayOrder\s*=\s*"[^"]*"/, `displayOrder="${int(rand, 1, 99)}"`);
  } else if (h.startsWith('---')) {
    h = h.replace(/^title:.*$/m, `title: ${title}`);
    h = /^ms\.assetid:/m.test(h) ? h.replace(/^ms\.assetid:.*$/m, `ms.assetid: ${id}`) : h.replace(/\n---$/, `\nms.assetid: ${id}\n---`);
  }
  return h;
}

/** Generate one article of roughly `size` bytes from a seed. */
function makeArticle(seed, id, size, rand) {
  const words = Array.from({ length: int(rand, 4, 10) }, () => pick(rand, WORDS)).join(' ');
  const title = words[0].toUpperCase() + words.slice(1);
  const parts = [varyHeader(seed.header, id, title, rand), '', `# ${title}`];
  // Varied copy of the seed body: keep most blocks in order, drop some, then pad with seed or filler blocks.
  const body = seed.blocks.filter((b) => !/^#\s/.test(b) && rand() < 0.85);
  let length = parts.join('\n').length;
  for (const b of body) {
    if (length + b.length > size && length > size * 0.6) break;
    parts.push('', b);
    length += b.length + 2;
  }
  while (length < size) {
    const b = rand() < 0.35 && seed.blocks.length ? pick(rand, seed.blocks) : fillerBlock(rand);
    // Near the target, skip blocks that would overshoot it by much (a short sentence ends the loop instead).
    if (length + b.length > size * 1.05 && length > size * 0.9) { parts.push('', sentence(rand)); break; }
    parts.push('', b);
    length += b.length + 2;
  }
  return parts.join('\n') + '\n';
}

/**
 * Write the corpus into outDir (replacing it) unless a stamp shows it already holds the same generation.
 * Returns { dir, files, bytes, seeds }.
 */
export function generateSynthetic({ outDir, files = DEFAULTS.files, bytes = DEFAULTS.bytes, seed = DEFAULTS.seed, sourceDir } = {}) {
  const seeds = loadSeeds(sourceDir);
  const fingerprint = JSON.stringify({ generator: createHash('sha1').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex'), files, bytes, seed, seeds: seeds.map((s) => [s.name, s.header.length, s.blocks.length]) });
  const stampPath = join(outDir, '.synthetic-stamp.json');
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.fingerprint === fingerprint) return { dir: outDir, files: stamp.files, bytes: stamp.bytes, seeds: seeds.length };
  }
  rmSync(outDir, { recursive: true, force: true });
  const rand = prng(seed);
  // Log-normal sizes like the dev corpus (median 1,762 B, p90 3,846 B), clamped, then scaled to the byte target.
  const raw = Array.from({ length: files }, () => Math.exp(Math.log(1762) + 0.7 * normal(rand)));
  const scale = bytes / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((s) => Math.max(388, Math.min(85_000, Math.round(s * scale))));
  const topics = Array.from({ length: DEFAULTS.topics }, (_, i) => `${pick(rand, TOPIC_PREFIX)}.${pick(rand, WORDS)}${pick(rand, WORDS)}-${i}`);
  let total = 0;
  for (let i = 0; i < files; i++) {
    const topic = topics[i % topics.length];
    const s = seeds[i % seeds.length];
    const id = `bench-${topic}-${String(i).padStart(5, '0')}`;
    const text = makeArticle(s, id, sizes[i], rand);
    const file = join(outDir, 'articles', topic, `${pick(rand, WORDS)}-${pick(rand, VERBS)}-${i}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    total += Buffer.byteLength(text);
  }
  writeFileSync(stampPath, JSON.stringify({ fingerprint, files, bytes: total }));
  return { dir: outDir, files, bytes: total, seeds: seeds.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(here, '.work', 'synthetic') },
      files: { type: 'string', default: String(DEFAULTS.files) },
      bytes: { type: 'string', default: String(DEFAULTS.bytes) },
      seed: { type: 'string', default: String(DEFAULTS.seed) },
    },
  });
  const t = performance.now();
  const r = generateSynthetic({ outDir: resolve(values.out), files: Number(values.files), bytes: Number(values.bytes), seed: Number(values.seed) });
  const size = statSync(r.dir).isDirectory() ? r.bytes : 0;
  console.log(`synthetic corpus: ${r.files} files, ${(size / 1e6).toFixed(1)} MB from ${r.seeds} seed article(s) in ${r.dir} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
