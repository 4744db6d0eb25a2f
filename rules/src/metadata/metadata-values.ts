import { findingsRule, generic } from './report.js';

export const metadataValues = findingsRule({
  id: 'metadata-values',
  description: 'The other metadata fields have valid values (schemaVersion, ownershipId, resourceRequired, feedbackEmail, tag lists, ...)',
  category: 'metadata',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'Fields without a rule of their own are checked against the shared definitions in',
      '`rules/schemas/common.schema.json`: `schemaVersion` is a number (`"1"` in all 953 scoping-question',
      'articles), `ownershipId` names one owner, `resourceRequired` and `issueNotListed` are `true` or',
      '`false`, `feedbackEmail` is an e-mail address (16 support topic descriptions still say `email`),',
      '`productFamilyId` is a GUID, and the tag lists (`resourceTags`, `articleTags`, `clientIds`,',
      '`searchTags`) have no empty or repeated items. List syntax problems are fixable.',
    ].join('\n'),
    incorrect: [
      {
        title: 'Placeholders left in',
        source: generic({ resourceRequired: 'yes', feedbackEmail: 'email' }),
        messages: ['11:21 resourceRequired: "yes" is not true or false', '12:18 feedbackEmail: "email" is not an e-mail address'],
      },
      {
        title: 'A repeated tag',
        source: generic({ resourceTags: 'windows, linux, windows' }),
        messages: ['11:33 resourceTags: "windows" is listed twice'],
        output: generic({ resourceTags: 'windows, linux' }),
      },
    ],
    correct: [{ source: generic({ resourceRequired: 'False', resourceTags: 'windows, linux' }) }],
  },
});
