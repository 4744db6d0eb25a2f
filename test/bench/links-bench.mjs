#!/usr/bin/env node
// Benchmark of `selfhelp links` against markdown-link-check (pinned devDependency) on the same input,
// in the same run (issue 6). Not a test: it prints figures.
//
// A local HTTP server on 127.0.0.1 serves N distinct URLs (default 20,000), each answering after a
// delay (default 20 ms); every 97th URL is a 404 so both tools have something to find. Articles are
// generated in a temporary folder: each has its own block of URLs plus a few URLs of other articles
// (repeats across files). Each tool runs as a child process under GNU time (peak RSS); the server counts
// the requests each run sends. Traffic stays on 127.0.0.1; loops are bounded by N.
//
// Needs the built CLI (`pnpm build`, or `pnpm exec tsc -b packages/cli`).
// Usage: node test/bench/links-bench.mjs [--urls N] [--delay MS] [--per-file N] [--repeats N] [--skip-mlc] [--keep]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const { values: opts } = parseArgs({
  options: {
    urls: { type: 'string', default: '20000' },
    delay: { type: 'string', default: '20' },
    'per-file': { type: 'string', default: '40' },
    repeats: { type: 'string', default: '10' },
    'skip-mlc': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const URLS = Math.min(200_000, Number(opts.urls));
const DELAY = Number(opts.delay);
const PER_FILE = Number(opts['per-file']);
const REPEATS = Number(opts.repeats);
const FILES = Math.ceil(URLS / PER_FILE);
const isBroken = (n) => n % 97 === 0;

const selfhelpBin = join(repo, 'packages/cli/bin/selfhelp.js');
const mlcBin = join(repo, 'node_modules/markdown-link-check/markdown-link-check');
if (!existsSync(join(repo, 'packages/cli/dist/commands/links.js'))) {
  console.error('links-bench: build the CLI first (pnpm exec tsc -b packages/cli)');
  process.exit(2);
}

// ---- server -------------------------------------------------------------------------------------------
let requests = 0;
const methods = new Map();
const server = createServer((req, res) => {
  requests++;
  methods.set(req.method, (methods.get(req.method) ?? 0) + 1);
  const m = /^\/p\/(\d+)$/.exec(req.url ?? '');
  const timer = setTimeout(() => {
    if (!m || Number(m[1]) >= URLS) res.writeHead(404).end();
    else if (isBroken(Number(m[1]))) res.writeHead(404).end('missing');
    else res.writeHead(200, { 'content-type': 'text/html', 'content-length': 28 }).end('<html><body>ok</body></html>');
  }, DELAY);
  res.on('close', () => clearTimeout(timer));
});
server.keepAliveTimeout = 5_000;
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- input --------------------------------------------------------------------------------------------
const work = mkdtempSync(join(os.tmpdir(), 'selfhelp-links-bench-'));
const articles = join(work, 'articles');
mkdirSync(articles);
let occurrences = 0;
for (let f = 0; f < FILES; f++) {
  const lines = ['<properties', `  pageTitle="Bench article ${f}"`, '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '', `# Bench article ${f}`, ''];
  for (let i = 0; i < PER_FILE; i++) {
    const n = f * PER_FILE + i;
    if (n >= URLS) break;
    lines.push(`- Step ${i}: read [page ${n}](${origin}/p/${n}).`);
    occurrences++;
  }
  // Repeats: URLs that belong to other articles (distinct count unchanged).
  for (let r = 0; r < REPEATS; r++) {
    const n = (f * 7919 + r * 104729) % URLS;
    lines.push(`- See also [page ${n}](${origin}/p/${n}#details).`);
    occurrences++;
  }
  writeFileSync(join(articles, `article-${String(f).padStart(5, '0')}.md`), lines.join('\n') + '\n');
}
const brokenDistinct = Array.from({ length: URLS }, (_, n) => n).filter(isBroken).length;
console.log(`input: ${FILES} files, ${occurrences} links, ${URLS} distinct URLs (${brokenDistinct} answer 404), server delay ${DELAY} ms, node ${process.version}, ${os.cpus().length} CPUs`);

// ---- runs ---------------------------------------------------------------------------------------------
function timed(command, args) {
  return new Promise((resolvePromise) => {
    const useTime = existsSync('/usr/bin/time');
    const [cmd, argv] = useTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolvePromise({ code, wall, peakMb: rss ? Number(rss[1]) / 1024 : undefined, stdout, stderr });
    });
  });
}

const rows = [];
async function measure(name, command, args, countBroken) {
  requests = 0;
  methods.clear();
  const r = await timed(command, args);
  const broken = countBroken(r);
  rows.push({ name, wall: r.wall, requests, methods: Object.fromEntries(methods), peakMb: r.peakMb, exit: r.code, broken });
  console.log(`${name}: ${r.wall.toFixed(1)} s, ${requests} requests ${JSON.stringify(Object.fromEntries(methods))}, peak ${r.peakMb?.toFixed(0) ?? 'n/a'} MB, exit ${r.code}, broken occurrences reported ${broken}`);
  if (r.code !== 0 && r.code !== 1) console.log(r.stderr.split('\n').slice(-15).join('\n'));
}

const selfhelpBroken = (file) => () => {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  return results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId === 'link-broken').length, 0);
};
const cache = join(work, 'links-cache.json');
const out = (n) => join(work, `selfhelp-${n}.json`);

await measure('selfhelp links (defaults: 32 global, 8 per host)', process.execPath, [selfhelpBin, 'links', articles, '--allow-private', '--no-cache', '-f', 'json', '-o', out(1)], selfhelpBroken(out(1)));
await measure('selfhelp links (64 per host)', process.execPath, [selfhelpBin, 'links', articles, '--allow-private', '--per-host-concurrency', '64', '--concurrency', '64', '--cache-location', cache, '-f', 'json', '-o', out(2)], selfhelpBroken(out(2)));
await measure('selfhelp links (second run, cache)', process.execPath, [selfhelpBin, 'links', articles, '--allow-private', '--per-host-concurrency', '64', '--concurrency', '64', '--cache-location', cache, '-f', 'json', '-o', out(3)], selfhelpBroken(out(3)));
if (!opts['skip-mlc']) {
  await measure('markdown-link-check 3.14.2 (folder, -q)', process.execPath, [mlcBin, '-q', articles], (r) => (r.stdout.match(/✖/g) ?? []).length);
}

server.close();
server.closeAllConnections?.();
if (!opts.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);

console.log('\n| run | wall (s) | requests | peak RSS (MB) | broken links reported | exit |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.wall.toFixed(1)} | ${r.requests} | ${r.peakMb?.toFixed(0) ?? 'n/a'} | ${r.broken} | ${r.exit} |`);
