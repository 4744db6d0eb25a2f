// Renders rules/README.md from the rules' metadata: a table per category and a section per rule
// (anchor = rule id, as `ruleUrl` links it) with rationale, options and the documented examples.
// Pure: the same metadata always gives the same text. rules/test/readme.test.ts compares the
// file with it, and writes the file when run with `--update` (`pnpm --filter @selfhelp/rules run docs`).
import type { ArticleKind } from '@selfhelp/core';
import type { RuleExample, RuleMeta } from '../src/api.js';

export interface Registry {
  rules: readonly { meta: RuleMeta }[];
  crossArticleRules: readonly { meta: RuleMeta }[];
}

/** Categories in the order the README lists them, with their headings and a line of introduction. */
const CATEGORIES: readonly (readonly [string, string, string])[] = [
  ['metadata', 'Metadata', 'The `<properties>` block and the YAML frontmatter, validated against the JSON Schemas in `rules/schemas/`.'],
  ['content', 'Content', 'The Markdown body as the authoring templates require it.'],
  ['json', 'JSON body', 'The JSON documents of the scoping-question, support-topic, advisor and diagnose-and-solve types.'],
  ['includes', 'Include', '`[!INCLUDE [title](path)]` files.'],
  ['links', 'Link', 'Links and images, checked offline from the article and the content tree.'],
  ['learn', 'Learn', 'Rules for Learn articles only.'],
];

const KIND_NAMES: Record<ArticleKind, string> = { selfhelp: 'self-help', learn: 'Learn', fragment: 'fragment' };

/** The severity in the `strict` preset: as declared, else `warning` becomes `error`. */
export function strictSeverity(meta: RuleMeta): string {
  return meta.strictSeverity ?? (meta.severity === 'warning' ? 'error' : meta.severity);
}

function appliesTo(meta: RuleMeta): string {
  return meta.appliesTo.kinds
    .map((kind) => {
      const name = KIND_NAMES[kind] ?? kind;
      const types = kind === 'selfhelp' ? meta.appliesTo.selfHelpTypes : undefined;
      return types && types.length > 0 ? `${name} (${types.join(', ')})` : name;
    })
    .join(', ');
}

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A fenced block whose fence is longer than any backtick run in `text`. */
function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${marks}${lang}\n${body}${marks}`;
}

function tableRow(meta: RuleMeta, crossArticle: boolean): string {
  const severity = `${meta.severity} / ${strictSeverity(meta)}`;
  return `| [${meta.id}](#${meta.id}) | ${cell(meta.description)} | ${severity} | ${meta.fixable ? 'yes' : ''} | ${cell(appliesTo(meta))}${crossArticle ? ' (across articles)' : ''} |`;
}

const TABLE_HEAD = ['| Rule | Description | Severity (recommended / strict) | Fixable | Applies to |', '| --- | --- | --- | --- | --- |'];

function renderExample(example: RuleExample, meta: RuleMeta, incorrect: boolean): string[] {
  const out: string[] = [];
  const notes: string[] = [];
  if (example.title) notes.push(`**${example.title}**`);
  if (example.path) notes.push(`(file \`${example.path}\`)`);
  if (example.options !== undefined) notes.push(`with options \`${JSON.stringify(example.options)}\``);
  if (notes.length > 0) out.push(notes.join(' '), '');
  out.push(fence(example.source, 'markdown'), '');
  if (incorrect) {
    out.push('Reported:', '', fence((example.messages ?? []).join('\n'), 'text'), '');
    if (meta.fixable) {
      const output = example.output ?? example.source;
      out.push(output === example.source ? 'No automatic fix for this case.' : 'After `--fix`:', '');
      if (output !== example.source) out.push(fence(output, 'markdown'), '');
    }
  }
  return out;
}

