// `selfhelp build [paths...] --out DIR`: thin over @selfhelp/catalog. Exit codes: 0 the catalog was
// written, 1 build errors (nothing written), 2 usage or internal error.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildError, BuildResult } from '@selfhelp/catalog';
import { VERSION } from '../main.js';
import { UsageError } from '../usage-error.js';
import { grouped } from '../count.js';

const HELP = `Usage: selfhelp build [options] [paths...]

Compiles the self-help articles under paths (default: articles) into a JSON catalog:
DIR/catalog.json, DIR/clouds/<cloud>.json and DIR/catalog.schema.json. The output directory is
replaced atomically; nothing is written when an article has a build error.

Options:
  -o, --out DIR            output directory (default: dist)
      --root DIR           content root: nothing outside it is read, source paths are relative to it
                           (default: the current directory)
      --skip-invalid       write the catalog without the invalid articles, and list them
      --no-cache           compile everything; do not read or write the cache
      --cache-location F   cache file (default: .selfhelp-cache/catalog.json)
      --concurrency N      worker threads: a number, auto (default) or off
      --max-file-size N    files larger than N bytes are not read: a build error (default: 4194304)
  -f, --format NAME        how to report build errors: stylish (default), json, github
  -h, --help               show this help

Exit codes: 0 catalog written, 1 build errors (nothing written), 2 usage or internal error.`;

type Format = 'stylish' | 'json' | 'github';

interface BuildFlags {
  paths: string[];
  out: string;
  root: string | undefined;
  skipInvalid: boolean;
  cache: string | false | undefined;
  concurrency: number | 'auto';
  format: Format;
  maxFileSize: number | undefined;
}

function parseFlags(argv: string[]): BuildFlags | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      root: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      cache: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'cache-location': { type: 'string' },
      concurrency: { type: 'string' },
      'max-file-size': { type: 'string' },
      format: { type: 'string', short: 'f' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'github') throw new UsageError(`--format: unknown format "${format}"; expected stylish, json or github`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a directory');
  if (values['no-cache'] && values['cache-location'] !== undefined) throw new UsageError('--no-cache and --cache-location cannot be used together');
  let concurrency: number | 'auto' = 'auto';
  if (values.concurrency !== undefined) {
    const c = values.concurrency;
    if (c === 'auto') concurrency = 'auto';
    else if (c === 'off') concurrency = 0;
    else if (/^\d+$/.test(c)) concurrency = Number(c);
    else throw new UsageError(`--concurrency: expected a number, auto or off, not "${c}"`);
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const m = values['max-file-size'];
    if (!/^\d+$/.test(m) || Number(m) < 1) throw new UsageError(`--max-file-size: expected a positive whole number of bytes, not "${m}"`);
    maxFileSize = Number(m);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['articles'],
    out: values.out ?? 'dist',
    root: values.root,
    skipInvalid: values['skip-invalid'] === true,
    cache: values['no-cache'] ? false : values['cache-location'],
    concurrency,
    format,
    maxFileSize,
  };
}

const plural = (n: number, word: string): string => `${grouped(n)} ${word}${n === 1 ? '' : 's'}`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function stylishErrors(result: BuildResult): string {
  const lines: string[] = [];
  for (const article of result.invalid) {
    lines.push(article.path);
    for (const e of article.errors) {
      const where = e.file === article.path ? `${e.line}:${e.column}` : `${e.file}:${e.line}:${e.column}`;
      lines.push(`  ${where}  error  ${e.message}  ${e.code}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function githubErrors(result: BuildResult): string {
  const escape = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return result.invalid
    .flatMap((a) => a.errors)
    .map((e: BuildError) => `::${result.written ? 'warning' : 'error'} file=${prop(e.file)},line=${e.line},col=${e.column},title=${prop(e.code)}::${escape(e.message)}`)
    .join('\n');
}

function summary(result: BuildResult, seconds: number): string {
  const out = relative(process.cwd(), result.outDir) || '.';
  const lines: string[] = [];
  const errors = result.invalid.reduce((n, a) => n + a.errors.length, 0);
  if (!result.written) {
    lines.push(`✖ ${plural(result.invalid.length, 'invalid article')} (${plural(errors, 'build error')}); nothing was written to ${out}.`);
    lines.push('  Fix them, or pass --skip-invalid to build without them.');
    return lines.join('\n');
  }
  if (result.invalid.length > 0) lines.push(`Skipped ${plural(result.invalid.length, 'invalid article')} (${plural(errors, 'build error')}, listed above).`);
  const clouds = result.outputs.filter((o) => o.path.startsWith('clouds/')).map((o) => `${o.path.slice(7, -5)} ${grouped(o.articles)}`);
  const total = result.outputs.reduce((n, o) => n + o.bytes, 0);
  lines.push(`Built ${out}: ${plural(result.articles, 'article')} (${clouds.join(', ')}), ${size(total)} in ${seconds.toFixed(1)}s.`);
  const { rendered, fromCache } = result.stats;
  const notes = [`${grouped(rendered)} rendered`, `${grouped(fromCache)} from cache`];
  const { fragment, learn } = result.excluded;
  if (fragment.length + learn.length > 0) notes.push(`not catalogued: ${plural(fragment.length, 'fragment')}, ${plural(learn.length, 'Learn article')}`);
  lines.push(`  ${notes.join('; ')}.`);
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const { compileCatalog, CatalogUsageError, OutputDirError } = await import('@selfhelp/catalog');
  const started = performance.now();
  let result: BuildResult;
  try {
    result = await compileCatalog({
      paths: flags.paths,
      outDir: flags.out,
      skipInvalid: flags.skipInvalid,
      workers: flags.concurrency,
      generator: { name: 'selfhelp', version: VERSION },
      ...(flags.root !== undefined ? { root: flags.root } : {}),
      ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
      ...(flags.maxFileSize !== undefined ? { maxFileSize: flags.maxFileSize } : {}),
    });
  } catch (error) {
    if (error instanceof CatalogUsageError || error instanceof OutputDirError) throw new UsageError(error.message);
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify({ ...result, seconds: Math.round(seconds * 1000) / 1000 }, null, 2) + '\n');
  } else {
    const report = flags.format === 'github' ? githubErrors(result) : stylishErrors(result);
    let end = report.length;
    while (end > 0 && report[end - 1] === '\n') end--;
    if (report.trim() !== '') process.stdout.write(`${report.slice(0, end)}\n\n`);
    process.stdout.write(summary(result, seconds) + '\n');
  }
  return result.written ? 0 : 1;
}
