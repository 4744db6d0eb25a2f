// Links Markdown does not read as links, or whose destination is broken before any network check:
// `[text] (url)`, an empty destination, `www.` without a scheme, `https//` or `https:/`.
import { defineRule } from '../define.js';
import { ALL_KINDS, hrefFix, hrefPartRange, lines } from './util.js';

const header = ['<properties', '  pageTitle="Restart a virtual machine"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Restart a virtual machine', ''];

export const linkSyntax = defineRule(
  {
    id: 'link-syntax',
    description: 'Links are written so that Markdown reads them as links, with a usable destination',
    category: 'links',
    severity: 'error',
    fixable: true,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'A space between `]` and `(` turns a link into plain text: the reader sees the brackets and the',
        'raw path. An empty destination, a host without a scheme (`www.contoso.com`, which the portal reads as',
        'a relative path) and a scheme without its colon or slashes (`https//`, `https:/`) all lead nowhere.',
        '',
        'The fix removes the space, or writes the missing `https://`, `:` or `/`. An empty destination has no fix.',
      ),
      incorrect: [
        {
          title: 'A space before the parenthesis',
          source: lines(...header, 'See the guide for [Windows] (windows/restart.md) first.', ''),
          messages: ['8:19 Space between `]` and `(`: Markdown shows this as text, not a link'],
          output: lines(...header, 'See the guide for [Windows](windows/restart.md) first.', ''),
        },
        {
          title: 'Missing scheme, missing colon, empty destination',
          source: lines(...header, 'Visit [the site](www.contoso.com/help), [the blog](https//contoso.com/blog) or [nothing]().', ''),
          messages: [
            '8:18 `www.contoso.com/help` has no scheme: write `https://www.contoso.com/help`',
            '8:52 `https//` is missing its colon: write `https://`',
            '8:80 Empty link destination',
          ],
          output: lines(...header, 'Visit [the site](https://www.contoso.com/help), [the blog](https://contoso.com/blog) or [nothing]().', ''),
        },
        {
          title: 'Backslashes instead of slashes',
          source: lines(...header, 'Read [the logs](https:\\learn.microsoft.com\\azure\\firewall\\logs).', ''),
          messages: ['8:17 Backslashes in a web address: write `https://` and `/`'],
          output: lines(...header, 'Read [the logs](https://learn.microsoft.com/azure/firewall/logs).', ''),
        },
      ],
      correct: [
        {
          title: 'Well-formed links',
          source: lines(...header, 'See the guide for [Windows](windows/restart.md) or [the site](https://www.contoso.com/help).', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    const source = article.source;
    for (const link of article.links) {
      if (link.kind === 'empty') {
        context.report({ message: link.image ? 'Empty image source' : 'Empty link destination', range: link.range });
        continue;
      }
      if (link.kind !== 'malformed') continue;
      const href = link.href;
      switch (link.problem) {
        case 'space-before-paren': {
          // The blanks run back from the `(` before the destination to the `]`.
          const paren = (link.hrefRange?.start.offset ?? 0) - 1;
          let start = paren;
          while (start > link.range.start.offset && /[ \t]/.test(source[start - 1]!)) start--;
          const ok = source[paren] === '(' && source[start - 1] === ']';
          const report = { message: 'Space between `]` and `(`: Markdown shows this as text, not a link', range: link.range };
          context.report(ok ? { ...report, fix: { range: [start, paren], text: '' } } : report);
          break;
        }
        case 'missing-scheme': {
          const fix = hrefFix(article, link, 0, 0, 'https://');
          const message = `\`${href}\` has no scheme: write \`https://${href}\``;
          context.report({ message, range: hrefPartRange(article, link, 0, href.length), ...(fix ? { fix } : {}) });
          break;
        }
        case 'missing-colon': {
          const m = /^(https?)\/\//i.exec(href);
          if (!m) break;
          const fix = hrefFix(article, link, 0, m[1]!.length, `${m[1]}:`);
          context.report({ message: `\`${m[1]}//\` is missing its colon: write \`${m[1]}://\``, range: hrefPartRange(article, link, 0, m[0].length), ...(fix ? { fix } : {}) });
          break;
        }
        case 'missing-slashes': {
          const back = /^(https?):[\\/]*/i.exec(href);
          if (back && href.includes('\\')) {
            // `https:\host\path`: a Windows path habit; the fix writes `https://` and forward slashes.
            const fixed = `${back[1]}://${href.slice(back[0].length).replace(/\\/g, '/')}`;
            const fix = hrefFix(article, link, 0, href.length, fixed);
            context.report({ message: `Backslashes in a web address: write \`${back[1]}://\` and \`/\``, range: hrefPartRange(article, link, 0, href.length), ...(fix ? { fix } : {}) });
            break;
          }
          const m = /^(https?):\/?(?!\/)/i.exec(href);
          if (!m) break;
          const fix = hrefFix(article, link, 0, m[0].length, `${m[1]}://`);
          context.report({ message: `\`${m[1]}:\` must be followed by \`//\`: write \`${m[1]}://\``, range: hrefPartRange(article, link, 0, m[0].length), ...(fix ? { fix } : {}) });
          break;
        }
        default:
          // `misspelt-scheme` belongs to link-scheme.
          break;
      }
    }
  },
);
