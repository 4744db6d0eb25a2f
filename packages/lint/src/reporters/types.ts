import type { RuleMeta } from '@selfhelp/rules';
import type { LintResult } from '../result.js';

export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';
export const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** Totals of a run, given to `end()`. */
export interface RunSummary {
  fileCount: number;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface ReporterOptions {
  /** Paths are printed relative to it where a format wants relative paths (sarif, github, junit). Default: process.cwd(). */
  cwd?: string;
  /** ANSI colors (stylish only). Default false. */
  color?: boolean;
  /** Rule metadata for SARIF's `tool.driver.rules` (every rule the run knows). */
  rules?: readonly RuleMeta[];
  /** Tool name and version for SARIF. Default `selfhelp` and the lint package's version. */
  toolName?: string;
  toolVersion?: string;
  /** Rule documentation URL for SARIF's `helpUri`. */
  ruleUrl?: (id: string) => string;
}

/**
 * A streaming reporter: write `begin()`, then `file(result)` for each result in order, then `end(summary)`.
 * Each call returns the text to write next, so output never has to be held in one string.
 */
export interface Reporter {
  begin(): string;
  file(result: LintResult): string;
  end(summary: RunSummary): string;
}

/** Adds up results into a RunSummary. */
export function summarizeResults(results: Iterable<LintResult>): RunSummary {
  const s: RunSummary = { fileCount: 0, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const r of results) {
    s.fileCount++;
    s.errorCount += r.errorCount;
    s.warningCount += r.warningCount;
    s.fixableErrorCount += r.fixableErrorCount;
    s.fixableWarningCount += r.fixableWarningCount;
  }
  return s;
}
