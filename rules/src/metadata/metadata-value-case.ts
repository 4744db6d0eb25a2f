import { findingsRule, generic } from './report.js';

export const metadataValueCase = findingsRule({
  id: 'metadata-value-case',
  description: 'selfHelpType and cloud names in their canonical spelling',
  category: 'metadata',
  severity: 'warning',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'selfHelpType and cloud names are matched case-insensitively, so `Generic` and `FairFax` work,',
      'but the corpus spells `fairfax` five ways and `blackforest` four, which defeats searching and',
      'reviewing. The canonical spellings are those of the authoring templates: `generic`,',
      '`problemScopingQuestions`, `TSG_Content`, `supportTopicDescription`, `Apollo`, ... and lower-case',
      'cloud names (`public`, `fairfax`, `mooncake`, `blackforest`, `usnat`, `ussec`). One finding per',
      'field; the fix rewrites every misspelt name in it.',
    ].join('\n'),
    incorrect: [
      {
        title: 'selfHelpType',
        source: generic({ selfHelpType: 'Generic' }),
        messages: ['5:17 selfHelpType: write "generic" (not "Generic")'],
        output: generic(),
      },
      {
        title: 'Cloud names',
        source: generic({ cloudEnvironments: 'Public, FairFax, usnat' }),
        messages: ['8:22 cloudEnvironments: write cloud names in lower case ("Public", "FairFax")'],
        output: generic({ cloudEnvironments: 'public, fairfax, usnat' }),
      },
    ],
    correct: [{ source: generic({ selfHelpType: 'generic', cloudEnvironments: 'public, fairfax, usnat' }) }],
  },
});
