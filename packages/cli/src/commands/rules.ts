// `selfhelp rules`: the rule list; `selfhelp rules RULE`: one rule's documentation in Markdown.
// Plugin rules named by the config are included.
import { parseArgs } from 'node:util';
import type { RuleExample, RuleMeta } from '@selfhelp/rules';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: selfhelp rules [RULE] [options]

Without RULE, lists every rule: id, category, default severity, fixable, description.
With RULE, prints that rule's documentation (rationale, options, examples) as Markdown.

Options:
  -c, --config FILE   include the plugins of this config (default: the nearest selfhelp.config.json)
      --json          the list (or the rule's metadata) as JSON
  -h, --help          show this help`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function appliesTo(meta: RuleMeta): string {
  const kinds = meta.appliesTo.kinds.map((k) => (k === 'selfhelp' && meta.appliesTo.selfHelpTypes ? `selfhelp (${meta.appliesTo.selfHelpTypes.join(', ')})` : k));
  return kinds.join(', ');
}

function fence(text: string): string {
  // A fence longer than any backtick run inside, so examples holding code blocks stay intact.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}md\n${text.endsWith('\n') ? text : text + '\n'}${ticks}`;
}

function example(e: RuleExample, kind: 'incorrect' | 'correct'): string {
  const parts: string[] = [];
  if (e.title) parts.push(`### ${e.title}`);
  if (e.options !== undefined) parts.push(`Options: \`${JSON.stringify(e.options)}\``);
  parts.push(fence(e.source));
  if (kind === 'incorrect' && e.messages?.length) parts.push('Findings:\n\n' + e.messages.map((m) => `- ${m}`).join('\n'));
  if (kind === 'incorrect' && e.output !== undefined) parts.push('After `--fix`:\n\n' + fence(e.output));
  return parts.join('\n\n');
}

/** One rule's documentation as Markdown. */
export function ruleDocs(meta: RuleMeta, strictSeverity: string): string {
  const out: string[] = [
    `# ${meta.id}`,
    meta.description,
    [
      `- Category: ${meta.category}`,
      `- Severity: ${meta.severity} (recommended), ${strictSeverity} (strict)`,
      `- Fixable: ${meta.fixable ? 'yes' : 'no'}`,
      `- Applies to: ${appliesTo(meta)}`,
    ].join('\n'),
    '## Rationale',
    meta.docs.rationale.trim(),
  ];
  if (meta.docs.options) out.push('## Options', meta.docs.options.trim());
  if (meta.docs.incorrect.length > 0) out.push('## Incorrect', ...meta.docs.incorrect.map((e) => example(e, 'incorrect')));
  if (meta.docs.correct.length > 0) out.push('## Correct', ...meta.docs.correct.map((e) => example(e, 'correct')));
  return out.join('\n\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { config: { type: 'string', short: 'c' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one rule id, got ${positionals.length}`);
  const lint = await import('@selfhelp/lint');
  let config;
  try {
    config = await lint.loadConfig({ cwd: process.cwd(), ...(values.config ? { configFile: values.config } : {}) });
  } catch (error) {
    if (error instanceof lint.ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const metas = config.registry.metas;
  const id = positionals[0];
  if (id === undefined) {
    if (values.json) {
      process.stdout.write(JSON.stringify(metas, null, 2) + '\n');
      return 0;
    }
    const rows = [['id', 'category', 'severity', 'fixable', 'description']];
    for (const m of metas) rows.push([m.id, m.category, m.severity, m.fixable ? 'yes' : 'no', m.description]);
    process.stdout.write(table(rows) + '\n');
    return 0;
  }
  const meta = metas.find((m) => m.id === id);
  if (!meta) {
    const hint = lint.closest(id, metas.map((m) => m.id));
    throw new UsageError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; run \`selfhelp rules\` for the list`);
  }
  if (values.json) process.stdout.write(JSON.stringify(meta, null, 2) + '\n');
  else process.stdout.write(ruleDocs(meta, lint.presetSeverity(meta, 'strict')));
  return 0;
}
