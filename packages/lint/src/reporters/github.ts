// GitHub Actions workflow commands: one `::error` / `::warning` annotation per finding.
import type { LintResult } from '../result.js';
import { displayPath } from './paths.js';
import type { Reporter, ReporterOptions } from './types.js';

/** Escapes a command's message (data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function createGithubReporter(options: ReporterOptions = {}): Reporter {
  const cwd = options.cwd ?? process.cwd();
  return {
    begin: () => '',
    file(result: LintResult): string {
      if (result.messages.length === 0) return '';
      const file = escapeProperty(displayPath(result.filePath, cwd));
      let out = '';
      for (const m of result.messages) {
        const command = m.severity === 2 || m.fatal ? 'error' : 'warning';
        const props = [`file=${file}`, `line=${m.line}`, `col=${m.column}`];
        if (m.endLine >= m.line) props.push(`endLine=${m.endLine}`, `endColumn=${m.endColumn}`);
        props.push(`title=${escapeProperty(m.ruleId ?? 'selfhelp')}`);
        out += `::${command} ${props.join(',')}::${escapeData(m.message)}\n`;
      }
      return out;
    },
    end: () => '',
  };
}
