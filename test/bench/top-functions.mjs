// Print where a V8 CPU profile (`node --cpu-prof`) spends its time: the top functions by self time, with their
// total (inclusive) time, or the same grouped by file or by package.
//
// Usage: node test/bench/top-functions.mjs [--top N] [--by function|file|package] [--filter TEXT] PROFILE_OR_DIR...
//   PROFILE_OR_DIR: .cpuprofile files, or directories holding them (every thread of a run writes its own profile:
//   the main thread and each worker). With several profiles the figures are summed and "%" is of the sum of all
//   threads' sampled time, so on 2 cores a fully parallel run sums to about twice its wall time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Group key and display location of a call frame for the chosen grouping. */
function keyOf(frame, by, cwd) {
  const url = frame.url ? frame.url.replace(/^file:\/\//, '') : '';
  const file = url ? relative(cwd, url) : '';
  if (by === 'package') {
    if (!url) return frame.functionName ? `(${frame.functionName})` : '(native)';
    if (url.startsWith('node:')) return 'node: (Node built-ins)';
    const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    const ws = /(packages\/[^/]+|rules)\//.exec(file);
    return ws ? `${ws[1]} (workspace)` : file;
  }
  if (by === 'file') return file || `(${frame.functionName || 'native'})`;
  const name = frame.functionName || '(anonymous)';
  return url ? `${name}  ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : name;
}

/** Self and total microseconds per key for one profile. */
export function analyse(profile, by = 'function', cwd = process.cwd()) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keys = new Map(profile.nodes.map((n) => [n.id, keyOf(n.callFrame, by, cwd)]));
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  const deltas = profile.timeDeltas ?? [];
  const interval = profile.samples.length > 1 ? (profile.endTime - profile.startTime) / profile.samples.length : 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the gap to the next one.
    const dt = i + 1 < deltas.length ? deltas[i + 1] : interval;
    if (!(dt > 0)) continue;
    let id = profile.samples[i];
    const top = nodes.get(id);
    if (top?.callFrame.functionName === '(idle)') continue;
    sampled += dt;
    const k = keys.get(id);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    while (id !== undefined) {
      const key = keys.get(id);
      if (!seen.has(key)) { seen.add(key); total.set(key, (total.get(key) ?? 0) + dt); }
      id = parent.get(id);
    }
  }
  return { self, total, sampled };
}

function profilesIn(paths) {
  const out = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) out.push(...readdirSync(p).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '30' },
      by: { type: 'string', default: 'function' },
      filter: { type: 'string' },
    },
  });
  if (positionals.length === 0 || !['function', 'file', 'package'].includes(values.by)) {
    process.stderr.write('usage: node test/bench/top-functions.mjs [--top N] [--by function|file|package] [--filter TEXT] PROFILE_OR_DIR...\n');
    process.exit(2);
  }
  const files = profilesIn(positionals);
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  for (const f of files) {
    const r = analyse(JSON.parse(readFileSync(f, 'utf8')), values.by);
    for (const [k, v] of r.self) self.set(k, (self.get(k) ?? 0) + v);
    for (const [k, v] of r.total) total.set(k, (total.get(k) ?? 0) + v);
    sampled += r.sampled;
  }
  const ms = (us) => (us / 1000).toFixed(0).padStart(8);
  const pct = (us) => `${((100 * us) / sampled).toFixed(1).padStart(5)}%`;
  process.stdout.write(`${files.length} profile(s), ${(sampled / 1e6).toFixed(2)} s sampled (idle excluded)\n`);
  process.stdout.write(`${'self ms'.padStart(8)} ${'self'.padStart(6)} ${'total ms'.padStart(8)} ${'total'.padStart(6)}  ${values.by}\n`);
  const rows = [...self.entries()]
    .filter(([k]) => !values.filter || k.includes(values.filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top));
  for (const [k, v] of rows) process.stdout.write(`${ms(v)} ${pct(v)} ${ms(total.get(k) ?? 0)} ${pct(total.get(k) ?? 0)}  ${k}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
