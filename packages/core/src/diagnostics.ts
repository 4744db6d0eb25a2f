// Small helpers to record parse diagnostics.
import type { LineIndex } from './line-index.js';
import type { Diagnostic, Severity } from './types.js';

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  constructor(private readonly lines: LineIndex) {}

  add(code: string, message: string, start: number, end: number, severity: Severity = 'warning'): void {
    this.list.push({ code, message, severity, range: this.lines.range(start, end) });
  }
}
