// Review (staging) hosts are readable only by Microsoft staff.
import { isReviewHost, learnHostFor, splitHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefPartRange, lines, webLinks } from './util.js';

const header = ['---', 'title: Troubleshoot a stuck deployment', 'ms.topic: troubleshooting', '---', '', '# Troubleshoot a stuck deployment', ''];

export const linkReviewHost = defineRule(
  {
    id: 'link-review-host',
    description: 'Links do not point at review hosts (review.learn.microsoft.com, review.docs.microsoft.com)',
    category: 'links',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'review.learn.microsoft.com and review.docs.microsoft.com show pull-request builds to signed-in',
        'Microsoft staff; readers get a sign-in page. Link the published page on learn.microsoft.com. There is',
        'no automatic fix: the published page may have a different path, or not exist yet.',
      ),
      incorrect: [
        {
          title: 'A link copied from a pull request preview',
          source: lines(...header, 'Follow [the steps](https://review.learn.microsoft.com/azure/azure-resource-manager/templates/deployment-history?branch=pr-en-us-4242).', ''),
          messages: ['8:28 Link to the review host `review.learn.microsoft.com`, which readers cannot open; link the published page on learn.microsoft.com'],
        },
      ],
      correct: [
        {
          title: 'The published page',
          source: lines(...header, 'Follow [the steps](https://learn.microsoft.com/azure/azure-resource-manager/templates/deployment-history).', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    for (const link of webLinks(article)) {
      const parts = splitHref(link.href);
      if (!isReviewHost(parts.host) || !parts.hostRange) continue;
      const published = (learnHostFor(parts.host) ?? parts.host!).replace(/^(?:.*\.)?review\./, '');
      context.report({
        message: `Link to the review host \`${parts.host}\`, which readers cannot open; link the published page on ${published}`,
        range: hrefPartRange(article, link, parts.hostRange[0], parts.hostRange[1]),
      });
    }
  },
);
