import { findingsRule, generic } from './report.js';

export const authorAliases = findingsRule({
  id: 'author-aliases',
  description: 'ms.author and authorAlias list Microsoft aliases, authors GitHub user names',
  category: 'metadata',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'Owners are found by their alias: `ms.author` (and the older `authorAlias`) is a comma-separated',
      'list of Microsoft aliases, not e-mail addresses or names; `authors` lists GitHub user names (a',
      'display name with a space is a warning). Repeated names and list syntax problems are fixable.',
      'At least one of them must be present (`metadata-required`).',
    ].join('\n'),
    incorrect: [
      {
        title: 'An e-mail address',
        source: generic({ 'ms.author': 'jdoe@contoso.com' }),
        messages: ['4:14 ms.author: "jdoe@contoso.com" is not an alias; write the alias without a domain or spaces'],
      },
      {
        title: 'A repeated alias',
        source: generic({ 'ms.author': 'jdoe, asmith, jdoe' }),
        messages: ['4:28 ms.author: "jdoe" is listed twice'],
        output: generic({ 'ms.author': 'jdoe, asmith' }),
      },
    ],
    correct: [{ source: generic({ 'ms.author': 'jdoe, asmith', authors: 'jdoe-gh' }) }],
  },
});
