import { findingsRule, generic, text } from './report.js';

export const articleId = findingsRule({
  id: 'article-id',
  description: 'articleId is a GUID or a slug, and follows the conventions of its type',
  category: 'metadata',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'articleId identifies an article in links, troubleshooter flows and telemetry, so it must be',
      'present and safe in a URL: a GUID (2,615 corpus articles) or a slug of letters, digits, `-`, `_`',
      'and `.` (3,281). 81 corpus articles use spaces or parentheses. A supportTopicDescription whose',
      'articleId has the form `supporttopics_<GUID>` (110 of 129) must name the product of its',
      'productPesIds. Two articles with the same articleId are reported by `duplicate-article-id`.',
    ].join('\n'),
    incorrect: [
      {
        title: 'Spaces',
        source: generic({ articleId: 'reset forgotten password' }),
        messages: ['9:14 articleId: "reset forgotten password" is not a GUID or a slug (letters, digits, "-", "_", ".")'],
      },
      { title: 'Missing', source: generic({ articleId: undefined }), messages: ['1:1 articleId: required for generic articles'] },
      {
        title: 'Another product in a support topic description',
        source: text(
          '<properties',
          '  pageTitle="Support topics of Example Service"',
          '  description="Support topics of Example Service"',
          '  ms.author="jdoe"',
          '  selfHelpType="supportTopicDescription"',
          '  productPesIds="00743e6b-ddfd-e1cb-b90e-2a9f8d1c2a52"',
          '  cloudEnvironments="public"',
          '  articleId="supporttopics_01c5defa-028b-c44f-cefa-e5d836887f2e"',
          '  ownershipId="Example_Service"',
          '/>',
          '# Support topics of Example Service',
          '---',
          '{ "$schema": "SelfHelpContent", "supportTopics": [] }',
          '---',
        ),
        messages: ['8:14 articleId: "supporttopics_01c5defa-028b-c44f-cefa-e5d836887f2e" names another product than productPesIds ("00743e6b-ddfd-e1cb-b90e-2a9f8d1c2a52")'],
      },
    ],
    correct: [{ source: generic() }, { title: 'A GUID', source: generic({ articleId: 'b797ec2d-c7fb-40ae-8baf-0b6ddcfe0a69' }) }],
  },
});
