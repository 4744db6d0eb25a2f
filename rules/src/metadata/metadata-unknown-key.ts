import { findingsRule, generic, text } from './report.js';

export const metadataUnknownKey = findingsRule({
  id: 'metadata-unknown-key',
  description: 'No unknown metadata keys; a likely typo gets a "did you mean"',
  category: 'metadata',
  severity: 'warning',
  fixable: false,
  appliesTo: { kinds: ['selfhelp', 'learn'] },
  docs: {
    rationale: [
      'A misspelt key is silently ignored by the pipeline: `supportToicIds="..."` publishes an article',
      'with no support topics. Every `<properties>` key that is not a known self-help key is reported,',
      'with the closest known key when one is within a few edits (the corpus has `infoBubbleTest` and',
      '`author` for `authors`). Learn frontmatter is open-ended, so there only keys within a few edits',
      'of a known Learn key are reported. Keys are compared case-insensitively (see `metadata-key-case`).',
    ].join('\n'),
    incorrect: [
      {
        title: 'A typo',
        source: generic({ supportTopicIds: undefined, supportToicIds: '32612345' }),
        messages: ['10:3 supportToicIds: unknown key; did you mean "supportTopicIds"?'],
      },
      {
        title: 'A key the pipeline does not know',
        source: generic({ reviewer: 'asmith' }),
        messages: ['11:3 reviewer: unknown key'],
      },
      {
        title: 'A Learn key with a typo',
        source: text('---', 'title: Plan maintenance', 'ms.servce: virtual-machines', '---', '# Plan maintenance'),
        messages: ['3:1 ms.servce: unknown key; did you mean "ms.service"?'],
      },
    ],
    correct: [
      { source: generic({ infoBubbleText: 'Password reset. See details on the right' }) },
      { title: 'Learn keys the list does not know are accepted', source: text('---', 'title: Plan maintenance', 'ms.custom: engagement-fy24', '---', '# Plan maintenance') },
    ],
  },
});
