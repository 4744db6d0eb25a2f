// `pnpm bench`: selfhelp side by side with markdownlint-cli2 and remark-cli on the same files (issue 8).
//
// Every row spawns whole processes, one at a time, and records wall time (harness clock), peak RSS and CPU time
// (GNU `/usr/bin/time` when present, otherwise n/a). The median wall time over the runs is reported, with the
// highest peak RSS seen. Results go to stdout and to test/bench/RESULTS.md; the raw figures are kept in
// test/bench/.work/results.json so an `--only` run can update some rows and keep the others.
//
// The ratio targets are also measured in pairs (--pairs N, after the rows): markdownlint-cli2, cold lint and warm
// lint back to back, so a machine whose speed drifts over the minutes of a bench cannot skew the ratios.
//
// Usage: node test/bench/run.mjs [--runs N] [--runs-slow N] [--pairs N] [--only id,...] [--corpus DIR] [--timeout S] [--list]
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync,
  writeFileSync, appendFileSync, renameSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSynthetic } from './synthetic.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const work = join(here, '.work');

// ---------------------------------------------------------------------------------------------------------------
// Options

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'runs-slow': { type: 'string', default: '1' },
    pairs: { type: 'string', default: '3' },
    only: { type: 'string' },
    corpus: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 11).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const RUNS = positiveInt(opts.runs, '--runs');
const RUNS_SLOW = positiveInt(opts['runs-slow'], '--runs-slow');
const TIMEOUT_MS = positiveInt(opts.timeout, '--timeout') * 1000;
const PAIRS = positiveInt(opts.pairs, '--pairs', 0);

function positiveInt(text, flag, min = 1) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: ${flag} expects ${min === 0 ? 'a whole number' : 'a positive integer'}, got "${text}"\n`);
    process.exit(2);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Tools

const node = process.execPath;
const selfhelpBin = join(repoRoot, 'packages/cli/bin/selfhelp.js');
function binOf(pkg, name) {
  try {
    // Root devDependencies live in node_modules/<pkg> (their "exports" may hide package.json from require.resolve).
    const pj = join(repoRoot, 'node_modules', pkg, 'package.json');
    const meta = JSON.parse(readFileSync(pj, 'utf8'));
    const bin = typeof meta.bin === 'string' ? meta.bin : meta.bin?.[name ?? pkg];
    return { path: join(dirname(pj), bin), version: meta.version };
  } catch {
    return { path: null, version: 'not installed' };
  }
}
const mdl = binOf('markdownlint-cli2');
const remark = binOf('remark-cli', 'remark');
const remarkPreset = (() => {
  try { return JSON.parse(readFileSync(join(repoRoot, 'node_modules/remark-preset-lint-recommended/package.json'), 'utf8')).version; }
  catch { return 'not installed'; }
})();
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%e', 'true'], { encoding: 'utf8' }).status === 0
  ? '/usr/bin/time' : null;

// ---------------------------------------------------------------------------------------------------------------
// Corpus: a writable git working copy of the input in .work/repo

function listFiles(dir, predicate, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== '.git') listFiles(p, predicate, out); }
    else if (predicate(e.name)) out.push(p);
  }
  return out;
}

function resolveCorpus() {
  if (opts.corpus) {
    const dir = resolve(opts.corpus);
    if (!existsSync(dir)) { process.stderr.write(`bench: --corpus ${dir} does not exist\n`); process.exit(2); }
    return { source: dir, kind: 'given with --corpus' };
  }
  const shared = resolve(repoRoot, '../shared/corpus/selfhelp');
  if (existsSync(join(shared, 'articles'))) return { source: shared, kind: 'dev corpus (../shared/corpus/selfhelp)' };
  const r = generateSynthetic({ outDir: join(work, 'synthetic') });
  return { source: r.dir, kind: `synthetic (test/bench/synthetic.mjs, from ${r.seeds} sample article(s))` };
}

function git(cwd, args, options = {}) {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr.trim().split('\n')[0]}`);
  return r.stdout;
}

