// `selfhelp lint [paths|globs...]`: thin over @selfhelp/lint. The run has three steps that other
// workflows plug into: where the inputs come from (`selectInputs`: paths today; `--staged` and
// `--changed-since` give index blobs or changed files), the engine, and a post-filter on the results
// (`postFilter`: `--baseline`). Exit codes as ESLint: 0 clean (warnings allowed), 1 errors or too
// many warnings, 2 usage, config or internal error.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { ContentSource, LintInput, LintResult, LoadedConfig, ReportFormat } from '@selfhelp/lint';
import { UsageError } from '../usage-error.js';
import { colorEnabled } from '../color.js';
import { progressPrinter, stdoutWriter } from '../output.js';
import { errorsOnly, exitCode, parseFormat, parseMaxWarnings } from '../report-flags.js';

const HELP = `Usage: selfhelp lint [options] [paths|globs...]

Lints Markdown articles (default: ./articles if it exists, else .).

Options:
      --staged             lint the staged content of staged Markdown files (pre-commit)
      --changed-since REF  lint the files changed since the merge base with REF (CI)
      --baseline FILE      suppress the findings recorded in FILE
      --update-baseline    write the baseline from this run (FILE or selfhelp-baseline.json)
  -f, --format NAME        stylish (default), json, sarif, github, junit
  -o, --output FILE        write the report to FILE (atomically) instead of stdout
      --max-warnings N     exit 1 when there are more than N warnings
      --quiet              report errors only
  -c, --config FILE        use this config file instead of the nearest selfhelp.config.json
      --no-cache           do not read or write the cache
      --cache-location P   cache file or folder (default: .selfhelpcache in the current folder)
      --fix                apply fixes and write the files
      --fix-dry-run        print the fixes as a unified diff; write nothing
      --concurrency N      worker threads: a number, auto (default) or off
      --color, --no-color  force colors on or off (default: on a terminal, unless NO_COLOR is set)
      --debug              print timings and stack traces
  -h, --help               show this help

Exit codes: 0 no errors, 1 lint errors (or more warnings than --max-warnings), 2 usage or config error.`;

export interface LintFlags {
  paths: string[];
  format: ReportFormat;
  output: string | undefined;
  maxWarnings: number;
  quiet: boolean;
  config: string | undefined;
  cache: boolean;
  cacheLocation: string | undefined;
  fix: boolean;
  fixDryRun: boolean;
  concurrency: number | 'auto' | 'off';
  debug: boolean;
  /** --color / --no-color; undefined: colors when stdout is a terminal (and NO_COLOR is not set). */
  color: boolean | undefined;
  staged: boolean;
  changedSince: string | undefined;
  baseline: string | undefined;
  updateBaseline: boolean;
}

