import { findingsRule } from './report.js';
import { learnArticle } from './learn-examples.js';

export const learnMsDate = findingsRule({
  id: 'learn-ms-date',
  description: 'Learn ms.date is a real date written MM/DD/YYYY',
  category: 'learn',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['learn'] },
  docs: {
    rationale: [
      'ms.date records when the article was last reviewed; Learn reads it as MM/DD/YYYY and shows it to',
      'readers. Another order (`2024-03-20`, `20/03/2024`) or an impossible date (`02/30/2024`) is',
      'reported.',
    ].join('\n'),
    incorrect: [
      { title: 'ISO order', source: learnArticle({ 'ms.date': '2024-03-20' }), messages: ['8:10 ms.date: "2024-03-20" is not a date in MM/DD/YYYY form'] },
      { title: 'Day and month swapped', source: learnArticle({ 'ms.date': '20/03/2024' }), messages: ['8:10 ms.date: "20/03/2024" is not a real date (there is no month 20); write MM/DD/YYYY'] },
      { title: 'No such day', source: learnArticle({ 'ms.date': '02/30/2023' }), messages: ['8:10 ms.date: "02/30/2023" is not a real date (02/2023 has 28 days); write MM/DD/YYYY'] },
    ],
    correct: [{ source: learnArticle({ 'ms.date': '02/29/2024' }) }],
  },
});
