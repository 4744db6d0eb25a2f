// JUnit XML (the shape of ESLint's junit formatter): one <testsuite> per file, one <testcase> with a
// <failure> per finding, and a passing <testcase> for a clean file. Read by Jenkins, GitLab, Azure DevOps.
import type { LintResult } from '../result.js';
import { displayPath } from './paths.js';
import type { Reporter, ReporterOptions } from './types.js';

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function createJunitReporter(options: ReporterOptions = {}): Reporter {
  const cwd = options.cwd ?? process.cwd();
  return {
    begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n',
    file(result: LintResult): string {
      const path = displayPath(result.filePath, cwd);
      const name = escapeXml(path);
      const classname = escapeXml(path.replace(/\.[^/.]+$/u, ''));
      const n = result.messages.length;
      let out = `<testsuite package="selfhelp" time="0" tests="${Math.max(n, 1)}" failures="${n}" errors="0" name="${name}">\n`;
      if (n === 0) out += `<testcase time="0" name="${name}" classname="${classname}" />\n`;
      for (const m of result.messages) {
        const type = m.severity === 2 || m.fatal ? 'Error' : 'Warning';
        const rule = m.ruleId ?? 'fatal';
        out +=
          `<testcase time="0" name="selfhelp.${escapeXml(rule)}" classname="${classname}">` +
          `<failure message="${escapeXml(m.message)}" type="${type.toLowerCase()}">` +
          `${escapeXml(`line ${m.line}, col ${m.column}, ${type} - ${m.message} (${rule})`)}</failure></testcase>\n`;
      }
      return out + '</testsuite>\n';
    },
    end: () => '</testsuites>\n',
  };
}
