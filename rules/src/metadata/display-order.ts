import { findingsRule, generic } from './report.js';

export const displayOrder = findingsRule({
  id: 'display-order',
  description: 'displayOrder is an integer when it is set',
  category: 'metadata',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'displayOrder sorts articles shown together. It is an integer (932 corpus articles) or left empty',
      '(3,160, as the templates do); anything else is ignored by the portal, so the article lands at an',
      'arbitrary place.',
    ].join('\n'),
    incorrect: [{ source: generic({ displayOrder: 'first' }), messages: ['11:17 displayOrder: "first" is not an integer'] }],
    correct: [{ source: generic({ displayOrder: '17' }) }, { title: 'Empty', source: generic({ displayOrder: '' }) }],
  },
});
