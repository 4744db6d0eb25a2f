import { findingsRule, generic } from './report.js';

export const selfHelpType = findingsRule({
  id: 'self-help-type',
  description: 'selfHelpType is present and one of the known types',
  category: 'metadata',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'selfHelpType decides where the portal shows an article and which fields and JSON body it needs.',
      'The known types are those of the corpus and the authoring templates: `generic`, `diagnostics`,',
      '`resource`, `rca`, `problemScopingQuestions`, `TSG_Content`, `TSG_Description`,',
      '`advisorRecommendationMetadata`, `servicehealthinsights`, `supportTopicDescription`, `Apollo`,',
      '`diagnoseandsolve`, `tools`, `health` and `PartnerCenterQuickStart`, matched case-insensitively',
      '(spelling is `metadata-value-case`\'s concern). An unknown type gets the closest known one.',
    ].join('\n'),
    incorrect: [
      { title: 'A typo', source: generic({ selfHelpType: 'generc' }), messages: ['5:17 selfHelpType: unknown type "generc"; did you mean "generic"?'] },
      { title: 'Missing', source: generic({ selfHelpType: undefined }), messages: ['1:1 selfHelpType: required for self-help articles'] },
    ],
    correct: [{ source: generic() }, { title: 'Any case', source: generic({ selfHelpType: 'GENERIC' }) }],
  },
});