function parseFlags(argv: string[]): LintFlags | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      cache: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'cache-location': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      concurrency: { type: 'string' },
      debug: { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      staged: { type: 'boolean' },
      'changed-since': { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  let concurrency: LintFlags['concurrency'] = 'auto';
  const c = values.concurrency;
  if (c !== undefined) {
    if (c === 'auto' || c === 'off') concurrency = c;
    else if (/^\d+$/.test(c) && Number(c) >= 1) concurrency = Number(c);
    else throw new UsageError(`--concurrency: expected a positive number, "auto" or "off", got "${c}"`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (values.cache && values['no-cache']) throw new UsageError('--cache and --no-cache cannot be used together');
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  return {
    paths: positionals,
    format: parseFormat(values.format),
    output: values.output,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    config: values.config,
    cache: !values['no-cache'],
    cacheLocation: values['cache-location'],
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    concurrency,
    debug: values.debug ?? false,
    color: values['no-color'] ? false : values.color ? true : undefined,
    staged: values.staged ?? false,
    changedSince: values['changed-since'],
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] ?? false,
  };
}

/** Where the files come from, and how fixes are written back. */
export interface InputPlan {
  inputs: LintInput[];
  /** The tree ProjectAccess and cross-article checks read (default: the disk). */
  source?: ContentSource;
  /** Files named explicitly but ignored by the config (each gets ESLint's warning). */
  ignoredExplicit: string[];
  /** The original text of a file (for --fix-dry-run diffs). */
  original(filePath: string): string | undefined;
  /** Writes fixed files (default: atomically over the working files). */
  writeFixes?(results: readonly LintResult[]): Promise<void>;
  /** Renamed files (new repository-relative path -> old), so the baseline follows a moved article. */
  renames?: ReadonlyMap<string, string>;
}

/**
 * Step 1: the inputs. Paths and globs by default; `--staged` lints the index's version of the staged
 * Markdown files with the staged tree as the engine's source; `--changed-since REF` the files changed
 * since the merge base with REF (packages/lint/src/git).
 */
async function selectInputs(flags: LintFlags, config: LoadedConfig, cwd: string, staged: Promise<InputPlan & { root: string }> | undefined): Promise<InputPlan & { root?: string }> {
  const lint = await import('@selfhelp/lint');
  if (flags.staged && flags.changedSince !== undefined) throw new UsageError('--staged and --changed-since cannot be used together');
  if (flags.staged && staged) {
    // Staged files are mostly edited ones: load the rule code while git runs (errors surface when it is used).
    config.loadRuleCode().catch(() => undefined);
    return staged;
  }
  const ignored = await lint.createIgnoreFilter(config);
  if (flags.changedSince !== undefined) {
    if (flags.changedSince === '') throw new UsageError('--changed-since: expected a git ref');
    return lint.git.changedSincePlan(cwd, flags.changedSince, { patterns: flags.paths, ignored });
  }
  const patterns = flags.paths.length > 0 ? flags.paths : [existsSync(resolve(cwd, 'articles')) ? 'articles' : '.'];
  const found = await lint.discoverFiles(patterns, { cwd, ignored });
  return { inputs: found.files.map((path) => ({ path })), ignoredExplicit: found.ignoredExplicit, original: (p) => lint.diskSource.readText(p) };
}

/**
 * Step 3: filter results after linting: `--baseline FILE` suppresses the findings it records;
 * `--update-baseline` rewrites it from this run first (default file: selfhelp-baseline.json in the
 * repository root, or the current folder outside git).
 */
async function postFilter(flags: LintFlags, results: LintResult[], plan: InputPlan & { root?: string }, cwd: string): Promise<LintResult[]> {
  if (flags.baseline === undefined && !flags.updateBaseline) return results;
  const lint = await import('@selfhelp/lint');
  let root = plan.root;
  if (root === undefined) {
    try {
      root = await lint.git.findRepoRoot(cwd);
    } catch {
      root = cwd;
    }
  }
  const file = flags.baseline !== undefined ? resolve(cwd, flags.baseline) : resolve(root, lint.baseline.DEFAULT_BASELINE_FILE);
  const step = await lint.baseline.runBaseline(results, {
    root,
    sources: (p) => plan.original(p),
    file,
    update: flags.updateBaseline,
    ...(plan.renames ? { renames: plan.renames } : {}),
  });
  process.stderr.write(step.summary + '\n');
  return step.results;
}

/** The worker threads' module: lint's worker function from the start-up bundle (../worker.ts); absent when running from the sources. */
const WORKER_URL = new URL('../worker.js', import.meta.url);

export async function run(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const started = performance.now();
  const cwd = process.cwd();
  const lint = await import('@selfhelp/lint');
  if (flags.output) {
    // Fail before a long run, not after it.
    const target = resolve(cwd, flags.output);
    try {
      accessSync(dirname(target), constants.W_OK);
    } catch (error) {
      throw new UsageError(`--output: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    const cacheLocation = flags.cache ? lint.resolveCacheLocation(cwd, flags.cacheLocation) : false;
    const loading = lint.loadConfig({ cwd, ...(flags.config ? { configFile: flags.config } : {}), ...(cacheLocation ? { snapshot: cacheLocation } : {}) });
    // --staged: git reads the index while the configuration loads (the ignore test joins when it is ready).
    let staged: ReturnType<typeof lint.git.stagedPlan> | undefined;
    if (flags.staged && flags.changedSince === undefined) {
      const ignored = loading.then((c) => lint.createIgnoreFilter(c));
      staged = lint.git.stagedPlan(cwd, { patterns: flags.paths, ignored, onNotice: (line) => process.stderr.write(line + '\n') });
      // Both are awaited later, unless the configuration or git fails first: that one is reported.
      ignored.catch(() => undefined);
      staged.catch(() => undefined);
    }
    const config = await loading;
    const plan = await selectInputs(flags, config, cwd, staged);
    const progress = progressPrinter(process.stderr.isTTY === true && !flags.debug, (done, total) => `linting ${done}/${total} files`);
    const { results: linted, stats } = await lint.lintFiles(plan.inputs, {
      config,
      cwd,
      ...(plan.source ? { source: plan.source } : {}),
      fix: flags.fix || flags.fixDryRun,
      cacheLocation,
      concurrency: flags.concurrency,
      ...(existsSync(fileURLToPath(WORKER_URL)) ? { workerUrl: WORKER_URL } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    });
    progress.clear();

    // Files named explicitly but ignored: ESLint's warning, in path order with the rest.
    let results = linted;
    if (plan.ignoredExplicit.length > 0) {
      const ignoredResults = plan.ignoredExplicit.map((filePath) =>
        lint.countMessages(filePath, [{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern.', line: 0, column: 0, endLine: 0, endColumn: 0 }]),
      );
      results = [...results, ...ignoredResults].sort((a, b) => lint.comparePaths(a.filePath, b.filePath));
    }
    results = await postFilter(flags, results, plan, cwd);

    if (flags.fix) {
      if (plan.writeFixes) await plan.writeFixes(results);
      else lint.writeFixes(results);
    }
    let out: InstanceType<typeof lint.AtomicFileStream> | undefined;
    if (flags.output) {
      const target = resolve(cwd, flags.output);
      try {
        out = new lint.AtomicFileStream(target);
      } catch (error) {
        throw new UsageError(`--output: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    const writer = out ? { write: async (s: string) => out.write(s), close: async () => out.commit() } : stdoutWriter();
    try {
      if (flags.fixDryRun) {
        // The diff goes to stdout, unless a machine-readable report is going there: then to stderr.
        const toStderr = !out && flags.format !== 'stylish';
        for (const r of results) {
          if (r.output === undefined) continue;
          const original = plan.original(r.filePath);
          if (original === undefined) continue;
          const diff = await lint.fixDiff(r.filePath, original, r.output, cwd);
          if (toStderr || out) process[toStderr ? 'stderr' : 'stdout'].write(diff);
          else await writer.write(diff);
        }
      }
      const totals = lint.summarizeResults(results);
      const shown = flags.quiet ? results.map((r) => errorsOnly(r, lint.countMessages)) : results;
      const reporter = lint.createReporter(flags.format, {
        cwd,
        color: !out && flags.format === 'stylish' && (flags.color ?? colorEnabled(process.stdout)),
        rules: config.registry.metas,
        // Only SARIF links rule docs; importing @selfhelp/rules would load every rule.
        ...(flags.format === 'sarif' ? { ruleUrl: (await import('@selfhelp/rules')).ruleUrl } : {}),
      });
      await writer.write(reporter.begin());
      for (const r of shown) await writer.write(reporter.file(r));
      await writer.write(reporter.end(lint.summarizeResults(shown)));
      await writer.close();

      if (flags.debug) {
        const ms = Math.round(performance.now() - started);
        process.stderr.write(
          `selfhelp: ${stats.files} files (${stats.cached} from cache, ${stats.linted} linted, ${stats.workers} workers, ${stats.summarized} summarized, cross-article rules run for ${stats.crossChecked} roots) in ${ms} ms` +
            (stats.cacheDiscarded ? `; cache ignored: ${stats.cacheDiscarded}` : '') +
            '\n',
        );
      }
      return exitCode(totals, flags.maxWarnings);
    } catch (error) {
      out?.abort();
      throw error;
    }
  } catch (error) {
    // Config, git and baseline problems are the user's: one line, exit 2.
    if (error instanceof lint.ConfigError || (error as { userError?: boolean } | null)?.userError === true) throw new UsageError((error as Error).message);
    throw error;
  }
}
