// SARIF 2.1.0: one run, the rules' metadata in tool.driver.rules, one result per finding with its
// region. Written in pieces: the header (with the rules) first, results file by file, then the tail.
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '@selfhelp/rules';
import type { LintMessage, LintResult } from '../result.js';
import { LINT_VERSION } from '../version.js';
import { displayPath } from './paths.js';
import type { Reporter, ReporterOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const FATAL_ID = 'fatal';

function encodeRelative(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function descriptor(meta: RuleMeta, url: ((id: string) => string) | undefined): object {
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    ...(meta.docs.rationale ? { fullDescription: { text: meta.docs.rationale } } : {}),
    ...(url ? { helpUri: url(meta.id) } : {}),
    defaultConfiguration: { enabled: meta.severity !== 'off', level: meta.severity === 'error' ? 'error' : 'warning' },
    properties: { category: meta.category, fixable: meta.fixable },
  };
}

export function createSarifReporter(options: ReporterOptions = {}): Reporter {
  const cwd = options.cwd ?? process.cwd();
  const metas = [...(options.rules ?? [])];
  const index = new Map<string, number>();
  metas.forEach((m, i) => index.set(m.id, i));
  const fatalIndex = metas.length;
  let count = 0;
  const baseUri = pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href;

  const result = (file: LintResult, m: LintMessage): object => {
    const shown = displayPath(file.filePath, cwd);
    const relativeToCwd = !shown.startsWith('/') && !/^[A-Za-z]:\//.test(shown);
    const artifactLocation = relativeToCwd ? { uri: encodeRelative(shown), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(file.filePath).href };
    const region: Record<string, number> = { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) };
    if (m.endLine >= m.line && m.endLine >= 1) {
      region.endLine = m.endLine;
      region.endColumn = Math.max(1, m.endColumn);
      if (m.endLine === m.line && region.endColumn! < region.startColumn!) region.endColumn = region.startColumn!;
    }
    const id = m.ruleId ?? FATAL_ID;
    const ruleIndex = m.ruleId === null ? fatalIndex : index.get(id);
    return {
      ruleId: id,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: m.severity === 2 || m.fatal ? 'error' : 'warning',
      message: { text: m.message },
      locations: [{ physicalLocation: { artifactLocation, region } }],
    };
  };

  return {
    begin(): string {
      const rules = metas.map((m) => descriptor(m, options.ruleUrl));
      rules.push({
        id: FATAL_ID,
        shortDescription: { text: 'A file that could not be linted (unreadable, too large, or a crash)' },
        defaultConfiguration: { enabled: true, level: 'error' },
        properties: { category: 'engine', fixable: false },
      });
      const driver = { name: options.toolName ?? 'selfhelp', version: options.toolVersion ?? LINT_VERSION, informationUri: 'https://github.com/selfhelp/selfhelp', rules };
      const head = JSON.stringify({
        version: '2.1.0',
        $schema: SARIF_SCHEMA_URI,
        runs: [{ tool: { driver }, originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } }, columnKind: 'utf16CodeUnits', results: [] }],
      });
      // Cut before the closing `]}]}` of the empty results array: results are streamed in there.
      return head.slice(0, head.length - '[]}]}'.length) + '[';
    },
    file(file: LintResult): string {
      let out = '';
      for (const m of file.messages) out += (count++ === 0 ? '' : ',') + JSON.stringify(result(file, m));
      return out;
    },
    end: () => '],"invocations":[{"executionSuccessful":true}]}]}\n',
  };
}
