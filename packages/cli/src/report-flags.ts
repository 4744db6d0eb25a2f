// What `lint` and `links` share in how they report, as ESLint does: --format, --max-warnings, --quiet
// and the exit code (0 no errors, 1 errors or too many warnings).
import type { LintResult, ReportFormat, RunSummary } from '@selfhelp/lint';
import { UsageError } from './usage-error.js';

/**
 * lint's REPORT_FORMATS, spelled here so flags are checked without importing @selfhelp/lint (`--help`
 * and usage errors stay cheap); a test keeps the two lists equal.
 */
export const FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** `--format` (default stylish). */
export function parseFormat(value: string | undefined): ReportFormat {
  const format = value ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: unknown format "${format}"; expected ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}`);
  }
  return format as ReportFormat;
}

/** `--max-warnings N` (-1, the default, means no limit). */
export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new UsageError(`--max-warnings: expected a whole number, got "${value}"`);
  return Number(value);
}

/** `--quiet`: the result with its errors only (counts made again). */
export function errorsOnly(result: LintResult, countMessages: typeof import('@selfhelp/lint').countMessages): LintResult {
  if (result.warningCount === 0) return result;
  return countMessages(result.filePath, result.messages.filter((m) => m.severity === 2), result.output);
}

/** The exit code of a run; says so on stderr when the warnings are over --max-warnings. */
export function exitCode(totals: RunSummary, maxWarnings: number): 0 | 1 {
  if (totals.errorCount > 0) return 1;
  if (maxWarnings >= 0 && totals.warningCount > maxWarnings) {
    process.stderr.write(`selfhelp found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
