// Turns a rule's metadata and check into both forms: the engine's direct `check` and a
// unified-lint-rule plugin for remark-cli and other unified pipelines.
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseArticle, type Article } from '@selfhelp/core';
import type { Fix, Rule, RuleContext, RuleMeta } from './api.js';

export interface SelfhelpRule extends Rule {
  /** The rule as a unified plugin: `unified().use(rule.plugin, [severity, options])`. */
  plugin: ReturnType<typeof lintRule<Root, unknown>>;
}

/** The documentation URL of a rule: its section of rules/README.md. */
export function ruleUrl(id: string): string {
  return `https://github.com/selfhelp/selfhelp/blob/main/rules/README.md#${id}`;
}

/** Whether a rule applies to an article, by kind and (for self-help) selfHelpType. */
export function ruleApplies(meta: RuleMeta, article: Article): boolean {
  if (!meta.appliesTo.kinds.includes(article.kind)) return false;
  const types = meta.appliesTo.selfHelpTypes;
  if (article.kind !== 'selfhelp' || !types) return true;
  return types.includes((article.selfHelpType ?? '').trim().toLowerCase());
}

/** The parsed article a unified pipeline carries in `file.data.selfhelpArticle`, parsed on first use. */
export function articleOf(file: VFile): Article {
  const data = file.data as { selfhelpArticle?: Article };
  data.selfhelpArticle ??= parseArticle(String(file.value), { path: file.path ?? 'article.md' });
  return data.selfhelpArticle;
}

export function defineRule(meta: RuleMeta, check: (context: RuleContext) => void): SelfhelpRule {
  const plugin = lintRule<Root, unknown>({ origin: `selfhelp:${meta.id}`, url: ruleUrl(meta.id) }, (_tree, file, options) => {
    const article = articleOf(file);
    if (!ruleApplies(meta, article)) return;
    check({
      article,
      options,
      project: undefined,
      path: article.path,
      report({ message, range, fix }) {
        const msg = file.message(message, { place: { start: range.start, end: range.end } });
        if (fix) Object.assign(msg, { fix } satisfies { fix: Fix });
      },
    });
  });
  return { meta, check, plugin };
}
