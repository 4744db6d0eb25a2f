// Relative links must name a file inside the content root.
import { defineRule } from '../define.js';
import { looksLikeDomain, resolveRelative, splitRelative } from './relative-target.js';
import { ALL_KINDS, hrefFix, hrefPartRange, lines } from './util.js';

const header = ['<properties', '  pageTitle="Plan for maintenance"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Plan for maintenance', ''];

export const linkRelative = defineRule(
  {
    id: 'link-relative',
    description: 'Relative links resolve to an existing file inside the content root',
    category: 'links',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'A relative link is resolved from the article\'s folder; a query (`?toc=...`, `?tabs=...`) and a',
        'fragment (`#section`) are ignored when looking for the file, and percent-escapes are decoded. The',
        'target must exist (checked when lint runs over a content root, which is how `selfhelp lint` runs)',
        'and must not climb above the content root with `../` (checked always).',
        '',
        'Two mistakes that look like relative links are reported here too: a web address written without',
        'its scheme (`aka.ms/help`, `contoso.com/page`; the fix adds `https://`), and, in self-help articles,',
        'a site-relative path (`/azure/...`) that only works on learn.microsoft.com. A URL wrapped in a second',
        'pair of parentheses (`[text]((https://...))`) is read as a relative path; the fix removes them. A',
        'destination that is a replacement token (`<!--$Link-->...<!--/$Link-->`) is filled in by the portal',
        'and not checked.',
      ),
      incorrect: [
        {
          title: 'Climbing out of the content root',
          path: 'compute/maintenance.md',
          source: lines(...header, 'See [availability](../../shared/manage-availability.md?toc=%2fazure%2ftoc.json).', ''),
          messages: ['8:20 Relative link `../../shared/manage-availability.md` leaves the content root'],
          output: lines(...header, 'See [availability](../../shared/manage-availability.md?toc=%2fazure%2ftoc.json).', ''),
        },
        {
          title: 'A URL in double parentheses',
          source: lines(...header, 'Read [the overview]((https://learn.microsoft.com/azure/virtual-machines/overview)).', ''),
          messages: ['8:21 `(https://learn.microsoft.com/azure/virtual-machines/overview)` is wrapped in extra parentheses: write the URL directly'],
          output: lines(...header, 'Read [the overview](https://learn.microsoft.com/azure/virtual-machines/overview).', ''),
        },
        {
          title: 'A web address without a scheme',
          source: lines(...header, 'Send feedback at [our forum](aka.ms/vmfeedback).', ''),
          messages: ['8:30 `aka.ms/vmfeedback` looks like a web address without `https://`'],
          output: lines(...header, 'Send feedback at [our forum](https://aka.ms/vmfeedback).', ''),
        },
      ],
      correct: [
        {
          title: 'A sibling article with a query and a fragment',
          path: 'compute/restart.md',
          source: lines(...header, 'See [availability](manage-availability.md?tabs=portal#availability-sets).', ''),
        },
        {
          title: 'The sibling article',
          path: 'compute/manage-availability.md',
          source: lines('---', 'title: Manage availability', '---', '# Manage availability', '', '## Availability sets', ''),
        },
      ],
    },
  },
  (context) => {
    const { article, project } = context;
    for (const link of article.links) {
      if (link.kind !== 'relative') continue;
      const href = link.href.trim();
      const lead = link.href.indexOf(href);
      // A replacement token (`<!--$Link-->default<!--/$Link-->`) is filled in by the portal.
      if (href.includes('<!--')) continue;
      const wrapped = /^\((https?:\/\/[^()\s]*)\)$/i.exec(href);
      if (wrapped) {
        const fix = hrefFix(article, link, lead, lead + href.length, wrapped[1]!);
        context.report({ message: `\`${href}\` is wrapped in extra parentheses: write the URL directly`, range: hrefPartRange(article, link, lead, lead + href.length), ...(fix ? { fix } : {}) });
        continue;
      }
      const parts = splitRelative(href);
      if (parts.path === '') continue;
      const range = hrefPartRange(article, link, lead, lead + parts.path.length);
      if (looksLikeDomain(parts.path)) {
        const fix = hrefFix(article, link, lead, lead, 'https://');
        context.report({ message: `\`${href}\` looks like a web address without \`https://\``, range, ...(fix ? { fix } : {}) });
        continue;
      }
      if (parts.path.startsWith('/')) {
        if (article.kind === 'selfhelp') {
          context.report({ message: `Site-relative link \`${parts.path}\` does not open in the portal: write the full https:// URL`, range });
        }
        continue;
      }
      const resolved = resolveRelative(context.path, parts.path);
      if ('leaves' in resolved) {
        context.report({ message: `Relative link \`${parts.path}\` leaves the content root`, range });
        continue;
      }
      if (!project) continue;
      const target = project.resolve(context.path, parts.path) ?? resolved.path;
      if (!project.exists(target)) {
        context.report({ message: `Relative link target \`${parts.path}\` does not exist (looked for \`${target}\`)`, range });
      }
    }
  },
);
