// Shared test utilities for rule tests: run one rule on a source text the way the engine does,
// format reports as `line:column message`, apply fixes until stable, and build a content root
// on disk for rules that read other files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEdits, createProjectAccess, parseArticle, type ProjectAccess } from '@selfhelp/core';
import { ruleApplies, rules, type Report, type Rule, type RuleExample, type SelfhelpRule } from '@selfhelp/rules';

export interface RunOptions {
  path?: string;
  options?: unknown;
  project?: ProjectAccess;
}

/** Runs one rule on `source` as the engine does (only when the rule applies to the article). */
export function runRule(rule: Rule, source: string, run: RunOptions = {}): Report[] {
  const article = parseArticle(source, { path: run.path ?? 'example.md' });
  const reports: Report[] = [];
  if (!ruleApplies(rule.meta, article)) return reports;
  rule.check({
    article,
    options: run.options,
    project: run.project,
    path: article.path,
    report: (r) => reports.push(r),
  });
  return reports.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
}

/** `line:column message`, the form the docs use. */
export function format(report: Report): string {
  return `${report.range.start.line}:${report.range.start.column} ${report.message}`;
}

/** `line:column-endLine:endColumn message`, for edge-case tests that pin whole ranges. */
export function formatRange(report: Report): string {
  const { start, end } = report.range;
  return `${start.line}:${start.column}-${end.line}:${end.column} ${report.message}`;
}

export function messages(rule: Rule, source: string, run: RunOptions = {}): string[] {
  return runRule(rule, source, run).map(format);
}

export function ranges(rule: Rule, source: string, run: RunOptions = {}): string[] {
  return runRule(rule, source, run).map(formatRange);
}

/** Applies the rule's fixes in passes (as `--fix` does) until nothing changes; at most 10 passes. */
export function fix(rule: Rule, source: string, run: RunOptions = {}): string {
  let text = source;
  for (let pass = 0; pass < 10; pass++) {
    const edits = runRule(rule, text, run).flatMap((r) => (r.fix ? [r.fix] : []));
    if (edits.length === 0) return text;
    const { output } = applyEdits(text, edits);
    if (output === text) return text;
    text = output;
  }
  throw new Error(`fixes of ${rule.meta.id} did not converge in 10 passes`);
}

/** Lines joined with `\n` and a final newline: fixtures read like the file. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** A self-help article with the given selfHelpType and body lines. */
export function selfhelp(type: string, ...body: string[]): string {
  return lines('<properties', '  pageTitle="Fixture"', `  selfHelpType="${type}"`, '/>', ...body);
}

/** A Learn article with the given body lines. */
export function learn(...body: string[]): string {
  return lines('---', 'title: Fixture', '---', ...body);
}

export interface TempRoot {
  root: string;
  project: ProjectAccess;
  dispose(): void;
}

/** Writes `files` (root-relative path -> text) under a fresh temporary content root. */
export function tempRoot(files: Record<string, string>): TempRoot {
  const root = mkdtempSync(path.join(tmpdir(), 'selfhelp-rules-'));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, project: createProjectAccess(root), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The examples of a rule that declare a path: the files of the content root its examples share. */
export function exampleFiles(examples: readonly RuleExample[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const example of examples) if (example.path) files[example.path] = example.source;
  return files;
}

/** A built-in per-file rule by id (fails the test when missing). */
export function ruleById(id: string): SelfhelpRule {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