function ruleSection(meta: RuleMeta, crossArticle: boolean): string[] {
  const out = [`### ${meta.id}`, '', `${meta.description}.`, ''];
  const facts = [
    `Category: ${meta.category}`,
    `severity: \`${meta.severity}\` (recommended), \`${strictSeverity(meta)}\` (strict)`,
    `fixable: ${meta.fixable ? 'yes' : 'no'}`,
    `applies to: ${appliesTo(meta)}${crossArticle ? ', checked across all articles' : ''}`,
  ];
  out.push(`${facts.join(' · ')}.`, '', meta.docs.rationale.trim(), '');
  if (meta.docs.options) out.push('#### Options', '', meta.docs.options.trim(), '');
  if (meta.docs.incorrect.length > 0) {
    out.push('#### Incorrect', '');
    for (const example of meta.docs.incorrect) out.push(...renderExample(example, meta, true));
  }
  if (meta.docs.correct.length > 0) {
    out.push('#### Correct', '');
    for (const example of meta.docs.correct) out.push(...renderExample(example, meta, false));
  }
  return out;
}

/** The whole README. */
export function renderReadme({ rules, crossArticleRules }: Registry): string {
  const all = [...rules.map((r) => ({ meta: r.meta, cross: false })), ...crossArticleRules.map((r) => ({ meta: r.meta, cross: true }))].sort((a, b) =>
    a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0,
  );
  const known = new Set(CATEGORIES.map(([id]) => id));
  const extra = [...new Set(all.map((r) => r.meta.category as string))].filter((c) => !known.has(c)).sort();
  const categories: (readonly [string, string, string])[] = [...CATEGORIES, ...extra.map((c) => [c, c, ''] as const)];
  const out = [
    '# selfhelp rules',
    '',
    '<!-- Generated from the rules\' metadata by rules/scripts/render-readme.ts. Do not edit by hand:',
    '     rules/test/readme.test.ts fails when this file is not current. Regenerate: pnpm --filter @selfhelp/rules run docs -->',
    '',
    'Every built-in rule of `@selfhelp/rules`. Each rule is a unified-lint-rule plugin (`rule.plugin`) as well as a',
    'check the `selfhelp lint` engine calls directly; its id is the `ruleId` in reports and the key in',
    '`selfhelp.config.json`. Severities are those of the `recommended` and `strict` presets. "Applies to" names the',
    'article kinds a rule runs on: self-help (a `<properties>` block, optionally only some selfHelpTypes), Learn',
    '(YAML frontmatter) and fragment (neither: include files and bare pages). Every example below is run by',
    '`rules/test/examples.test.ts`: incorrect examples must give exactly the messages shown (`line:column message`),',
    'correct ones none, and fixable examples the output shown.',
    '',
    'In remark-cli or any unified pipeline, use a rule\'s plugin with a severity and options, as with remark-lint',
    'rules (there is no content root there, so checks that read other files, such as `include-exists`, are skipped):',
    '',
    '```js',
    '// .remarkrc.mjs',
    'import { rules } from \'@selfhelp/rules\';',
    'const rule = (id) => rules.find((r) => r.meta.id === id).plugin;',
    'export default { plugins: [[rule(\'single-h1\'), \'error\'], [rule(\'list-depth\'), [\'warn\', { max: 2 }]]] };',
    '```',
    '',
    'Regenerate this file after changing a rule\'s metadata:',
    '',
    '```sh',
    'pnpm --filter @selfhelp/rules run docs',
    '```',
    '',
    `${all.length} rules.`,
    '',
  ];
  for (const [id, title, intro] of categories) {
    const members = all.filter((r) => r.meta.category === id);
    if (members.length === 0) continue;
    out.push(`## ${title} rules`, '');
    if (intro) out.push(intro, '');
    out.push(...TABLE_HEAD, ...members.map((r) => tableRow(r.meta, r.cross)), '');
  }
  out.push('## Rule reference', '');
  for (const [id] of categories) {
    for (const r of all.filter((x) => x.meta.category === id)) out.push(...ruleSection(r.meta, r.cross));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
