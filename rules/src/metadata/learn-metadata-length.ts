import { findingsRule } from './report.js';
import { learnArticle } from './learn-examples.js';

export const learnMetadataLength = findingsRule({
  id: 'learn-metadata-length',
  description: 'Learn title and description within the lengths Learn recommends',
  category: 'learn',
  severity: 'warning',
  fixable: false,
  appliesTo: { kinds: ['learn'] },
  docs: {
    rationale: [
      'Search engines cut longer titles and descriptions. Learn recommends a title of at most 60',
      'characters and a description of 100 to 160 characters; outside that the article is still',
      'published, so these are warnings.',
    ].join('\n'),
    incorrect: [
      {
        title: 'A long title',
        source: learnArticle({ title: 'Plan, apply and monitor maintenance of Azure virtual machine hosts' }),
        messages: ['2:8 title: 66 characters; Learn recommends at most 60'],
      },
      { title: 'A short description', source: learnArticle({ description: 'Host maintenance for VMs.' }), messages: ['3:14 description: 25 characters; Learn recommends at least 100'] },
    ],
    correct: [{ source: learnArticle() }],
  },
});
