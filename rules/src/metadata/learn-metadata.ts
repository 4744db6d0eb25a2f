import { findingsRule } from './report.js';
import { learnArticle } from './learn-examples.js';

export const learnMetadata = findingsRule({
  id: 'learn-metadata',
  description: 'Learn frontmatter has title, description, author, ms.author, ms.date, ms.topic and ms.service, with valid values',
  category: 'learn',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['learn'] },
  docs: {
    rationale: [
      'Learn requires these fields on every article (both Learn seeds carry them; the schema is',
      '`rules/schemas/learn.schema.json`): `title`, `description`, `author` (a GitHub user name),',
      '`ms.author` (one Microsoft alias), `ms.date` (see `learn-ms-date`), `ms.topic` from Learn\'s content',
      'types (`article`, `conceptual`, `how-to`, `overview`, `quickstart`, `tutorial`, `reference`,',
      '`troubleshooting`, ...) and `ms.service` (a lower-case slug).',
    ].join('\n'),
    incorrect: [
      { title: 'No ms.service', source: learnArticle({ 'ms.service': undefined }), messages: ['1:1 ms.service: required in Learn frontmatter'] },
      {
        title: 'Unknown topic type',
        source: learnArticle({ 'ms.topic': 'guide' }),
        messages: [
          '7:11 ms.topic: unknown topic type "guide"; expected one of architecture, article, best-practice, concept-article, conceptual, contributor-guide, error-reference, faq, get-started, glossary, how-to, hub-page, include, install-set-up-deploy, landing-page, language-reference, limits-and-quotas, overview, product-comparison, quickstart, reference, release-notes, sample, training, troubleshooting, troubleshooting-general, troubleshooting-known-issue, troubleshooting-problem-resolution, tutorial, upgrade-and-migration-article, video, whats-new',
        ],
      },
      { title: 'Two aliases', source: learnArticle({ 'ms.author': 'jdoe, asmith' }), messages: ['5:12 ms.author: Learn takes one Microsoft alias; list co-authors elsewhere'] },
    ],
    correct: [{ source: learnArticle() }],
  },
});
