// A JSON body where the selfHelpType is a JSON document (scoping questions, support topic
// descriptions, advisor metadata, diagnose-and-solve menus) and nowhere else.
import { defineRule } from '../define.js';
import { lineEnd, optionTypes, range, selfHelpType, typeName, TYPES_OPTION_SCHEMA } from './util.js';

/** selfHelpTypes (lower case) whose content is a JSON body: in the corpus every article of these types has one, no other has. */
export const JSON_BODY_TYPES: readonly string[] = ['problemscopingquestions', 'supporttopicdescription', 'advisorrecommendationmetadata', 'diagnoseandsolve'];


export const jsonBodyExpected = defineRule(
  {
    id: 'json-body-expected',
    description: 'A JSON body in the article types that need one, and only there',
    category: 'json',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'Four selfHelpTypes carry their content as a JSON document between `---` lines after the H1:',
        '`problemScopingQuestions`, `supportTopicDescription`, `advisorRecommendationMetadata` and',
        '`diagnoseandsolve` (in the corpus, every article of these types has one and no other article has one).',
        'Such an article without a JSON body has no content. A JSON body in any other type is rendered as a',
        'horizontal rule followed by the JSON as text. Articles without a selfHelpType are left to the metadata rules.',
      ].join('\n'),
      options: '`types`: the selfHelpTypes (any case) that need a JSON body; replaces the default list.',
      incorrect: [
        {
          title: 'Scoping questions without their JSON',
          source: [
            '<properties',
            '  pageTitle="Slow queries"',
            '  selfHelpType="problemScopingQuestions"',
            '/>',
            '# Slow queries',
            '',
            'When did the problem start?',
            '',
          ].join('\n'),
          messages: ['5:1 problemScopingQuestions articles need a JSON body between "---" lines after the H1'],
        },
        {
          title: 'JSON in a generic article',
          source: [
            '<properties',
            '  pageTitle="Slow queries"',
            '  selfHelpType="generic"',
            '/>',
            '# Slow queries',
            '---',
            '{ "title": "Slow queries" }',
            '---',
            '',
          ].join('\n'),
          messages: ['6:1 generic articles have no JSON body; the portal shows it as text'],
        },
      ],
      correct: [
        {
          source: [
            '<properties',
            '  pageTitle="Slow queries"',
            '  selfHelpType="problemScopingQuestions"',
            '/>',
            '# Slow queries',
            '---',
            '{',
            '  "$schema": "SelfHelpContent",',
            '  "title": "Slow queries",',
            '  "formElements": []',
            '}',
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
    const type = selfHelpType(article);
    if (!type) return;
    const jsonTypes = optionTypes(context.options, JSON_BODY_TYPES);
    if (jsonTypes.includes(type)) {
      if (article.jsonBodies.length > 0) return;
      const at = article.title?.range ?? range(article, article.bodyRange.start.offset, article.bodyRange.start.offset);
      context.report({ message: `${typeName(type)} articles need a JSON body between "---" lines after the H1`, range: at });
      return;
    }
    for (const body of article.jsonBodies) {
      const start = body.range.start.offset;
      context.report({
        message: `${typeName(type)} articles have no JSON body; the portal shows it as text`,
        range: range(article, start, lineEnd(article.source, start)),
      });
    }
  },
);
