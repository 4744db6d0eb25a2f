// `<!--issueDescription-->` regions only where the portal uses them: the types whose text is
// filled in from a diagnostic's result (decided from the corpus: every region is in one of these).
import { defineRule } from '../define.js';
import { range, typeOutside, TYPES_OPTION_SCHEMA } from './util.js';

/** The selfHelpTypes (lower case) whose articles use issueDescription regions. */
export const ISSUE_DESCRIPTION_TYPES: readonly string[] = ['diagnostics', 'rca', 'servicehealthinsights', 'tsg_content'];


export const issueDescriptionTypes = defineRule(
  {
    id: 'issue-description-types',
    description: 'issueDescription regions only in the article types that use them',
    category: 'content',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'The portal shows the `<!--issueDescription-->` ... `<!--/issueDescription-->` region as the summary of a',
        'diagnostic\'s finding, so it only means something in articles that a diagnostic or a troubleshooter',
        'presents: `diagnostics`, `rca`, `servicehealthinsights` and `TSG_Content` (every region in the corpus is in',
        'one of these). Elsewhere the markers are a sign of an article copied from a diagnostic template.',
        'Articles without a selfHelpType are left to the metadata rules.',
      ].join('\n'),
      options: '`types`: the selfHelpTypes (any case) that may use issueDescription; replaces the default list.',
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Reset a storage account key"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Reset a storage account key',
            '',
            '<!--issueDescription-->',
            'Your key was rotated.',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
          messages: ['8:1 issueDescription is not used in generic articles (only in diagnostics, rca, servicehealthinsights and TSG_Content)'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Your storage account key was rotated"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your storage account key was rotated',
            '',
            '<!--issueDescription-->',
            'The key of <!--$accountName-->accountName<!--/$accountName--> was rotated.',
            '<!--/issueDescription-->',
            '',
          ].join('\n'),
        },
      ],
    },
    optionsSchema: TYPES_OPTION_SCHEMA,
  },
  (context) => {
    const { article } = context;
    if (article.issueDescriptions.length === 0) return;
    const outside = typeOutside(article, context.options, ISSUE_DESCRIPTION_TYPES);
    if (!outside) return;
    for (const region of article.issueDescriptions) {
      context.report({
        message: `issueDescription is not used in ${outside.type} articles (only in ${outside.allowed})`,
        range: range(article, region.range.start.offset, region.contentRange.start.offset),
      });
    }
  },
);
