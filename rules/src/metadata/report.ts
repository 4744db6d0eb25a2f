// Every metadata rule reports its share of one validation per article: validateArticle
// (packages/schema) caches its findings per article object, so 17 rules validate once.
import { validateArticle, type Finding } from '@selfhelp/schema';
import type { RuleContext, RuleMeta } from '../api.js';
import { defineRule, type SelfhelpRule } from '../define.js';

/** Reports the findings that belong to `meta.id`; `keep` can drop some (rule options). */
export function reportFindings(context: RuleContext, meta: RuleMeta, keep?: (finding: Finding) => boolean): void {
  for (const finding of validateArticle(context.article)) {
    if (finding.rule !== meta.id || (keep && !keep(finding))) continue;
    context.report({
      message: finding.message,
      range: finding.range,
      ...(finding.fix ? { fix: finding.fix } : {}),
      // A finding the schema marks as a warning stays one in a rule configured as an error.
      ...(finding.severity === 'warning' && meta.severity === 'error' ? { severity: 'warning' as const } : {}),
      ...(finding.data ? { data: { code: finding.code, ...finding.data } } : { data: { code: finding.code } }),
    });
  }
}

/** A rule whose check is exactly "report the validation findings with my id". */
export function findingsRule(meta: RuleMeta): SelfhelpRule {
  return defineRule(meta, (context) => reportFindings(context, meta));
}

/** Joins example lines into an article text (final newline included). */
export function text(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** A valid generic article's metadata lines, for examples: replace or drop lines by key. */
export const GENERIC_LINES: readonly string[] = [
  '<properties',
  '  pageTitle="Reset a forgotten password"',
  '  description="Steps to reset a password you no longer remember"',
  '  ms.author="jdoe"',
  '  selfHelpType="generic"',
  '  supportTopicIds="32612345"',
  '  productPesIds="16579"',
  '  cloudEnvironments="public, fairfax"',
  '  articleId="reset-forgotten-password"',
  '  ownershipId="Identity_Passwords"',
  '/>',
  '# Reset a forgotten password',
];

/** The generic example with `key="value"` lines replaced (value undefined drops the line) or, for new keys, added before `/>`. */
export function generic(changes: Record<string, string | undefined> = {}, body: string[] = []): string {
  const rows = [...GENERIC_LINES];
  for (const [key, value] of Object.entries(changes)) {
    const at = rows.findIndex((row) => row.trimStart().startsWith(`${key}=`));
    const row = `  ${key}="${value}"`;
    if (at >= 0) {
      if (value === undefined) rows.splice(at, 1);
      else rows[at] = row;
    } else if (value !== undefined) rows.splice(rows.indexOf('/>'), 0, row);
  }
  return text(...rows, ...body);
}
