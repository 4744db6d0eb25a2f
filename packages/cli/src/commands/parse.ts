// `selfhelp parse FILE...`: prints the article model as JSON, positions as 1-based line and column.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: selfhelp parse [options] FILE...

Prints the article model of each file as JSON (positions are 1-based line and column).

Options:
  --tree       include the Markdown syntax tree (mdast)
  --validate   add the metadata findings of the JSON Schemas ("findings")
  -h, --help   show this help`;

/** Replaces every {line, column, offset} position with {line, column}, and drops mdast's `position` unless asked. */
function toOutput(value: unknown, keepTree: boolean): unknown {
  return JSON.parse(JSON.stringify(value, function (key, v: unknown) {
    if (!keepTree && key === 'tree') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && 'line' in v && 'column' in v && 'offset' in v) {
      const p = v as { line: number; column: number };
      return { line: p.line, column: p.column };
    }
    return v;
  }));
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { tree: { type: 'boolean' }, validate: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('parse needs at least one FILE');
  const { parseArticle } = await import('@selfhelp/core');
  const validate = values.validate ? (await import('@selfhelp/schema')).validateArticle : undefined;
  const out: unknown[] = [];
  let failed = false;
  for (const file of positionals) {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`selfhelp: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      failed = true;
      continue;
    }
    const article = parseArticle(source, { path: file.split('\\').join('/') });
    const entry: Record<string, unknown> = { ...article };
    delete entry.source;
    if (validate) entry.findings = validate(article);
    out.push(toOutput(entry, values.tree === true));
  }
  process.stdout.write(JSON.stringify(positionals.length === 1 && out.length === 1 ? out[0] : out, null, 2) + '\n');
  return failed ? 2 : 0;
}
