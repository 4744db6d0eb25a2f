// The small API a rule sees. Rules never import engine internals: the lint engine calls
// `rule.check(context)` directly on an already parsed article, and the same check runs as
// a unified-lint-rule plugin (`rule.plugin`) inside remark-cli or any unified pipeline.
import type { Article, ArticleKind, ProjectAccess, Range } from '@selfhelp/core';

export type { ProjectAccess };

export type RuleSeverity = 'error' | 'warning' | 'off';

export type RuleCategory = 'metadata' | 'content' | 'json' | 'includes' | 'links' | 'learn';

/** One documented example; the test suite runs every example, so docs and behaviour cannot drift. */
export interface RuleExample {
  /** A short title for the example. */
  title?: string;
  /** The whole article text, metadata included. */
  source: string;
  /** Rule options for this example, if any. */
  options?: unknown;
  /** For incorrect examples: the messages expected, in order (`line:column message`). */
  messages?: string[];
  /** For fixable rules' incorrect examples: the text after `--fix`. */
  output?: string;
  /** File path to give the example (defaults to `example.md`). */
  path?: string;
}

export interface RuleMeta {
  /** kebab-case, unique: `h1-first`, `cloud-environments`. */
  id: string;
  description: string;
  category: RuleCategory;
  /** Severity in the `recommended` preset. */
  severity: RuleSeverity;
  /** Severity in the `strict` preset (defaults to `severity`, and `warning` becomes `error`). */
  strictSeverity?: RuleSeverity;
  fixable: boolean;
  /** Which articles the rule applies to: article kinds, and for `selfhelp`, optionally only some selfHelpTypes (lower case). */
  appliesTo: { kinds: ArticleKind[]; selfHelpTypes?: string[] };
  docs: {
    /** Why the rule exists, in a paragraph or two of Markdown. */
    rationale: string;
    incorrect: RuleExample[];
    correct: RuleExample[];
    /** Markdown describing the options, when the rule has any. */
    options?: string;
  };
  /** JSON Schema of the rule's options, when it has any. */
  optionsSchema?: object;
}

/** A text edit: replace source[start, end) with `text`. Offsets index `Article.source`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Report {
  message: string;
  range: Range;
  fix?: Fix;
  /** Overrides the configured severity for this one report (rarely needed). */
  severity?: Exclude<RuleSeverity, 'off'>;
  /** Extra data, e.g. a suggested URL; carried through to JSON output. */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  readonly article: Article;
  readonly options: unknown;
  readonly project: ProjectAccess | undefined;
  /** Root-relative path of the article, with `/` separators. */
  readonly path: string;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Metadata of one article, which is all a cross-article check reads; cheap to build and to cache. */
export interface ArticleSummary {
  path: string;
  kind: ArticleKind;
  /** Lower-cased keys to values and ranges. */
  fields: Record<string, { key: string; value: string; keyRange: Range; valueRange: Range }>;
  /** supportTopicDescription articles: the support topic ids their JSON body declares. */
  declaredSupportTopics?: string[];
}

export interface ProjectFinding {
  path: string;
  message: string;
  range: Range;
  severity?: Exclude<RuleSeverity, 'off'>;
}

/** A check over the whole tree (duplicate articleId, support-topic registry, ...). */
export interface ProjectRule {
  meta: RuleMeta;
  /**
   * The lower-case metadata keys `checkProject` reads. When every cross-article rule of a run names its
   * keys, the summaries it is given hold only those fields (others are left out: far fewer objects
   * for a large tree); omitted, a rule is given every field.
   */
  fields?: readonly string[];
  checkProject(articles: readonly ArticleSummary[], options: unknown): ProjectFinding[];
}
