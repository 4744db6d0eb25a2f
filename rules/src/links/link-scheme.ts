// Link schemes: a misspelt one (`ttps:`, `datablade:`) and one the portal does not open
// (`file:`, `javascript:`, a protocol-relative `//host`).
import { suggestScheme, schemeOf } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefFix, hrefPartRange, lines, stringList } from './util.js';

const header = ['<properties', '  pageTitle="Reset a password"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Reset a password', ''];

/** Schemes every article may use: the web, mail, and the portal's blade links. */
const BUILT_IN = ['https', 'http', 'mailto', 'data-blade', 'button-data-blade', 'button-data-context'];
const DANGEROUS = new Set(['javascript', 'vbscript', 'data', 'file']);

export const linkScheme = defineRule(
  {
    id: 'link-scheme',
    description: 'Link schemes are spelt right and are ones the portal opens',
    category: 'links',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'A misspelt scheme (`ttps:`, `htps:`, `datablade:`, `button-datablade:`) makes a link that opens nothing.',
        'The fix replaces it with the scheme it is closest to. Schemes other than `https`, `http`, `mailto`,',
        '`data-blade`, `button-data-blade` and `button-data-context` are reported as unknown (`file:` and',
        '`javascript:` never work in the portal); allow more with the `allowedSchemes` option. A',
        'protocol-relative link (`//host/path`) is reported too: write `https:` (the fix does).',
      ),
      options: '- `allowedSchemes` (string[], default `[]`): more schemes to accept, e.g. `["tel", "ms-settings"]`.',
      incorrect: [
        {
          title: 'Misspelt schemes',
          source: lines(...header, 'Open [the guide](ttps://learn.microsoft.com/azure/) or [Properties](datablade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade).', ''),
          messages: ['8:18 Misspelt scheme `ttps:`: did you mean `https:`?', '8:69 Misspelt scheme `datablade:`: did you mean `data-blade:`?'],
          output: lines(...header, 'Open [the guide](https://learn.microsoft.com/azure/) or [Properties](data-blade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade).', ''),
        },
        {
          title: 'Unknown and protocol-relative',
          source: lines(...header, 'Run [the script](file://server/share/reset.ps1) after reading [the terms](//azure.microsoft.com/support/legal/).', ''),
          messages: ['8:18 Unknown link scheme `file:`; the portal does not open it', '8:75 Protocol-relative link: write `https://`'],
          output: lines(...header, 'Run [the script](file://server/share/reset.ps1) after reading [the terms](https://azure.microsoft.com/support/legal/).', ''),
        },
      ],
      correct: [
        {
          title: 'Known schemes, and one allowed by the options',
          source: lines(...header, 'Mail [support](mailto:help@contoso.com), call [us](tel:+1-555-0100) or open [Properties](data-blade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade).', ''),
          options: { allowedSchemes: ['tel'] },
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      properties: { allowedSchemes: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*$' } } },
      additionalProperties: false,
    },
  },
  (context) => {
    const { article } = context;
    const allowed = new Set([...BUILT_IN, ...stringList(context.options, 'allowedSchemes').map((s) => s.toLowerCase())]);
    for (const link of article.links) {
      const href = link.href.trimStart();
      const lead = link.href.length - href.length;
      if (link.kind === 'malformed' && link.problem === 'misspelt-scheme') {
        const scheme = schemeOf(href);
        if (!scheme) continue;
        const suggestion = suggestScheme(scheme);
        const written = href.slice(0, scheme.length);
        const range = hrefPartRange(article, link, lead, lead + scheme.length + 1);
        if (!suggestion) {
          context.report({ message: `Misspelt scheme \`${written}:\``, range });
          continue;
        }
        const fix = hrefFix(article, link, lead, lead + scheme.length, suggestion);
        context.report({ message: `Misspelt scheme \`${written}:\`: did you mean \`${suggestion}:\`?`, range, ...(fix ? { fix } : {}) });
        continue;
      }
      if (link.kind !== 'other-scheme') continue;
      if (href.startsWith('//')) {
        const fix = hrefFix(article, link, lead, lead, 'https:');
        context.report({ message: 'Protocol-relative link: write `https://`', range: hrefPartRange(article, link, lead, lead + 2), ...(fix ? { fix } : {}) });
        continue;
      }
      const scheme = schemeOf(href);
      if (!scheme || allowed.has(scheme)) continue;
      if (scheme.length === 1) {
        context.report({ message: `\`${href.slice(0, 3)}\` is a local file path; the portal cannot open it`, range: hrefPartRange(article, link, lead, lead + 2) });
        continue;
      }
      const range = hrefPartRange(article, link, lead, lead + scheme.length + 1);
      const note = DANGEROUS.has(scheme) ? 'the portal does not open it' : 'allow it with the `allowedSchemes` option if it is intended';
      const near = suggestScheme(scheme);
      context.report({ message: near ? `Unknown link scheme \`${href.slice(0, scheme.length)}:\`: did you mean \`${near}:\`?` : `Unknown link scheme \`${href.slice(0, scheme.length)}:\`; ${note}`, range });
    }
  },
);