/** Copy the corpus into .work/repo (articles/ at its root), commit it, and reuse it while the source is unchanged. */
function prepareRepo(source) {
  const repo = join(work, 'repo');
  const articlesSource = existsSync(join(source, 'articles')) ? source : null;
  const files = listFiles(articlesSource ? join(source, 'articles') : source, (n) => /\.md$/i.test(n));
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const stamp = JSON.stringify({ source, files: files.length, bytes });
  const stampFile = join(work, 'repo.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(repo, '.git'))) {
    restoreRepo(repo);
    return { repo, files: files.length, bytes };
  }
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  if (articlesSource) cpSync(source, repo, { recursive: true, filter: (p) => !p.split('/').includes('.git') });
  else cpSync(source, join(repo, 'articles'), { recursive: true });
  makeWritable(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  // Guard: never run `git add` unless .work/repo really is its own repository.
  if (resolve(git(repo, ['rev-parse', '--show-toplevel']).trim()) !== resolve(repo)) throw new Error('bench: .work/repo is not its own git repository');
  writeFileSync(join(repo, '.gitignore'), '.selfhelpcache\n.selfhelp-cache/\n.bench-*\n');
  git(repo, ['add', '--all', '--', '.']);
  git(repo, ['commit', '-q', '-m', 'bench corpus']);
  writeFileSync(stampFile, stamp);
  return { repo, files: files.length, bytes };
}

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) makeWritable(p);
    else chmodSync(p, 0o644);
  }
}

/** Undo every edit the rows make to tracked files and the index; caches and outputs are removed per row. */
function restoreRepo(repo) {
  git(repo, ['reset', '-q']);
  git(repo, ['checkout', '-q', '--', '.']);
}

function removeCaches(repo) {
  for (const p of ['.selfhelpcache', '.selfhelp-cache', 'node_modules/.cache/selfhelp', '.bench-cache', '.bench-out']) {
    rmSync(join(repo, p), { recursive: true, force: true });
  }
}

