// The shape around a JSON body: right after the H1, fenced by lines that are exactly `---`,
// one body per article, nothing after it.
import type { Article } from '@selfhelp/core';
import { defineRule } from '../define.js';
import type { RuleContext } from '../api.js';
import { JSON_BODY_TYPES } from './json-body-expected.js';
import { isCommentOnly, lineEnd, offsets, optionTypes, range, selfHelpType, TYPES_OPTION_SCHEMA } from './util.js';


/** Top-level Markdown nodes (other than comments and blank space) that start in [from, to). */
function contentBetween(article: Article, from: number, to: number): [number, number] | undefined {
  for (const node of article.tree.children) {
    const o = offsets(node);
    if (!o || o[0] < from || o[0] >= to) continue;
    if (node.type === 'html' && isCommentOnly(node.value)) continue;
    return o;
  }
  return undefined;
}

function checkFence(context: RuleContext, start: number): void {
  const source = context.article.source;
  const end = lineEnd(source, start);
  if (source.slice(start, end) === '---') return;
  context.report({
    message: 'Write the JSON body fence as a line of exactly "---"',
    range: range(context.article, start, end),
    fix: { range: [start, end], text: '---' },
  });
}

export const jsonBodyFences = defineRule(
  {
    id: 'json-body-fences',
    description: 'One JSON body, right after the H1, fenced by "---" lines',
    category: 'json',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'In the JSON article types (`problemScopingQuestions`, `supportTopicDescription`,',
        '`advisorRecommendationMetadata`, `diagnoseandsolve`) the content is one JSON document between two lines',
        'of `---` directly after the H1, as in every template and every corpus article. Reported:',
        '',
        '- text between the H1 and the opening fence (blank lines and HTML comments are fine);',
        '- a fence line that is not exactly `---` (indented, longer, trailing blanks): fixed;',
        '- a second JSON body;',
        '- text after the closing fence, which the portal ignores.',
        '',
        'A missing closing fence and JSON syntax errors are parse diagnostics; schema problems are `json-body-schema`.',
      ].join('\n'),
      options: '`types`: the selfHelpTypes (any case) to check; replaces the default list (use it with the same option of `json-body-expected`).',
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Billing support topics"',
            '  selfHelpType="supportTopicDescription"',
            '/>',
            '# Billing support topics',
            'Topics for the billing blade.',
            '----',
            '{ "shortDescription": "Billing" }',
            '---',
            'Reviewed by the billing team.',
            '',
          ].join('\n'),
          messages: [
            '6:1 Text between the H1 and the JSON body; the body must follow the H1',
            '7:1 Write the JSON body fence as a line of exactly "---"',
            '10:1 Text after the JSON body is ignored',
          ],
          output: [
            '<properties',
            '  pageTitle="Billing support topics"',
            '  selfHelpType="supportTopicDescription"',
            '/>',
            '# Billing support topics',
            'Topics for the billing blade.',
            '---',
            '{ "shortDescription": "Billing" }',
            '---',
            'Reviewed by the billing team.',
            '',
          ].join('\n'),
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Billing support topics"',
            '  selfHelpType="supportTopicDescription"',
            '/>',
            '# Billing support topics',
            '',
            '<!-- Generated from the topic registry -->',
            '---',
            '{ "shortDescription": "Billing" }',
            '---',
            '',
          ].join('\n'),
        },
      ],
    },
    optionsSchema: TYPES_OPTION_SCHEMA,
  },
  (context) => {
    const { article } = context;
    const types = optionTypes(context.options, JSON_BODY_TYPES);
    if (!types.includes(selfHelpType(article))) return; // json-body-expected reports bodies in other types
    const [first, ...extra] = article.jsonBodies;
    if (!first) return; // json-body-expected reports it
    const start = first.range.start.offset;
    // Without an H1 before the body, single-h1 reports the article.
    const h1End = article.title && article.title.range.end.offset <= start ? article.title.range.end.offset : undefined;
    const before = h1End === undefined ? undefined : contentBetween(article, h1End, start);
    if (before) {
      context.report({ message: 'Text between the H1 and the JSON body; the body must follow the H1', range: range(article, before[0], before[1]) });
    }
    for (const body of article.jsonBodies) {
      checkFence(context, body.range.start.offset);
      // The closing fence starts where the content ends (absent when the body is unclosed).
      if (body.range.end.offset > body.contentRange.end.offset) checkFence(context, body.contentRange.end.offset);
    }
    for (const body of extra) {
      const s = body.range.start.offset;
      context.report({ message: 'A second JSON body; an article has one', range: range(article, s, lineEnd(article.source, s)) });
    }
    const last = article.jsonBodies[article.jsonBodies.length - 1]!;
    const after = contentBetween(article, last.range.end.offset, article.source.length);
    if (after) context.report({ message: 'Text after the JSON body is ignored', range: range(article, after[0], after[1]) });
  },
);
