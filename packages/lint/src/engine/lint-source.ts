// Lints one file's text: parse once, run each enabled rule's check directly, and with `fix`, apply the
// fixes in passes until nothing changes (re-parsing between passes). Never throws: a crashing rule or
// parser becomes a finding. Used by the main thread and by the worker threads alike.
import { applyEdits, parseArticle, type Article, type Diagnostic, type ProjectAccess, type Range } from '@selfhelp/core';
import { ruleApplies, summarize, type Report } from '@selfhelp/rules';
import type { FileRules } from '../config/load.js';
import type { RuleRegistry } from '../registry.js';
import type { LintMessage } from '../result.js';
import { applyDirectives, collectDirectives, type Directive } from './directives.js';
import { packSummary, type PackedSummary } from './summary.js';
import { MAX_FIX_PASSES, tooLargeMessage } from './messages.js';


export interface SourceTask {
  /** Root-relative path, `/` separators: what rules see as `context.path`. */
  path: string;
  /** The file's text as read (a BOM is kept and restored in the output). */
  text: string;
  rules: FileRules;
  fix: boolean;
  maxFileSize: number;
}

export interface SourceOutcome {
  /** Findings of the per-file rules and the parser on the final text, before inline directives. */
  messages: LintMessage[];
  directives: Directive[];
  summary: PackedSummary;
  /** The fixed text, only when fixing changed it. */
  output?: string;
  /** Fix passes applied. */
  passes: number;
}

function at(range: Range): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

function parseMessages(diagnostics: readonly Diagnostic[], cap: 0 | 1 | 2): LintMessage[] {
  if (cap === 0) return [];
  const out: LintMessage[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const severity = (Math.min(cap, d.severity === 'error' ? 2 : 1) as 1 | 2);
    out.push({ ruleId: 'parse', severity, message: d.message, ...at(d.range), data: { code: d.code } });
  }
  return out;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Runs the enabled rules (and turns parse diagnostics into messages) on one parsed article. */
export function checkArticle(article: Article, task: Pick<SourceTask, 'path' | 'rules'>, registry: RuleRegistry, project: ProjectAccess | undefined): LintMessage[] {
  const messages = parseMessages(article.diagnostics, task.rules.byId.get('parse')?.severity ?? 0);
  const length = article.source.length;
  for (const enabled of task.rules.rules) {
    const rule = registry.rules.get(enabled.id);
    if (!rule) continue; // an engine id or a cross-article rule
    if (!ruleApplies(rule.meta, article)) continue;
    const report = (r: Report) => {
      if (!r || !r.range || typeof r.message !== 'string') return;
      const message: LintMessage = { ruleId: enabled.id, severity: r.severity === 'error' ? 2 : r.severity === 'warning' ? 1 : enabled.severity, message: r.message, ...at(r.range) };
      const fix = r.fix;
      if (fix && Array.isArray(fix.range) && fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= length && typeof fix.text === 'string') {
        message.fix = { range: [fix.range[0], fix.range[1]], text: fix.text };
      }
      if (r.data) message.data = r.data;
      messages.push(message);
    };
    try {
      rule.check({ article, options: enabled.options, project, path: task.path, report });
    } catch (error) {
      messages.push({ ruleId: enabled.id, severity: 2, message: `Rule "${enabled.id}" crashed: ${errorText(error)}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true });
    }
  }
  return messages;
}

function safeParse(text: string, path: string): Article | LintMessage {
  try {
    return parseArticle(text, { path });
  } catch (error) {
    return { ruleId: null, severity: 2, message: `Parsing failed: ${errorText(error)}`, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
  }
}

function errorCount(article: Article): number {
  let n = 0;
  for (const d of article.diagnostics) if (d.severity === 'error') n++;
  return n;
}


const EMPTY_SUMMARY: PackedSummary = { k: 'fragment', f: [] };

export function lintSource(task: SourceTask, registry: RuleRegistry, project: ProjectAccess | undefined): SourceOutcome {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long text is counted.
  if (task.text.length * 3 > task.maxFileSize) {
    const size = Buffer.byteLength(task.text, 'utf8');
    if (size > task.maxFileSize) return { messages: [tooLargeMessage(size, task.maxFileSize)], directives: [], summary: EMPTY_SUMMARY, passes: 0 };
  }
  let parsed = safeParse(task.text, task.path);
  if (!('source' in parsed)) return { messages: [parsed], directives: [], summary: EMPTY_SUMMARY, passes: 0 };
  let article: Article = parsed;
  const bom = article.bom ? '\uFEFF' : '';
  let messages = checkArticle(article, task, registry, project);
  let directives = collectDirectives(article);
  let passes = 0;
  let changed = false;
  while (task.fix && passes < MAX_FIX_PASSES) {
    // Only fixes of findings that are not disabled inline are applied, as ESLint does.
    const fixes = applyDirectives(messages, directives, 0).flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const { output, applied } = applyEdits(article.source, fixes);
    if (applied === 0 || output === article.source) break;
    parsed = safeParse(output, task.path);
    // Never corrupt a file: a pass that makes the parser find more errors is dropped, and fixing stops.
    if (!('source' in parsed) || errorCount(parsed) > errorCount(article)) break;
    article = parsed;
    passes++;
    changed = true;
    messages = checkArticle(article, task, registry, project);
    directives = collectDirectives(article);
  }
  const outcome: SourceOutcome = { messages, directives, summary: packSummary(summarize({ ...article, path: task.path })), passes };
  if (changed) outcome.output = bom + article.source;
  return outcome;
}
