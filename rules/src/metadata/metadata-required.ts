import { findingsRule, generic, text } from './report.js';

export const metadataRequired = findingsRule({
  id: 'metadata-required',
  description: 'The metadata fields an article type requires are present and not empty',
  category: 'metadata',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'Each selfHelpType has its own JSON Schema (`rules/schemas/<type>.schema.json`) listing the fields',
      'its articles need, decided from the corpus (the counts are in each schema\'s `description`):',
      'every article needs `articleId`, `cloudEnvironments`, `ownershipId` and an author (`ms.author`);',
      'most types need `pageTitle` and `description`; `resource` articles need `service` and `resource`;',
      '`problemScopingQuestions` need `schemaVersion`. A `pageTitle` or `description` that is present must',
      'not be empty. Fields with a rule of their own (`supportTopicIds`, `diagnosticScenario`, `articleId`,',
      '...) are reported by that rule. A missing field is reported at `<properties`.',
    ].join('\n'),
    incorrect: [
      {
        title: 'No ownershipId and an empty description',
        source: generic({ ownershipId: undefined, description: '' }),
        messages: ['1:1 ownershipId: required for generic articles', '3:3 description: must not be empty'],
      },
      {
        title: 'No author',
        source: generic({ 'ms.author': undefined }),
        messages: ["1:1 ms.author: required; name the Microsoft alias of the article's owner"],
      },
      {
        title: 'A resource article without its resource type',
        source: text(
          '<properties',
          '  pageTitle="Virtual machine restarts"',
          '  description="Why a virtual machine restarted"',
          '  service="microsoft.compute"',
          '  authors="jdoe"',
          '  selfHelpType="resource"',
          '  cloudEnvironments="public"',
          '  articleId="vm-restarts"',
          '  ownershipId="Compute_VirtualMachines"',
          '/>',
          '# Virtual machine restarts',
        ),
        messages: ['1:1 resource: required for resource articles'],
      },
    ],
    correct: [{ source: generic() }],
  },
});
