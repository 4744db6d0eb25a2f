// ESLint's `json` format: an array of results, written one result at a time.
import type { LintMessage, LintResult } from '../result.js';
import type { Reporter } from './types.js';

/** A message with ESLint's key order, whatever order it was built or cached in. */
export function normalizeMessage(m: LintMessage): LintMessage {
  const out: LintMessage = { ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn };
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.data) out.data = m.data;
  if (m.fatal) out.fatal = true;
  return out;
}

export function normalizeResult(r: LintResult): LintResult {
  const out: LintResult = {
    filePath: r.filePath,
    messages: r.messages.map(normalizeMessage),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  return out;
}

const KEY_ORDER = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix', 'data', 'fatal'];
/** True when a message's keys are already in ESLint's order (the engine builds them so): no copy needed. */
function inOrder(m: LintMessage): boolean {
  let i = 0;
  for (const key in m) {
    while (i < KEY_ORDER.length && KEY_ORDER[i] !== key) i++;
    if (i === KEY_ORDER.length) return false;
  }
  return true;
}

export function createJsonReporter(): Reporter {
  let count = 0;
  return {
    begin: () => '[',
    file: (result) => (count++ === 0 ? '' : ',') + JSON.stringify(result.messages.every(inOrder) ? result : normalizeResult(result)),
    end: () => ']\n',
  };
}
