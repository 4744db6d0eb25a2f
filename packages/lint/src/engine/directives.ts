// Inline control comments, as ESLint's:
//   <!-- selfhelp-disable [ids] -->            from here on (until a matching enable)
//   <!-- selfhelp-enable [ids] -->
//   <!-- selfhelp-disable-next-line [ids] -->  the line after the comment
//   <!-- selfhelp-disable-line [ids] -->       the comment's own line
// Ids are comma- or space-separated; none means every rule; text after ` -- ` is a free description.
// A directive (or one id of it) that suppresses nothing is reported as `unused-disable`.
import type { Article, Range } from '@selfhelp/core';
import type { LintMessage } from '../result.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named; empty for all rules. */
  ids: string[];
  /** The comment's range (1-based line/column). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A disable before any body content: it applies from the start of the file. */
  fromStart?: true;
}

const DIRECTIVE = /^\s*selfhelp-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Parses a comment's inner text; undefined when it is not a directive. */
export function parseDirectiveText(text: string): { kind: DirectiveKind; ids: string[] } | undefined {
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const kind = m[1] as DirectiveKind;
  let rest = m[2] ?? '';
  const description = rest.search(/\s--\s|\s--$/);
  if (description >= 0) rest = rest.slice(0, description);
  const ids = rest
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { kind, ids: [...new Set(ids)] };
}

function rangeFields(range: Range): Pick<Directive, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/**
 * The directives of an article, from its HTML comments (so comments inside code blocks never count).
 * A `selfhelp-disable` that comes before any body content (only blank lines and comments between it and
 * the metadata block) covers the whole file, metadata included: that is where metadata findings are disabled.
 */
export function collectDirectives(article: Pick<Article, 'comments' | 'source' | 'bodyRange'>): Directive[] {
  const out: Directive[] = [];
  let leading = true;
  let cursor = article.bodyRange.start.offset;
  const comments = [...article.comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const comment of comments) {
    const start = comment.range.start.offset;
    if (leading && article.source.slice(cursor, start).trim() !== '') leading = false;
    cursor = comment.range.end.offset;
    if (!comment.text.includes('selfhelp-')) continue;
    const parsed = parseDirectiveText(comment.text);
    if (!parsed) continue;
    const directive: Directive = { ...parsed, ...rangeFields(comment.range) };
    if (leading && parsed.kind === 'disable') directive.fromStart = true;
    out.push(directive);
  }
  return out;
}

function before(aLine: number, aCol: number, bLine: number, bCol: number): boolean {
  return aLine < bLine || (aLine === bLine && aCol < bCol);
}

interface Usage {
  directive: Directive;
  /** ids (or '*' for a directive without ids) that suppressed at least one message. */
  used: Set<string>;
}

/**
 * Drops the messages that directives suppress and returns the rest, plus one `unused-disable`
 * message per directive id that suppressed nothing (when `unusedSeverity` is not 0).
 * Messages are matched by their start position.
 */
export function applyDirectives(messages: LintMessage[], directives: readonly Directive[], unusedSeverity: 0 | 1 | 2): LintMessage[] {
  if (directives.length === 0) return messages;
  const usages: Usage[] = directives.map((directive) => ({ directive, used: new Set<string>() }));
  const block = usages.filter((u) => u.directive.kind === 'disable' || u.directive.kind === 'enable');
  const lineBound = usages.filter((u) => u.directive.kind === 'disable-next-line' || u.directive.kind === 'disable-line');

  const kept: LintMessage[] = [];
  for (const message of messages) {
    const ruleId = message.ruleId;
    if (ruleId === null || ruleId === 'unused-disable') {
      kept.push(message);
      continue;
    }
    let suppressor: Usage | undefined;
    // Line directives first: they are the most specific.
    for (const u of lineBound) {
      const d = u.directive;
      const target = d.kind === 'disable-next-line' ? d.endLine + 1 : d.line;
      if (message.line !== target) continue;
      if (d.ids.length === 0 || d.ids.includes(ruleId)) {
        suppressor = u;
        break;
      }
    }
    if (!suppressor) {
      // Block directives in source order: the last one before the message that mentions this rule decides.
      let state: Usage | undefined;
      for (const u of block) {
        const d = u.directive;
        if (!d.fromStart && !before(d.line, d.column, message.line, message.column)) continue;
        if (d.ids.length > 0 && !d.ids.includes(ruleId)) continue;
        state = d.kind === 'disable' ? u : undefined;
      }
      suppressor = state;
    }
    if (suppressor) suppressor.used.add(suppressor.directive.ids.length === 0 ? '*' : ruleId);
    else kept.push(message);
  }

  if (unusedSeverity !== 0) {
    for (const u of usages) {
      const d = u.directive;
      if (d.kind === 'enable') continue;
      const where = { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
      if (d.ids.length === 0) {
        if (!u.used.has('*')) kept.push({ ruleId: 'unused-disable', severity: unusedSeverity, message: 'Unused selfhelp-disable directive (no problems were reported).', ...where });
        continue;
      }
      for (const id of d.ids) {
        if (!u.used.has(id)) {
          kept.push({ ruleId: 'unused-disable', severity: unusedSeverity, message: `Unused selfhelp-disable directive (no problems were reported from '${id}').`, ...where });
        }
      }
    }
  }
  return kept;
}

/** Message order everywhere: by position, then rule id, then text. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || cmp(a.ruleId ?? '', b.ruleId ?? '') || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
