// Replacement tokens only in the article types whose text is filled in from a diagnostic's
// result; elsewhere nothing replaces them and readers see the default text.
import { defineRule } from '../define.js';
import { range, typeOutside, TYPES_OPTION_SCHEMA } from './util.js';

/** The selfHelpTypes (lower case) whose tokens are replaced (every token in the corpus is in one of these). */
export const TOKEN_TYPES: readonly string[] = ['diagnostics', 'rca', 'servicehealthinsights'];


export const replacementTokenTypes = defineRule(
  {
    id: 'replacement-token-types',
    description: 'Replacement tokens only in the article types that replace them',
    category: 'content',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'Tokens (`<!--$name-->default<!--/$name-->`) are replaced with values from the diagnostic that shows the',
        'article: `diagnostics`, `rca` and `servicehealthinsights` articles (every token in the corpus is in one of',
        'these types). In any other type nothing replaces them and the reader sees the default text, usually the',
        'bare token name. Articles without a selfHelpType are left to the metadata rules.',
      ].join('\n'),
      options: '`types`: the selfHelpTypes (any case) whose tokens are replaced; replaces the default list.',
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Move a web app to another plan"',
            '  selfHelpType="generic"',
            '/>',
            '',
            '# Move a web app to another plan',
            '',
            'Open <!--$appName-->your app<!--/$appName--> and select **Change App Service plan**.',
            '',
          ].join('\n'),
          messages: ['8:6 Replacement token "appName" is not replaced in generic articles (only in diagnostics, rca and servicehealthinsights)'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Your web app restarted"',
            '  selfHelpType="diagnostics"',
            '/>',
            '',
            '# Your web app restarted',
            '',
            '<!--issueDescription-->',
            'App <!--$appName-->appName<!--/$appName--> restarted after a platform upgrade.',
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
    if (article.tokens.length === 0) return;
    const outside = typeOutside(article, context.options, TOKEN_TYPES);
    if (!outside) return;
    for (const token of article.tokens) {
      const end = token.defaultRange.start.offset;
      context.report({
        message: `Replacement token "${token.name}" is not replaced in ${outside.type} articles (only in ${outside.allowed})`,
        range: range(article, token.range.start.offset, end),
      });
    }
  },
);
