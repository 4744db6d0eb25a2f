import type { LintMessage } from '../result.js';

/** At most this many fix passes per file. */
export const MAX_FIX_PASSES = 10;

/** A file too large to parse: one fatal finding, no rules run. */
export function tooLargeMessage(size: number, max: number): LintMessage {
  return { ruleId: null, severity: 2, message: `File is ${size} bytes, larger than maxFileSize (${max} bytes); not linted.`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

/** A file whose real path (through a symbolic link) is outside its content root: never read. */
export function outsideRootMessage(): LintMessage {
  return { ruleId: null, severity: 2, message: 'File leads (through a symbolic link) outside the content root; not read.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

/** A file that took longer than the time budget (`timeBudget`). */
export function overBudgetMessage(budget: number, stopped: boolean, elapsed?: number): LintMessage {
  const message = stopped
    ? `Linting this file took longer than the time budget (${budget} ms) and was stopped; not linted.`
    : `Linting this file took ${Math.round(elapsed ?? 0)} ms, over the time budget (${budget} ms).`;
  return { ruleId: null, severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}
