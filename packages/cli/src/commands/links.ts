// `selfhelp links [paths|globs...]`: checks the external (http/https) URLs of articles over HTTP.
// Every distinct URL is requested once; each occurrence is reported through lint's reporters with
// lint's exit codes (0 no errors, 1 broken links or too many warnings, 2 usage or config error).
// Options come from flags and from the `links` section of selfhelp.config.json (flags win).
import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckerOptions, OccurrenceResult, UrlStatus } from '@selfhelp/links';
import type { LintMessage, LintResult, ReportFormat } from '@selfhelp/lint';
import type { RuleMeta } from '@selfhelp/rules';
import { UsageError } from '../usage-error.js';
import { colorEnabled } from '../color.js';
import { progressPrinter, stdoutWriter } from '../output.js';
import { errorsOnly, exitCode, parseFormat, parseMaxWarnings } from '../report-flags.js';

const HELP = `Usage: selfhelp links [options] [paths|globs...]

Checks every external http(s) URL in the articles over HTTP (default: ./articles if it exists, else .).
Each distinct URL is requested once; every place it is written is reported.

Options:
  -f, --format NAME              stylish (default), json, sarif, github, junit
  -o, --output FILE              write the report to FILE (atomically) instead of stdout
  -c, --config FILE              use this config file instead of the nearest selfhelp.config.json
      --offline                  send no request; report cached results only
      --allow-private            allow loopback, private, link-local and unique-local addresses
      --allow-address CIDR       allow one address or range (repeatable), e.g. 10.1.0.0/16
      --cache-location FILE      cache file (default: .selfhelp-cache/links.json)
      --no-cache                 neither read nor write the cache
      --max-age SECONDS          how long a cached result is trusted (default 86400)
      --timeout MS               time limit of one request (default 15000)
      --retries N                retries after timeouts, network errors, 429, 502-504 (default 2)
      --concurrency N            requests in flight at once (default 32)
      --per-host-concurrency N   requests in flight to one host (default 8)
      --per-host-interval MS     minimum time between two requests to one host (default 0)
      --max-redirects N          redirects followed (default 10)
      --accept CODES             accepted status codes, e.g. 200-299,403 (default 200-299)
      --exclude REGEX            do not check matching URLs (repeatable)
      --remap 'REGEX URL'        rewrite matching URLs before checking (repeatable)
      --quiet                    report errors only
      --max-warnings N           exit 1 when there are more than N warnings
      --debug                    print counts, timings and stack traces
  -h, --help                     show this help

Exit codes: 0 no broken links, 1 broken links (or more warnings than --max-warnings), 2 usage or config error.`;

/** What each URL status is reported as: a rule id and a severity (2 error, 1 warning, 0 not reported). */
const STATUS_REPORT: Record<UrlStatus, { ruleId: string; severity: 0 | 1 | 2; description: string }> = {
  ok: { ruleId: '', severity: 0, description: '' },
  excluded: { ruleId: '', severity: 0, description: '' },
  unchecked: { ruleId: '', severity: 0, description: '' },
  broken: { ruleId: 'link-broken', severity: 2, description: 'The URL answers with a status that is not accepted (404, 410, 500, ...)' },
  'redirect-error': { ruleId: 'link-redirect-error', severity: 2, description: 'The URL redirects in a loop, too many times, or to a non-HTTP URL' },
  timeout: { ruleId: 'link-timeout', severity: 2, description: 'The URL does not answer within the timeout' },
  'network-error': { ruleId: 'link-network-error', severity: 2, description: 'The host cannot be reached (DNS failure, refused or reset connection, TLS error)' },
  invalid: { ruleId: 'link-invalid', severity: 2, description: 'The URL is not a valid http(s) URL' },
  redirected: { ruleId: 'link-redirected', severity: 1, description: 'The URL redirects permanently (301, 308): link the new URL' },
  refused: { ruleId: 'link-refused', severity: 1, description: 'The URL resolves to a loopback, private or link-local address, which is not checked unless allowed' },
};

/** Rule metadata for reporters that list rules (SARIF). */
function checkerMetas(): RuleMeta[] {
  return Object.values(STATUS_REPORT)
    .filter((s) => s.severity > 0)
    .map((s) => ({
      id: s.ruleId,
      description: s.description,
      category: 'links' as const,
      severity: s.severity === 2 ? ('error' as const) : ('warning' as const),
      fixable: false,
      appliesTo: { kinds: ['selfhelp' as const, 'learn' as const, 'fragment' as const] },
      docs: { rationale: s.description, incorrect: [], correct: [] },
    }));
}

