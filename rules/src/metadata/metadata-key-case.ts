import { findingsRule, generic, text } from './report.js';

export const metadataKeyCase = findingsRule({
  id: 'metadata-key-case',
  description: 'Metadata keys in their documented spelling (`articleId`, not `articleid`)',
  category: 'metadata',
  severity: 'warning',
  fixable: true,
  appliesTo: { kinds: ['selfhelp', 'learn'] },
  docs: {
    rationale: [
      'The publishing pipeline reads `<properties>` keys case-insensitively, so `articleid` works, but',
      'tools, searches and reviewers look for the documented spelling, and a file that mixes',
      '`pageTitle` and `pagetitle` is hard to read. 515 corpus articles write at least one key in',
      'another case (395 `articleid`, 382 `selfhelptype`, ...). The fix rewrites the key.',
    ].join('\n'),
    incorrect: [
      {
        title: 'Lower-case keys',
        source: generic({ articleId: undefined, ownershipId: undefined, articleid: 'reset-forgotten-password', ownershipid: 'Identity_Passwords' }),
        messages: ['9:3 articleid: write the key as "articleId"', '10:3 ownershipid: write the key as "ownershipId"'],
        output: generic(),
      },
      {
        title: 'Learn frontmatter',
        source: text('---', 'title: Plan maintenance for virtual machines', 'MS.Date: 03/20/2024', '---', '# Plan maintenance'),
        messages: ['3:1 MS.Date: write the key as "ms.date"'],
        output: text('---', 'title: Plan maintenance for virtual machines', 'ms.date: 03/20/2024', '---', '# Plan maintenance'),
      },
    ],
    correct: [{ source: generic() }],
  },
});
