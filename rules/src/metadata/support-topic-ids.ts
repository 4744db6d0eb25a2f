import { findingsRule, generic } from './report.js';

export const supportTopicIds = findingsRule({
  id: 'support-topic-ids',
  description: 'supportTopicIds is a comma-separated list of 8-digit IDs or GUIDs, without empty or repeated items',
  category: 'metadata',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'Support topic IDs tie an article to the problems a customer picks. In the corpus they are legacy',
      '8-digit numbers (6,110) or GUIDs (59); anything else (a 7-digit number, a product name) matches',
      'no topic. `generic`, `problemScopingQuestions` and `Apollo` articles are reached only through',
      'their support topics, so there the list must not be empty. Items are separated by commas; a `;`',
      'separator, an empty item and a repeated item are fixable. Whether a GUID exists for the',
      'article\'s product is checked across the tree by `support-topic-registry`.',
    ].join('\n'),
    incorrect: [
      {
        title: 'Not an ID',
        source: generic({ supportTopicIds: '32612345, 3261234' }),
        messages: ['6:30 supportTopicIds: "3261234" is not a support topic ID; expected an 8-digit number or a GUID'],
      },
      {
        title: 'Semicolons and a repeated ID',
        source: generic({ supportTopicIds: '32612345; 32612346; 32612345' }),
        messages: ['6:28 supportTopicIds: separate items with "," not ";"', '6:40 supportTopicIds: "32612345" is listed twice'],
        output: generic({ supportTopicIds: '32612345, 32612346' }),
      },
      {
        title: 'Empty in a generic article',
        source: generic({ supportTopicIds: '' }),
        messages: ['6:3 supportTopicIds: list at least one support topic ID for generic articles'],
      },
    ],
    correct: [{ source: generic({ supportTopicIds: '32612345, 0415010b-7dfe-5f6f-c16a-62f4ca12464d' }) }],
  },
});
