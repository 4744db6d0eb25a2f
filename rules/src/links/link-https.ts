// `http:` links to hosts known to serve HTTPS: the secure URL is the same page.
import { isKnownHttpsHost, splitHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefFix, hrefPartRange, lines, stringList } from './util.js';

const header = ['<properties', '  pageTitle="Download the agent"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Download the agent', ''];

export const linkHttps = defineRule(
  {
    id: 'link-https',
    description: 'Links use `https:` for hosts that serve HTTPS',
    category: 'links',
    severity: 'warning',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'An `http:` link is sent in clear text and usually answers with a redirect. For hosts known to serve',
        'the same pages over HTTPS (Microsoft sites, aka.ms, Azure, GitHub, Stack Overflow, YouTube, ...) the',
        'fix switches the link to `https:`. Other hosts are not reported offline, since their HTTPS support',
        'is unknown; `selfhelp links` reports their redirects. Add hosts with the `hosts` option.',
      ),
      options: '- `hosts` (string[], default `[]`): more hosts known to serve HTTPS (`example.com`, `*.example.com`).',
      incorrect: [
        {
          title: 'Microsoft hosts over http',
          source: lines(...header, 'Get it from [the download center](http://download.microsoft.com/download/agent.msi) or [aka.ms](http://aka.ms/agent).', ''),
          messages: ['8:35 `http:` link to `download.microsoft.com`, which serves HTTPS: use `https:`', '8:97 `http:` link to `aka.ms`, which serves HTTPS: use `https:`'],
          output: lines(...header, 'Get it from [the download center](https://download.microsoft.com/download/agent.msi) or [aka.ms](https://aka.ms/agent).', ''),
        },
        {
          title: 'A host added by the options',
          source: lines(...header, 'See [the mirror](http://mirror.contoso.com/agent).', ''),
          options: { hosts: ['*.contoso.com'] },
          messages: ['8:18 `http:` link to `mirror.contoso.com`, which serves HTTPS: use `https:`'],
          output: lines(...header, 'See [the mirror](https://mirror.contoso.com/agent).', ''),
        },
      ],
      correct: [
        {
          title: 'https, and an http host of unknown HTTPS support',
          source: lines(...header, 'Get it from [the download center](https://download.microsoft.com/download/agent.msi) or [the old mirror](http://agent-mirror.example/agent).', ''),
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      properties: { hosts: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
  },
  (context) => {
    const { article } = context;
    const extra = stringList(context.options, 'hosts');
    for (const link of article.links) {
      if (link.kind !== 'http') continue;
      const href = link.href.trimStart();
      const lead = link.href.length - href.length;
      const { host } = splitHref(href);
      if (!isKnownHttpsHost(host, extra)) continue;
      const fix = hrefFix(article, link, lead, lead + 4, 'https');
      context.report({ message: `\`http:\` link to \`${host}\`, which serves HTTPS: use \`https:\``, range: hrefPartRange(article, link, lead, lead + 5), ...(fix ? { fix } : {}) });
    }
  },
);
