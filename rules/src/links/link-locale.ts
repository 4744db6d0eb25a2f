// A locale segment (`/en-us/`) in a Microsoft documentation URL pins every reader to one language.
import { findLocaleSegment, isMooncakeOnly } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, articleClouds, hrefFix, hrefPartRange, lines, webLinks } from './util.js';

const props = (clouds: string) => ['<properties', '  pageTitle="Scale out an app"', '  selfHelpType="generic"', `  cloudEnvironments="${clouds}"`, '/>', '# Scale out an app', ''];

export const linkLocale = defineRule(
  {
    id: 'link-locale',
    description: 'Microsoft documentation links carry no locale segment such as `/en-us/`',
    category: 'links',
    severity: 'warning',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'Without a locale, learn.microsoft.com, azure.microsoft.com, support.microsoft.com and the other',
        'Microsoft sites serve each reader in their own language. A segment such as `/en-us/` forces English on',
        'everyone. The fix removes the segment.',
        '',
        'Articles written only for Mooncake (`cloudEnvironments="mooncake"`) conventionally link the Chinese',
        'pages (`docs.azure.cn/zh-cn/...`): `zh-cn` is accepted there.',
      ),
      incorrect: [
        {
          title: 'English pinned',
          source: lines(...props('public, fairfax'), 'Read [Autoscale](https://learn.microsoft.com/en-us/azure/app-service/manage-scale-up).', ''),
          messages: ['8:46 Locale `en-us` in a Microsoft documentation link; remove it so readers get their own language'],
          output: lines(...props('public, fairfax'), 'Read [Autoscale](https://learn.microsoft.com/azure/app-service/manage-scale-up).', ''),
        },
        {
          title: 'zh-cn in an article that is not only for Mooncake',
          source: lines(...props('public, mooncake'), 'Read [Autoscale](https://docs.azure.cn/zh-cn/app-service/manage-scale-up).', ''),
          messages: ['8:40 Locale `zh-cn` in a Microsoft documentation link; remove it so readers get their own language'],
          output: lines(...props('public, mooncake'), 'Read [Autoscale](https://docs.azure.cn/app-service/manage-scale-up).', ''),
        },
      ],
      correct: [
        {
          title: 'No locale',
          source: lines(...props('public'), 'Read [Autoscale](https://learn.microsoft.com/azure/app-service/manage-scale-up).', ''),
        },
        {
          title: 'zh-cn in a Mooncake-only article',
          source: lines(...props('mooncake'), 'Read [Autoscale](https://docs.azure.cn/zh-cn/app-service/manage-scale-up).', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const clouds = articleClouds(article);
    const mooncake = clouds !== undefined && isMooncakeOnly(clouds);
    for (const link of webLinks(article)) {
      const found = findLocaleSegment(link.href);
      if (!found) continue;
      if (mooncake && found.locale.toLowerCase() === 'zh-cn') continue;
      const [start, end] = found.removeRange;
      const fix = hrefFix(article, link, start, end, '');
      context.report({
        message: `Locale \`${found.locale}\` in a Microsoft documentation link; remove it so readers get their own language`,
        range: hrefPartRange(article, link, start + 1, end),
        ...(fix ? { fix } : {}),
      });
    }
  },
);
