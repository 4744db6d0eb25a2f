// Small helpers to record parse diagnostics. A file reports at most MAX_DIAGNOSTICS of them
// (hostile input could otherwise produce one per character), then one `diagnostics-truncated`.
import type { LineIndex } from './line-index.js';
import type { Diagnostic, Severity } from './types.js';

export const MAX_DIAGNOSTICS = 1000;

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private dropped = 0;
  constructor(private readonly lines: LineIndex) {}

  add(code: string, message: string, start: number, end: number, severity: Severity = 'warning'): void {
    if (this.list.length >= MAX_DIAGNOSTICS) {
      if (this.dropped++ === 0) {
        this.list.push({ code: 'diagnostics-truncated', message: `More than ${MAX_DIAGNOSTICS} parse problems; the rest are not reported.`, severity: 'info', range: this.lines.range(start, start) });
      }
      return;
    }
    this.list.push({ code, message, severity, range: this.lines.range(start, end) });
  }
}
