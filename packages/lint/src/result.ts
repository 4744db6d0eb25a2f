// Results in ESLint's shape, so the `json` format is ESLint's and every reporter reads one model.

/** ESLint severities: 1 warning, 2 error. */
export type MessageSeverity = 1 | 2;

export interface LintMessage {
  /** `selfhelp/<rule-id>`-free rule id, e.g. `h1-first`; null for a fatal parse/read problem. */
  ruleId: string | null;
  severity: MessageSeverity;
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** An edit on the file's source: replace [start, end) offsets with `text`. */
  fix?: { range: [number, number]; text: string };
  /** Extra data (a suggested URL, ...). */
  data?: Record<string, unknown>;
  /** A finding that is not a rule's (file too large, time budget exceeded, unreadable). */
  fatal?: boolean;
}

export interface LintResult {
  /** Absolute path for ESLint compatibility. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text when `--fix` changed the file. */
  output?: string;
}

/** Counts a result's messages into the ESLint totals. */
export function countMessages(filePath: string, messages: LintMessage[], output?: string): LintResult {
  let errorCount = 0, warningCount = 0, fixableErrorCount = 0, fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) { errorCount++; if (m.fix) fixableErrorCount++; }
    else { warningCount++; if (m.fix) fixableWarningCount++; }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, ...(output === undefined ? {} : { output }) };
}