interface LinksFlags {
  paths: string[];
  format: ReportFormat;
  output: string | undefined;
  config: string | undefined;
  quiet: boolean;
  maxWarnings: number;
  debug: boolean;
  noCache: boolean;
  cacheLocation: string | undefined;
  checker: Partial<CheckerOptions>;
}

function wholeNumber(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name}: expected a whole number${min > 0 ? ` >= ${min}` : ''}, got "${value}"`);
  return Number(value);
}

function parseFlags(argv: string[]): LinksFlags | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      offline: { type: 'boolean' },
      'allow-private': { type: 'boolean' },
      'allow-address': { type: 'string', multiple: true },
      'cache-location': { type: 'string' },
      'no-cache': { type: 'boolean' },
      'max-age': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      concurrency: { type: 'string' },
      'per-host-concurrency': { type: 'string' },
      'per-host-interval': { type: 'string' },
      'max-redirects': { type: 'string' },
      accept: { type: 'string' },
      exclude: { type: 'string', multiple: true },
      remap: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      'max-warnings': { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (values['no-cache'] && values['cache-location'] !== undefined) throw new UsageError('--no-cache and --cache-location cannot be used together');
  const checker: Partial<CheckerOptions> = {};
  const set = <K extends keyof CheckerOptions>(key: K, value: CheckerOptions[K] | undefined) => {
    if (value !== undefined) checker[key] = value;
  };
  set('offline', values.offline);
  set('allowPrivate', values['allow-private']);
  set('allowAddresses', values['allow-address']);
  set('maxAge', wholeNumber('max-age', values['max-age']));
  set('timeout', wholeNumber('timeout', values.timeout, 1));
  set('retries', wholeNumber('retries', values.retries));
  set('concurrency', wholeNumber('concurrency', values.concurrency, 1));
  set('perHostConcurrency', wholeNumber('per-host-concurrency', values['per-host-concurrency'], 1));
  set('perHostInterval', wholeNumber('per-host-interval', values['per-host-interval']));
  set('maxRedirects', wholeNumber('max-redirects', values['max-redirects']));
  if (values.accept !== undefined) set('accept', values.accept.split(',').map((s) => s.trim()).filter(Boolean));
  set('exclude', values.exclude);
  if (values.remap) {
    set(
      'remap',
      values.remap.map((text) => {
        const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(text);
        if (!m) throw new UsageError(`--remap: expected "REGEX URL", got "${text}"`);
        return { pattern: m[1]!, replacement: m[2]! };
      }),
    );
  }
  return {
    paths: positionals,
    format: parseFormat(values.format),
    output: values.output,
    config: values.config,
    quiet: values.quiet ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    debug: values.debug ?? false,
    noCache: values['no-cache'] ?? false,
    cacheLocation: values['cache-location'],
    checker,
  };
}

/** The config file (explicit or nearest), its `links` section, and the rest for lint's loader. */
async function readConfig(cwd: string, explicit: string | undefined): Promise<{ file: string | undefined; links: unknown; rest: Record<string, unknown> | undefined }> {
  const lint = await import('@selfhelp/lint');
  const file = explicit ? resolve(cwd, explicit) : lint.findConfigFile(cwd);
  if (!file) return { file: undefined, links: undefined, rest: undefined };
  if (!existsSync(file)) throw new UsageError(`config file not found: ${file}`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { file, links: undefined, rest: undefined };
  const { links, ...rest } = data as Record<string, unknown>;
  return { file, links, rest };
}

function toMessage(entry: OccurrenceResult): LintMessage | undefined {
  const { occurrence, result } = entry;
  const report = STATUS_REPORT[result.status];
  if (report.severity === 0) return undefined;
  let suggestion = result.suggestion;
  if (suggestion !== undefined) {
    // The link's own fragment is kept: servers never see it, so a redirect does not carry it.
    const hash = occurrence.href.indexOf('#');
    if (hash >= 0 && !suggestion.includes('#')) suggestion += occurrence.href.slice(hash);
  }
  const href = occurrence.href.trim();
  const message = result.status === 'redirected' ? `${href}: permanently redirected to ${suggestion}` : `${href}: ${result.message}`;
  const data: Record<string, unknown> = { url: result.url, status: result.status };
  if (result.httpStatus !== undefined) data.httpStatus = result.httpStatus;
  if (suggestion !== undefined) data.suggestion = suggestion;
  if (result.finalUrl !== undefined) data.finalUrl = result.finalUrl;
  if (result.cached) data.cached = true;
  const { start, end } = occurrence.range;
  return { ruleId: report.ruleId, severity: report.severity, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, data };
}

export async function run(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const started = performance.now();
  const cwd = process.cwd();
  const lint = await import('@selfhelp/lint');
  const { loadChecker } = await import('@selfhelp/links');
  const checker = await loadChecker();
  const { parseArticle } = await import('@selfhelp/core');

  const configured = await readConfig(cwd, flags.config);
  const baseDir = configured.file ? dirname(configured.file) : cwd;
  let options: CheckerOptions;
  try {
    const fromConfig = checker.validateOptions(configured.links, configured.file ? `${configured.file}: links` : 'links');
    // A cache path in the config is relative to the config file.
    if (typeof fromConfig.cache === 'string') fromConfig.cache = resolve(baseDir, fromConfig.cache);
    const fromFlags = checker.validateOptions(flags.checker, 'options');
    options = checker.resolveOptions({ cache: resolve(cwd, '.selfhelp-cache/links.json') }, fromConfig, fromFlags);
  } catch (error) {
    if (error instanceof checker.OptionsError) throw new UsageError(error.message);
    throw error;
  }
  if (flags.noCache) options.cache = false;
  else if (flags.cacheLocation !== undefined) options.cache = resolve(cwd, flags.cacheLocation);

  try {
    const config = configured.rest
      ? await lint.loadConfig({ cwd: baseDir, config: configured.rest as never, builtInRules: false })
      : await lint.loadConfig({ cwd, noConfigLookup: true, builtInRules: false });
    const patterns = flags.paths.length > 0 ? flags.paths : [existsSync(resolve(cwd, 'articles')) ? 'articles' : '.'];
    const ignored = await lint.createIgnoreFilter(config);
    const found = await lint.discoverFiles(patterns, { cwd, ignored });

    // Parse each file for its links; too large or unreadable files get a fatal message, as in lint.
    const occurrences = [];
    const fatal = new Map<string, LintMessage>();
    for (const filePath of found.files) {
      let source: string;
      try {
        if (statSync(filePath).size > config.maxFileSize) {
          fatal.set(filePath, { ruleId: null, severity: 2, fatal: true, message: `File is larger than maxFileSize (${config.maxFileSize} bytes); not checked`, line: 1, column: 1, endLine: 1, endColumn: 1 });
          continue;
        }
        source = await readFile(filePath, 'utf8');
      } catch (error) {
        fatal.set(filePath, { ruleId: null, severity: 2, fatal: true, message: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
        continue;
      }
      const article = parseArticle(source, { path: filePath });
      occurrences.push(...checker.collectOccurrences([article]));
    }

    const progress = progressPrinter(process.stderr.isTTY === true && !flags.debug, (done) => `checked ${done} URLs`);
    let done = 0;
    const report = await checker.checkOccurrences(occurrences, options, {
      onResult() {
        progress.onProgress?.(++done, occurrences.length);
      },
    });
    progress.clear();

    const byFile = new Map<string, LintMessage[]>(found.files.map((f) => [f, []]));
    for (const entry of report.occurrences) {
      const m = toMessage(entry);
      if (m) byFile.get(entry.occurrence.path)?.push(m);
    }
    for (const [file, m] of fatal) byFile.get(file)?.push(m);
    let results: LintResult[] = [...byFile].map(([file, messages]) => lint.countMessages(file, messages));
    for (const filePath of found.ignoredExplicit) {
      results.push(lint.countMessages(filePath, [{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern.', line: 0, column: 0, endLine: 0, endColumn: 0 }]));
    }
    results = results.sort((a, b) => lint.comparePaths(a.filePath, b.filePath));
    const totals = lint.summarizeResults(results);
    const shownResults = flags.quiet ? results.map((r) => errorsOnly(r, lint.countMessages)) : results;

    const out = flags.output ? new lint.AtomicFileStream(resolve(cwd, flags.output)) : undefined;
    const writer = out ? { write: async (s: string) => out.write(s), close: async () => out.commit() } : stdoutWriter();
    try {
      const reporter = lint.createReporter(flags.format, {
        cwd,
        color: !out && flags.format === 'stylish' && colorEnabled(process.stdout),
        rules: checkerMetas(),
        ruleUrl: () => 'https://github.com/selfhelp/selfhelp/blob/main/packages/links/README.md#reported-problems',
      });
      await writer.write(reporter.begin());
      for (const r of shownResults) await writer.write(reporter.file(r));
      await writer.write(reporter.end(lint.summarizeResults(shownResults)));
      await writer.close();
    } catch (error) {
      out?.abort();
      throw error;
    }

    if (flags.debug) {
      const s = report.stats;
      process.stderr.write(`selfhelp: ${found.files.length} files, ${occurrences.length} links, ${s.urls} distinct URLs (${s.cached} from cache, ${s.excluded} excluded), ${s.requests} requests in ${Math.round(performance.now() - started)} ms\n`);
    }
    return exitCode(totals, flags.maxWarnings);
  } catch (error) {
    if (error instanceof lint.ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
