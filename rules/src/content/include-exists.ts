// The file an include names exists.
import { defineRule } from '../define.js';

export const includeExists = defineRule(
  {
    id: 'include-exists',
    description: 'Included files exist',
    category: 'includes',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: {
      rationale: [
        'An `[!INCLUDE [title](path)]` whose file does not exist leaves a hole in the published article (or fails',
        'the build). The path is resolved relative to the including article, query and fragment removed. Paths',
        'that are URLs, absolute or outside the content root are reported by `include-in-root` instead. The check',
        'needs the content root, so it is skipped when the linter runs without one (remark-cli).',
      ].join('\n'),
      incorrect: [
        {
          source: ['<properties', '  pageTitle="Rotate a key"', '  selfHelpType="generic"', '/>', '# Rotate a key', '', '[!INCLUDE [rotation steps](../includes/rotate-key.md)]', ''].join('\n'),
          path: 'keyvault/rotate.md',
          messages: ['7:28 Included file "../includes/rotate-key.md" does not exist (includes/rotate-key.md)'],
        },
      ],
      correct: [
        {
          source: ['<properties', '  pageTitle="Renew a key"', '  selfHelpType="generic"', '/>', '# Renew a key', '', '[!INCLUDE [renewal steps](../includes/renew-key.md)]', ''].join('\n'),
          path: 'keyvault/renew.md',
        },
        {
          title: 'The included fragment',
          source: ['1. Open the key vault.', '2. Select **Keys** and create a new version.', ''].join('\n'),
          path: 'includes/renew-key.md',
        },
      ],
    },
  },
  (context) => {
    const { article, project } = context;
    if (!project) return;
    for (const include of article.includes) {
      const resolved = project.resolve(context.path, include.path.trim());
      if (resolved === undefined || include.path.trim() === '') continue; // include-in-root or a parse diagnostic
      if (project.exists(resolved)) continue;
      context.report({ message: `Included file "${include.path.trim()}" does not exist (${resolved})`, range: include.pathRange });
    }
  },
);
