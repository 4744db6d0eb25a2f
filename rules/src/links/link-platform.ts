// Link text naming one platform while the URL points at the other platform's page.
import { platformMismatch, platformOfHref, PLATFORM_LABEL } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, lines } from './util.js';

export const linkPlatform = defineRule(
  {
    id: 'link-platform',
    description: 'Link text that names Windows or Linux points at that platform\'s page',
    category: 'links',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'Azure documentation splits many topics into `/windows/` and `/linux/` pages. A link whose text names',
        'one platform but whose path has the other platform\'s folder sends readers to instructions for the',
        'wrong operating system: usually a copy-paste of the neighbouring link. The rule compares words in the',
        'link text (`Windows`, `Linux`) with a path segment that is exactly `windows` or `linux`; text that',
        'names both platforms, and the product folder right after the host (`learn.microsoft.com/windows/`),',
        'are not compared. The query (`?toc=...linux...`) is ignored. There is no automatic fix: either the',
        'text or the URL may be the wrong half.',
      ),
      incorrect: [
        {
          title: 'A Windows label on the Linux page',
          source: lines(
            '---',
            'title: Plan maintenance for Windows VMs',
            '---',
            '# Plan maintenance for Windows VMs',
            '',
            'To stay available, read [Manage the availability of Windows VMs](../linux/manage-availability.md?toc=%2fazure%2fvirtual-machines%2flinux%2ftoc.json).',
            '',
          ),
          messages: ['6:25 Link text names Windows, but the link points at a Linux page (`/linux/`)'],
        },
      ],
      correct: [
        {
          title: 'Each label on its own page',
          source: lines(
            '---',
            'title: Scheduled events',
            '---',
            '# Scheduled events',
            '',
            'Use scheduled events on [Windows](https://learn.microsoft.com/azure/virtual-machines/windows/scheduled-events) or [Linux](https://learn.microsoft.com/azure/virtual-machines/linux/scheduled-events), or read about [WSL, Linux on Windows](https://learn.microsoft.com/windows/wsl/about).',
            '',
          ),
        },
      ],
    },
  },
  (context) => {
    for (const link of context.article.links) {
      if (link.image) continue;
      if (link.kind !== 'https' && link.kind !== 'http' && link.kind !== 'relative' && !(link.kind === 'malformed' && link.problem === 'space-before-paren')) continue;
      const mismatch = platformMismatch(link.text, link.href.trim());
      if (!mismatch) continue;
      const segment = platformOfHref(link.href.trim())!;
      context.report({
        message: `Link text names ${PLATFORM_LABEL[mismatch.text]}, but the link points at a ${PLATFORM_LABEL[mismatch.url]} page (\`/${segment}/\`)`,
        range: link.range,
      });
    }
  },
);
