// Shortened links (aka.ms, bit.ly, ...) hide where they lead and can be repointed.
import { hostInList, isShortener, splitHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefRange, lines, stringList, webLinks } from './util.js';

const header = ['<properties', '  pageTitle="Check service health"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Check service health', ''];

/** Whether the href is allowed: an allow entry is a host (`aka.ms`, `*.example.com`) or a URL prefix (`https://aka.ms/azstatus`). */
function allowed(href: string, host: string | undefined, allow: readonly string[]): boolean {
  const lower = href.toLowerCase();
  for (const entry of allow) {
    const e = entry.toLowerCase();
    if (e.includes('/')) {
      const bare = e.replace(/^https?:\/\//, '');
      if (lower.replace(/^https?:\/\//, '').startsWith(bare)) return true;
    } else if (hostInList(host, [e])) return true;
  }
  return false;
}

export const linkShortener = defineRule(
  {
    id: 'link-shortener',
    description: 'Links point at their destination, not through a shortener such as aka.ms or bit.ly',
    category: 'links',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'A shortened link (`aka.ms`, `bit.ly`, `goo.gl`, `tinyurl.com`, `t.co`, ...) does not tell the reader',
        'where it goes, cannot be checked for a locale or a cloud, and can be repointed after review. Link the',
        'destination itself. Short links that are the documented entry point of a product can be allowed.',
      ),
      options: lines(
        '- `allow` (string[], default `[]`): hosts (`aka.ms`, `*.example.com`) or URL prefixes',
        '  (`https://aka.ms/azstatus`) that may be used.',
      ),
      incorrect: [
        {
          title: 'aka.ms and bit.ly',
          source: lines(...header, 'See [the status page](https://aka.ms/azurestatus) or [our post](https://bit.ly/3xAmpLe).', ''),
          messages: [
            '8:23 Shortened link to `aka.ms`: link the destination instead',
            '8:65 Shortened link to `bit.ly`: link the destination instead',
          ],
        },
      ],
      correct: [
        {
          title: 'An allowed short link',
          source: lines(...header, 'See [the status page](https://aka.ms/azurestatus).', ''),
          options: { allow: ['https://aka.ms/azurestatus'] },
        },
        {
          title: 'The destination itself',
          source: lines(...header, 'See [the status page](https://azure.status.microsoft/status).', ''),
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
  },
  (context) => {
    const allow = stringList(context.options, 'allow');
    for (const link of webLinks(context.article)) {
      const { host } = splitHref(link.href.trim());
      if (!isShortener(host) || allowed(link.href.trim(), host, allow)) continue;
      context.report({ message: `Shortened link to \`${host}\`: link the destination instead`, range: hrefRange(link) });
    }
  },
);
