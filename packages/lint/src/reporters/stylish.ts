// ESLint's `stylish` format: a table per file (line:column, severity, message, rule), then a summary.
import { createColors } from 'picocolors';
import type { LintResult } from '../result.js';
import type { Reporter, ReporterOptions, RunSummary } from './types.js';

const plural = (word: string, n: number) => `${word}${n === 1 ? '' : 's'}`;

export function createStylishReporter(options: ReporterOptions = {}): Reporter {
  const c = createColors(options.color ?? false);
  let first = true;
  return {
    begin: () => '',
    file(result: LintResult): string {
      if (result.messages.length === 0) return '';
      // Cells in plain text first (widths), colored when joined: text-table's layout, as ESLint prints it.
      const rows = result.messages.map((m) => {
        const error = m.fatal === true || m.severity === 2;
        return {
          cells: ['', String(m.line || 0), String(m.column || 0), error ? 'error' : 'warning', m.message.replace(/([^ ])\.$/u, '$1'), m.ruleId ?? ''],
          error,
        };
      });
      const widths = [0, 0, 0, 0, 0, 0];
      for (const { cells } of rows) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell.length)));
      const lines = rows.map(({ cells, error }) => {
        const [, line, column, type, message, rule] = cells as [string, string, string, string, string, string];
        const pad = (s: string, i: number) => ' '.repeat(widths[i]! - s.length);
        const parts = [
          '',
          pad(line, 1) + c.dim(`${line}:${column}`) + pad(column, 2),
          (error ? c.red(type) : c.yellow(type)) + pad(type, 3),
          message + pad(message, 4),
          rule === '' ? '' : c.dim(rule),
        ];
        return parts.join('  ').trimEnd();
      });
      const head = first ? '\n' : '';
      first = false;
      return `${head}${c.underline(result.filePath)}\n${lines.join('\n')}\n\n`;
    },
    end(summary: RunSummary): string {
      const total = summary.errorCount + summary.warningCount;
      if (total === 0) return '';
      const color = summary.errorCount > 0 ? c.red : c.yellow;
      let out = color(
        c.bold(`\u2716 ${total} ${plural('problem', total)} (${summary.errorCount} ${plural('error', summary.errorCount)}, ${summary.warningCount} ${plural('warning', summary.warningCount)})\n`),
      );
      if (summary.fixableErrorCount > 0 || summary.fixableWarningCount > 0) {
        out += color(
          c.bold(
            `  ${summary.fixableErrorCount} ${plural('error', summary.fixableErrorCount)} and ${summary.fixableWarningCount} ${plural('warning', summary.fixableWarningCount)} potentially fixable with the \`--fix\` option.\n`,
          ),
        );
      }
      return out + '\n';
    },
  };
}
