// Include paths are relative file paths that stay inside the content root.
import { defineRule } from '../define.js';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DRIVE = /^[A-Za-z]:[\\/]/;

export const includeInRoot = defineRule(
  {
    id: 'include-in-root',
    description: 'Include paths are relative and stay inside the content root',
    category: 'includes',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: {
      rationale: [
        '`[!INCLUDE [title](path)]` pulls another file of the content tree into the article at build time. The',
        'path is relative to the including article; a URL or an absolute path is not a file of the tree, and a',
        'path that climbs out of the content root (`../../../other-repo/note.md`) points at something the',
        'publishing pipeline does not have. URLs and absolute paths are reported everywhere; leaving the root',
        'is checked when the linter knows the root (the `selfhelp` CLI does; remark-cli without a root does not).',
      ].join('\n'),
      incorrect: [
        {
          source: [
            '<properties',
            '  pageTitle="Reset a password"',
            '  selfHelpType="generic"',
            '/>',
            '# Reset a password',
            '',
            '[!INCLUDE [shared steps](https://learn.microsoft.com/includes/reset.md)]',
            '',
            '[!INCLUDE [old note](../../outside/note.md)]',
            '',
          ].join('\n'),
          path: 'identity/reset-password.md',
          messages: [
            '7:26 Include path "https://learn.microsoft.com/includes/reset.md" is a URL; include a file of the content tree by its relative path',
            '9:22 Include path "../../outside/note.md" leaves the content root',
          ],
        },
      ],
      correct: [
        {
          source: ['<properties', '  pageTitle="Reset a password"', '  selfHelpType="generic"', '/>', '# Reset a password', '', '[!INCLUDE [shared steps](../includes/reset-steps.md)]', ''].join('\n'),
          path: 'identity/reset-password.md',
        },
      ],
    },
  },
  (context) => {
    const { article, project } = context;
    for (const include of article.includes) {
      const target = include.path.trim();
      if (target === '') continue; // a parse diagnostic
      const at = include.pathRange;
      if (SCHEME.test(target) && !DRIVE.test(target)) {
        context.report({ message: `Include path "${target}" is a URL; include a file of the content tree by its relative path`, range: at });
      } else if (target.startsWith('/') || target.startsWith('\\') || DRIVE.test(target)) {
        context.report({ message: `Include path "${target}" is absolute; write it relative to the article`, range: at });
      } else if (project && project.resolve(context.path, target) === undefined) {
        context.report({ message: `Include path "${target}" leaves the content root`, range: at });
      }
    }
  },
);