/** Append a line to a file: a real content change (a cache keyed on mtime or on a hash both see it). */
function editFile(file, tag) {
  appendFileSync(file, `\nEdited by the benchmark (${tag}).\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Running one process

/**
 * Spawn argv in cwd with stdout/stderr to files; return { ok, code, signal, wall, rss, cpu, lines, firstErr }.
 * ok means the tool ran to completion: exit 0 or 1 (1 = findings, for every tool here).
 */
function measure(argv, cwd, label) {
  return new Promise((resolvePromise) => {
    const outFile = join(work, 'logs', `${label}.out`);
    const errFile = join(work, 'logs', `${label}.err`);
    const timeFile = join(work, 'logs', `${label}.time`);
    mkdirSync(dirname(outFile), { recursive: true });
    rmSync(timeFile, { force: true });
    const out = openSync(outFile, 'w');
    const err = openSync(errFile, 'w');
    const full = gnuTime ? [gnuTime, '-f', '%e %M %U %S', '-o', timeFile, '--', ...argv] : argv;
    const start = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd, stdio: ['ignore', out, err], detached: true, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }, TIMEOUT_MS);
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      closeSync(out); closeSync(err);
      let rss = null; let cpu = null; let exit = code;
      if (gnuTime && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        // GNU time prints "Command exited with non-zero status N" / "Command terminated by signal N" before the figures.
        const status = /exited with non-zero status (\d+)/.exec(text);
        const sig = /terminated by signal (\d+)/.exec(text);
        if (status) exit = Number(status[1]);
        if (sig) { exit = null; signal = `signal ${sig[1]}`; }
        const figures = text.trim().split('\n').pop().split(' ').map(Number);
        if (figures.length === 4 && figures.every(Number.isFinite)) { rss = figures[1] / 1024; cpu = figures[2] + figures[3]; }
      }
      const errText = readFileSync(errFile, 'utf8');
      const lines = countLines(outFile) + countLines(errFile);
      const firstErr = spawnError?.message ?? (timedOut ? `timed out after ${TIMEOUT_MS / 1000} s`
        : errText.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? `exit ${exit ?? signal}, no stderr`);
      resolvePromise({ ok: !timedOut && !spawnError && (exit === 0 || exit === 1), code: exit, signal, wall, rss, cpu, lines, firstErr });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('exit', (code, signal) => finish(code, signal, null));
  });
}

function countLines(file) {
  const buf = readFileSync(file);
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return n + (buf.length > 0 && buf[buf.length - 1] !== 10 ? 1 : 0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------------------------
// Rows

/** Flags of a selfhelp command, read from its --help (empty when the command does not exist yet). */
function helpOf(command, cwd) {
  const r = spawnSync(node, [selfhelpBin, command, '--help'], { cwd, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? r.stdout + r.stderr : '';
}

function defineRows(ctx) {
  const { repo, articleFiles } = ctx;
  const sh = (...args) => [node, selfhelpBin, ...args];
  const lintHelp = helpOf('lint', repo);
  const buildHelp = helpOf('build', repo);
  const cacheDir = join(repo, '.bench-cache');
  const outDir = join(repo, '.bench-out');
  // Cache flags follow whatever the lint command offers (ESLint-style --cache/--cache-location, or on by default).
  const cacheOn = [
    ...(/--cache(?![-\w])/.test(lintHelp) ? ['--cache'] : []),
    ...(/--cache-location\b/.test(lintHelp) ? ['--cache-location', cacheDir] : []),
  ];
  const cacheOff = /--no-cache\b/.test(lintHelp) ? ['--no-cache'] : cacheOn; // else: cache wiped before each run
  const buildCache = /--no-cache\b/.test(buildHelp) ? ['--no-cache'] : [];
  // The dev corpus has invalid articles; without --skip-invalid a build stops at them and writes nothing.
  const buildFlags = /--skip-invalid\b/.test(buildHelp) ? ['--skip-invalid'] : [];
  const catalogWritten = (r) => (existsSync(join(outDir, 'catalog.json')) ? null
    : `no ${relative(repo, outDir)}/catalog.json written (exit ${r.code}): ${r.firstErr}`);
  const touched = articleFiles[Math.floor(articleFiles.length / 2)];
  const staged = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => articleFiles[Math.floor(articleFiles.length * f)]);
  const parseFile = articleFiles[Math.floor(articleFiles.length / 3)];
  const rel = (f) => relative(repo, f);
  const lintCmd = (...extra) => sh('lint', 'articles', ...extra);
  const warmUp = async (label) => {
    const r = await measure(lintCmd(...cacheOn), repo, `${label}-warmup`);
    if (!r.ok) throw new Error(r.firstErr);
  };
  const pairsCache = join(repo, '.bench-cache-pairs');
  const pairs = /--no-cache\b/.test(lintHelp) && /--cache-location\b/.test(lintHelp)
    ? { cold: lintCmd('--no-cache'), warm: lintCmd(...(/--cache(?![-\w])/.test(lintHelp) ? ['--cache'] : []), '--cache-location', pairsCache), warmCache: pairsCache }
    : null;
  const rows = [
    {
      id: 'parse-one', group: 'selfhelp', label: 'selfhelp parse, one file (start-up)',
      argv: sh('parse', rel(parseFile)),
    },
    {
      id: 'lint-cold', group: 'selfhelp', label: 'selfhelp lint, cold (no cache)',
      argv: lintCmd(...cacheOff),
      beforeEach: () => removeCaches(repo),
    },
    {
      id: 'lint-warm', group: 'selfhelp', label: 'selfhelp lint, warm (cache, nothing changed)',
      argv: lintCmd(...cacheOn),
      beforeAll: async () => { removeCaches(repo); await warmUp('lint-warm'); },
    },
    {
      id: 'lint-touch1', group: 'selfhelp', label: 'selfhelp lint, cache, 1 file changed',
      argv: lintCmd(...cacheOn),
      beforeAll: async () => { removeCaches(repo); await warmUp('lint-touch1'); },
      beforeEach: (i) => editFile(touched, `touch ${i}`),
    },
    {
      id: 'lint-staged', group: 'selfhelp', label: 'selfhelp lint --staged, 5 staged files, cache',
      argv: sh('lint', '--staged', ...cacheOn),
      beforeAll: async () => { removeCaches(repo); await warmUp('lint-staged'); },
      beforeEach: (i) => {
        for (const f of staged) editFile(f, `staged ${i}`);
        git(repo, ['add', '--', ...staged.map(rel)]);
      },
    },
    {
      id: 'lint-staged-cold', group: 'selfhelp', label: 'selfhelp lint --staged, 5 staged files, no cache',
      argv: sh('lint', '--staged', ...cacheOff),
      beforeEach: (i) => {
        removeCaches(repo);
        for (const f of staged) editFile(f, `staged cold ${i}`);
        git(repo, ['add', '--', ...staged.map(rel)]);
      },
    },
    {
      id: 'build-full', group: 'selfhelp', label: 'selfhelp build, full',
      argv: sh('build', 'articles', '--out', outDir, ...buildFlags, ...buildCache),
      beforeEach: () => removeCaches(repo),
      verify: catalogWritten,
    },
    {
      id: 'build-incr', group: 'selfhelp', label: 'selfhelp build, incremental after 1 file changed',
      argv: sh('build', 'articles', '--out', outDir, ...buildFlags),
      beforeAll: async () => {
        removeCaches(repo);
        const r = await measure(sh('build', 'articles', '--out', outDir, ...buildFlags), repo, 'build-incr-warmup');
        const problem = r.ok ? catalogWritten(r) : r.firstErr;
        if (problem) throw new Error(problem);
      },
      beforeEach: (i) => editFile(touched, `build ${i}`),
      verify: catalogWritten,
    },
    {
      id: 'markdownlint-cli2', group: 'competitor', slow: true, baseline: true,
      label: `markdownlint-cli2 ${mdl.version} (default rules)`,
      argv: mdl.path ? [node, mdl.path, 'articles/**/*.md', '--config', join(here, 'bench.markdownlint-cli2.jsonc')] : null,
      missing: 'markdownlint-cli2 is not installed (pnpm install)',
    },
    {
      id: 'remark-cli', group: 'competitor', slow: true,
      label: `remark-cli ${remark.version} + remark-preset-lint-recommended ${remarkPreset}`,
      argv: remark.path ? [node, remark.path, '--no-config', '--no-ignore', '--use', 'remark-preset-lint-recommended', '--quiet', '--frail', '--no-stdout', 'articles'] : null,
      missing: 'remark-cli is not installed (pnpm install)',
    },
  ];
  // The commands of the paired measurement (runPairs), with a cache of their own.
  return Object.assign(rows, { pairs });
}

/**
 * The ratio targets, measured in pairs: markdownlint-cli2, cold lint and warm lint back to back, `n` times, the
 * order alternating. A shared machine's speed drifts over the minutes of a bench (markdownlint-cli2 took 32 s and
 * 45 s an hour apart on 2026-12-04), so a ratio of two medians taken at different times can move by a third; the
 * ratio within one pair cannot. Reported: each pair, and the median of the pairs' ratios.
 */
async function runPairs(n, rows, repo) {
  const mdlRow = rows.find((r) => r.id === 'markdownlint-cli2');
  const base = { measuredAt: new Date().toISOString(), load: os.loadavg()[0], pairs: [] };
  if (!mdlRow?.argv) return { ...base, error: mdlRow?.missing ?? 'no markdownlint-cli2 row' };
  if (!rows.pairs) return { ...base, error: 'the lint command has no --no-cache and --cache-location' };
  const argv = { mdl: mdlRow.argv, cold: rows.pairs.cold, warm: rows.pairs.warm };
  restoreRepo(repo);
  rmSync(rows.pairs.warmCache, { recursive: true, force: true });
  try {
    const warmUp = await measure(argv.warm, repo, 'pairs-warmup');
    if (!warmUp.ok) return { ...base, error: `warm-up failed: ${warmUp.firstErr}` };
    for (let i = 0; i < n; i++) {
      const pair = {};
      for (const k of i % 2 === 0 ? ['mdl', 'cold', 'warm'] : ['warm', 'cold', 'mdl']) {
        const r = await measure(argv[k], repo, `pairs-${k}-${i}`);
        if (!r.ok) return { ...base, error: `${k} failed in pair ${i + 1}: ${r.firstErr}` };
        pair[k] = r.wall;
      }
      base.pairs.push(pair);
      process.stdout.write(`  pair ${i + 1}/${n}: markdownlint-cli2 ${pair.mdl.toFixed(2)} s, cold ${pair.cold.toFixed(2)} s ` +
        `(${(pair.cold / pair.mdl).toFixed(3)} x), warm ${pair.warm.toFixed(2)} s (${(pair.warm / pair.mdl).toFixed(3)} x)\n`);
    }
  } finally {
    rmSync(rows.pairs.warmCache, { recursive: true, force: true });
  }
  return { ...base, cold: median(base.pairs.map((p) => p.cold / p.mdl)), warm: median(base.pairs.map((p) => p.warm / p.mdl)) };
}

async function runRow(row, repo) {
  const runs = row.slow ? RUNS_SLOW : RUNS;
  const base = {
    id: row.id, label: row.label, group: row.group, command: row.argv ? displayCommand(row.argv, repo) : '', runs: 0,
    measuredAt: new Date().toISOString(), load: os.loadavg()[0],
  };
  if (!row.argv) return { ...base, error: row.missing };
  restoreRepo(repo);
  try {
    if (row.beforeAll) await row.beforeAll();
  } catch (e) {
    return { ...base, error: `command failed: ${e.message}` };
  }
  const results = [];
  for (let i = 0; i < runs; i++) {
    if (row.beforeEach) await row.beforeEach(i);
    const r = await measure(row.argv, repo, `${row.id}-${i}`);
    const problem = r.ok && row.verify ? row.verify(r) : null;
    if (problem) Object.assign(r, { ok: false, firstErr: problem });
    process.stdout.write(`  ${row.id} run ${i + 1}/${runs}: ${r.ok ? '' : 'FAILED '}${r.wall.toFixed(3)} s` +
      `${r.rss != null ? `, ${r.rss.toFixed(0)} MiB` : ''}${r.ok ? '' : ` (${r.firstErr})`}\n`);
    results.push(r);
    if (!r.ok) break; // a command that fails once is reported as failed, not retried
  }
  restoreRepo(repo);
  const failed = results.find((r) => !r.ok);
  if (failed) {
    const how = failed.signal ? failed.signal : `exit ${failed.code}`;
    return { ...base, runs: results.length, error: `command failed: ${failed.firstErr}`, failedAfter: failed.wall, failedHow: how, peakRss: failed.rss };
  }
  return {
    ...base,
    runs: results.length,
    wall: median(results.map((r) => r.wall)),
    walls: results.map((r) => r.wall),
    peakRss: results.some((r) => r.rss != null) ? Math.max(...results.map((r) => r.rss ?? 0)) : null,
    cpu: results.every((r) => r.cpu != null) ? median(results.map((r) => r.cpu)) : null,
    outputLines: results[0].lines,
    exitCode: results[0].code,
  };
}

function displayCommand(argv, repo) {
  return argv.map((a) => {
    if (a === node) return 'node';
    let s = a.startsWith(repoRoot + '/') ? relative(repoRoot, a) : a;
    if (a.startsWith(repo + '/')) s = relative(repo, a);
    return /[\s*#]/.test(s) ? `'${s}'` : s;
  }).join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmt = (n, d = 2) => (n == null ? 'n/a' : n.toFixed(d));

function targets(rows, pairs) {
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  const paired = pairs && !pairs.error && pairs.pairs.length > 0 ? pairs : null;
  const base = by['markdownlint-cli2']?.wall;
  const wall = (id) => by[id]?.wall;
  const check = (name, value, limit, shown) => {
    if (value == null) return { name, measured: 'n/a', result: 'not measured' };
    if (limit == null) return { name, measured: shown, result: 'not measured (no baseline)' };
    return { name, measured: shown, result: value <= limit ? 'PASS' : 'FAIL' };
  };
  const vsBase = (id) => `${fmt(wall(id))} s${base ? ` = ${fmt(wall(id) / base, 3)} x` : ''}`;
  const selfhelpRss = rows.filter((r) => r.group === 'selfhelp' && r.peakRss != null);
  const peak = selfhelpRss.length ? Math.max(...selfhelpRss.map((r) => r.peakRss)) : null;
  const allSelfhelp = rows.filter((r) => r.group === 'selfhelp').every((r) => r.wall != null);
  // A ratio target is judged on the paired ratio when there is one (see runPairs), else on the rows' medians.
  const ratio = (name, id, key, limit) => {
    if (!paired) return check(name, wall(id), base ? limit * base : null, vsBase(id));
    const shown = `${vsBase(id)} in the rows; paired: ${fmt(paired[key], 3)} x (median of ${paired.pairs.length} pairs)`;
    return { name, measured: shown, result: paired[key] <= limit ? 'PASS' : 'FAIL' };
  };
  return [
    ratio('Cold lint <= 0.2 x markdownlint-cli2', 'lint-cold', 'cold', 0.2),
    ratio('Warm lint <= 0.03 x markdownlint-cli2', 'lint-warm', 'warm', 0.03),
    check('--staged, 5 files, cache < 0.5 s', wall('lint-staged'), 0.5, `${fmt(wall('lint-staged'), 3)} s`),
    check('Single-file start-up (parse) < 0.25 s', wall('parse-one'), 0.25, `${fmt(wall('parse-one'), 3)} s`),
    check('Full build <= 1.5 x cold lint', wall('build-full') != null && wall('lint-cold') ? wall('build-full') / wall('lint-cold') : null, 1.5,
      wall('build-full') != null && wall('lint-cold') ? `${fmt(wall('build-full'))} s = ${fmt(wall('build-full') / wall('lint-cold'))} x cold lint` : undefined),
    check('Incremental build after 1 change < 2 s', wall('build-incr'), 2, `${fmt(wall('build-incr'), 3)} s`),
    check(`Peak RSS of every selfhelp run < 1 GiB${allSelfhelp ? '' : ' (rows that ran)'}`, peak, peak == null ? null : 1024, `${fmt(peak, 0)} MiB`),
  ];
}

function renderTable(rows) {
  const base = rows.find((r) => r.id === 'markdownlint-cli2')?.wall;
  const lines = [
    '| Row | Median wall (s) | x markdownlint-cli2 | Peak RSS (MiB) | CPU user+sys (s) | Runs | Notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const notes = [];
    if (r.error) notes.push(`n/a (${r.error.replace(/\|/g, '\\|')})${r.failedAfter != null ? `, ${r.failedHow} after ${fmt(r.failedAfter)} s` : ''}`);
    if (r.outputLines != null) notes.push(`${r.outputLines} output lines, exit ${r.exitCode}`);
    if (r.walls && r.walls.length > 1) notes.push(`runs: ${r.walls.map((w) => fmt(w)).join(', ')}`);
    if (r.load != null) notes.push(`load ${fmt(r.load)}`);
    if (r.stale) notes.push(`measured ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, not in this invocation`);
    lines.push(`| ${r.label} | ${r.wall != null ? fmt(r.wall, 3) : 'n/a'} | ${r.wall != null && base ? fmt(r.wall / base, 3) : 'n/a'} | ${fmt(r.peakRss, 0)} | ${fmt(r.cpu)} | ${r.runs} | ${notes.join('; ')} |`);
  }
  return lines.join('\n');
}

function renderPairs(pairs) {
  if (!pairs) return [];
  const head = [
    '## Paired with markdownlint-cli2',
    '',
    'markdownlint-cli2, cold lint (`--no-cache`) and warm lint run back to back in each pair, the order alternating, so',
    "the machine's drift over the minutes of a bench does not skew the ratios; what is left is each run's own noise,",
    "shown pair by pair. The ratio targets are judged on the median of the pairs' ratios.",
    `Measured ${pairs.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load ${fmt(pairs.load)}${pairs.stale ? ', not in this invocation' : ''}.`,
    '',
  ];
  if (pairs.error) return [...head, `n/a (${pairs.error})`, ''];
  return [
    ...head,
    '| Pair | markdownlint-cli2 (s) | Cold lint (s) | Cold x | Warm lint (s) | Warm x |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pairs.pairs.map((p, i) => `| ${i + 1} | ${fmt(p.mdl)} | ${fmt(p.cold)} | ${fmt(p.cold / p.mdl, 3)} | ${fmt(p.warm)} | ${fmt(p.warm / p.mdl, 3)} |`),
    `| median | | | ${fmt(pairs.cold, 3)} | | ${fmt(pairs.warm, 3)} |`,
    '',
  ];
}

function renderResults(meta, rows, pairs) {
  const t = targets(rows, pairs);
  return [
    '# Benchmark results',
    '',
    `Written by \`pnpm bench\` (test/bench/run.mjs); see test/bench/README.md for what each row means.`,
    '',
    `- Date: ${meta.date}`,
    `- Machine: ${meta.cores} cores (${meta.cpuModel}), ${meta.memGiB} GiB RAM, ${meta.platform}; load average at start ${meta.load}`,
    `- Node: ${meta.node}; start-up of \`node -e 0\` on this machine at the start: ${meta.nodeStartup} s (median of 7). A yardstick for comparing runs made on different days: the same build's figures scale with it.`,
    `- Corpus: ${meta.corpusKind}: ${meta.files} Markdown files, ${(meta.bytes / 1e6).toFixed(1)} MB (${meta.bytes} bytes) under articles/`,
    `- Runs per row: ${meta.runs} (slow competitor rows: ${meta.runsSlow}); median wall time, highest peak RSS; timing: ${meta.timing}`,
    `- "load" in the notes is the 1-minute load average when the row started: above ${meta.cores}, other processes were competing for the cores and wall times are inflated (CPU time much less so).`,
    '',
    renderTable(rows),
    '',
    ...renderPairs(pairs),
    '## Targets (issue 8)',
    '',
    '| Target | Measured | Result |',
    '| --- | --- | --- |',
    ...t.map((x) => `| ${x.name} | ${x.measured} | ${x.result} |`),
    '',
    '## Commands (run in a git working copy of the corpus, test/bench/.work/repo)',
    '',
    ...rows.filter((r) => r.command).map((r) => `- ${r.id}: \`${r.command}\``),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

/**
 * The binary falls back to its ES modules when the start-up bundle is older than a file it holds (after `tsc -b`
 * alone): every selfhelp row would then measure a start-up no user has. Refuse, with the way out.
 */
async function checkBundle() {
  const dist = join(repoRoot, 'packages/cli/dist');
  let launch;
  try {
    launch = await import(pathToFileURL(join(dist, 'launch.js')).href);
  } catch {
    process.stderr.write('bench: selfhelp is not built (packages/cli/dist/launch.js cannot be loaded); run `pnpm run build` first\n');
    process.exit(2);
  }
  const { readManifest, staleInput } = launch;
  const manifest = readManifest(dist);
  const why = typeof manifest === 'string' ? manifest : staleInput(dist, manifest);
  if (why === undefined) return;
  process.stderr.write(`bench: the start-up bundle cannot be used (${why}); run \`pnpm run build\` first\n`);
  process.exit(2);
}

async function main() {
  await checkBundle();
  mkdirSync(join(work, 'logs'), { recursive: true });
  const corpus = resolveCorpus();
  const { repo, files, bytes } = prepareRepo(corpus.source);
  const articleFiles = listFiles(join(repo, 'articles'), (n) => /\.md$/i.test(n)).sort();
  // Prime the page cache so the first row does not pay for disk reads the others do not.
  for (const f of articleFiles) readFileSync(f);

  const rows = defineRows({ repo, articleFiles });
  if (opts.list) {
    for (const r of rows) process.stdout.write(`${r.id.padEnd(18)} ${r.label}\n`);
    process.stdout.write(`${'pairs'.padEnd(18)} markdownlint-cli2, cold and warm lint back to back (--pairs N, default 3)\n`);
    return;
  }
  const only = opts.only ? new Set(opts.only.split(',').map((s) => s.trim()).filter(Boolean)) : null;
  if (only) {
    const unknown = [...only].filter((id) => id !== 'pairs' && !rows.some((r) => r.id === id));
    if (unknown.length) { process.stderr.write(`bench: unknown row(s) ${unknown.join(', ')}; --list shows them\n`); process.exit(2); }
  }
  const meta = {
    date: new Date().toISOString(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    nodeStartup: nodeStartup(),
    node: process.version,
    corpusKind: corpus.kind,
    files, bytes,
    runs: RUNS, runsSlow: RUNS_SLOW,
    timing: gnuTime ? 'harness clock for wall, GNU time for peak RSS and CPU' : 'harness clock for wall; peak RSS n/a (no /usr/bin/time)',
  };
  process.stdout.write(`bench: ${files} files, ${(bytes / 1e6).toFixed(1)} MB (${corpus.kind}); ${meta.cores} cores; Node ${meta.node}\n`);

  // Earlier figures on the same corpus are kept for rows this invocation does not run (--only).
  const resultsFile = join(work, 'results.json');
  let previous = {};
  let previousPairs = null;
  if (existsSync(resultsFile)) {
    const saved = JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (saved.files === files && saved.bytes === bytes) {
      previous = saved.rows ?? {};
      previousPairs = saved.pairs ?? null;
    }
  }
  const measured = {};
  for (const row of rows) {
    if (only && !only.has(row.id)) continue;
    process.stdout.write(`${row.label}\n`);
    measured[row.id] = await runRow(row, repo);
  }
  let pairs = previousPairs ? { ...previousPairs, stale: true } : null;
  if (PAIRS > 0 && (!only || only.has('pairs'))) {
    process.stdout.write(`markdownlint-cli2, cold and warm lint in ${PAIRS} pairs\n`);
    pairs = await runPairs(PAIRS, rows, repo);
  }
  const merged = rows
    .map((r) => measured[r.id] ?? (previous[r.id] ? { ...previous[r.id], label: r.label, stale: true } : null))
    .filter(Boolean);
  const table = renderResults(meta, merged, pairs);
  process.stdout.write('\n' + table);
  const rowsById = Object.fromEntries(merged.map((r) => [r.id, { ...r, stale: undefined }]));
  writeAtomic(resultsFile, JSON.stringify({ files, bytes, rows: rowsById, pairs: pairs ? { ...pairs, stale: undefined } : undefined }, null, 2) + '\n');
  writeAtomic(join(here, 'RESULTS.md'), table);
  process.stdout.write(`\nwrote ${relative(repoRoot, join(here, 'RESULTS.md'))}\n`);
}

/** Median wall time of `node -e 0` (seconds, 3 decimals): how fast this machine is right now. */
function nodeStartup() {
  const walls = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    walls.push((performance.now() - started) / 1000);
  }
  walls.sort((a, b) => a - b);
  return walls[3].toFixed(3);
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

await main();
