// Links to a cloud's own sites (docs.azure.cn, portal.azure.cn, portal.azure.us) in articles for
// other clouds, and global Azure documentation in Mooncake-only articles.
import { cloudOfHref, isMooncakeOnly, mooncakeCounterpart, splitHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { articleClouds, hrefPartRange, hrefRange, lines, webLinks } from './util.js';

const props = (clouds: string) => ['<properties', '  pageTitle="Connect to a database"', '  selfHelpType="generic"', `  cloudEnvironments="${clouds}"`, '/>', '# Connect to a database', ''];

export const linkCloudHost = defineRule(
  {
    id: 'link-cloud-host',
    description: 'Documentation and portal hosts match the clouds in `cloudEnvironments`',
    category: 'links',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: lines(
        'Each Azure cloud has its own sites: Azure operated by 21Vianet (Mooncake) documents itself on',
        'docs.azure.cn and runs portal.azure.cn; Azure Government runs portal.azure.us. A link to one of',
        'those in an article whose `cloudEnvironments` does not include that cloud sends readers to a site',
        'they cannot use. The reverse holds too: an article only for Mooncake should link the Azure',
        'documentation on docs.azure.cn (or the Chinese Learn pages, `/zh-cn/`), not the global pages. The',
        'rule reads `cloudEnvironments` and does nothing when it is absent. The suggested Mooncake URL is',
        'carried in `data.suggestion`; there is no automatic fix because the page may not exist there.',
      ),
      incorrect: [
        {
          title: 'Azure China documentation in a public-cloud article',
          source: lines(...props('public, fairfax'), 'See [firewall rules](https://docs.azure.cn/azure-sql/database/firewall-configure).', ''),
          messages: ['8:30 `docs.azure.cn` is the Azure China documentation, but cloudEnvironments is "public, fairfax"'],
        },
        {
          title: 'Global documentation in a Mooncake-only article',
          source: lines(...props('mooncake'), 'See [firewall rules](https://learn.microsoft.com/azure/azure-sql/database/firewall-configure).', ''),
          messages: ['8:22 The article is only for Mooncake: link the Azure China documentation (https://docs.azure.cn/zh-cn/azure-sql/database/firewall-configure)'],
        },
      ],
      correct: [
        {
          title: 'Each cloud its documentation',
          source: lines(...props('mooncake'), 'See [firewall rules](https://docs.azure.cn/zh-cn/azure-sql/database/firewall-configure) in the [portal](https://portal.azure.cn).', ''),
        },
        {
          title: 'Non-Azure pages on learn.microsoft.com are fine for Mooncake',
          source: lines(...props('mooncake'), 'See [SQL Server Management Studio](https://learn.microsoft.com/sql/ssms/download-sql-server-management-studio-ssms).', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const clouds = articleClouds(article);
    if (!clouds) return;
    const written = String((article.metadata.findLast((f) => f.lowerKey === 'cloudenvironments')?.value as string | undefined) ?? clouds.join(', ')).trim();
    const mooncakeOnly = isMooncakeOnly(clouds);
    for (const link of webLinks(article)) {
      const bound = cloudOfHref(link.href);
      if (bound) {
        if (bound.clouds.some((c) => clouds.includes(c))) continue;
        const parts = splitHref(link.href);
        const range = parts.hostRange ? hrefPartRange(article, link, parts.hostRange[0], parts.hostRange[1]) : hrefRange(link);
        context.report({ message: `\`${parts.host}\` is the ${bound.label}, but cloudEnvironments is "${written}"`, range });
        continue;
      }
      if (!mooncakeOnly) continue;
      const suggestion = mooncakeCounterpart(link.href.trim());
      if (suggestion) {
        context.report({ message: `The article is only for Mooncake: link the Azure China documentation (${suggestion})`, range: hrefRange(link), data: { suggestion } });
      }
    }
  },
);
