// docs.microsoft.com moved to learn.microsoft.com; the old host only redirects.
import { learnHostFor, splitHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefFix, hrefPartRange, lines, webLinks } from './util.js';

const header = ['<properties', '  pageTitle="Recover a deleted key vault"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Recover a deleted key vault', ''];

export const linkLearnHost = defineRule(
  {
    id: 'link-learn-host',
    description: 'Documentation links use learn.microsoft.com, not docs.microsoft.com',
    category: 'links',
    severity: 'warning',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'Microsoft documentation moved from docs.microsoft.com to learn.microsoft.com; the old host answers',
        'every request with a redirect, which costs the reader a round trip and hides the real URL from link',
        'checks. The fix replaces the host and keeps the path, query and fragment as written (a',
        'review.docs.microsoft.com link becomes review.learn.microsoft.com, which `link-review-host` reports).',
      ),
      incorrect: [
        {
          title: 'The old host',
          source: lines(...header, 'Follow [soft delete](https://docs.microsoft.com/azure/key-vault/general/soft-delete-overview#key-vault-recovery).', ''),
          messages: ['8:30 `docs.microsoft.com` is now `learn.microsoft.com`'],
          output: lines(...header, 'Follow [soft delete](https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#key-vault-recovery).', ''),
        },
      ],
      correct: [
        {
          title: 'The canonical host',
          source: lines(...header, 'Follow [soft delete](https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview).', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    for (const link of webLinks(article)) {
      const parts = splitHref(link.href);
      const target = learnHostFor(parts.host);
      if (!target || !parts.hostRange) continue;
      const [start, end] = parts.hostRange;
      const fix = hrefFix(article, link, start, end, target);
      context.report({ message: `\`${parts.host}\` is now \`${target}\``, range: hrefPartRange(article, link, start, end), ...(fix ? { fix } : {}) });
    }
  },
);
