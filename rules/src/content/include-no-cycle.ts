// Includes do not form a cycle: a file that (indirectly) includes itself never finishes expanding.
import type { ProjectAccess } from '@selfhelp/core';
import { defineRule } from '../define.js';

/** At most this many files are followed from one include (the search stops quietly beyond). */
const MAX_FILES = 2000;

/** The shortest include chain from `from` back to `home` (both root-relative), or undefined. */
function chainBack(project: ProjectAccess, from: string, home: string): string[] | undefined {
  if (from === home) return [home];
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && parent.size <= MAX_FILES; i++) {
    const current = queue[i]!;
    const article = project.article(current);
    if (!article) continue;
    for (const include of article.includes) {
      const next = project.resolve(current, include.path.trim());
      if (next === undefined || parent.has(next)) continue;
      parent.set(next, current);
      if (next === home) {
        const chain: string[] = [];
        for (let p: string | null | undefined = next; p; p = parent.get(p)) chain.unshift(p);
        return chain;
      }
      queue.push(next);
    }
  }
  return undefined;
}

export const includeNoCycle = defineRule(
  {
    id: 'include-no-cycle',
    description: 'Includes do not include the article back',
    category: 'includes',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: {
      rationale: [
        'An include whose file includes the article again, directly or through other files, never finishes',
        'expanding. Each article in the cycle reports the include that starts it, with the shortest chain back.',
        'Missing files end the search (they are `include-exists` findings). The check needs the content root and',
        'is skipped without one (remark-cli).',
      ].join('\n'),
      incorrect: [
        {
          source: ['Check the agent version first.', '', '[!INCLUDE [agent logs](agent-logs.md)]', ''].join('\n'),
          path: 'includes/agent-version.md',
          messages: ['3:24 Include cycle: includes/agent-version.md -> includes/agent-logs.md -> includes/agent-version.md'],
        },
        {
          source: ['Collect the agent logs.', '', '[!INCLUDE [agent version](./agent-version.md)]', ''].join('\n'),
          path: 'includes/agent-logs.md',
          messages: ['3:27 Include cycle: includes/agent-logs.md -> includes/agent-version.md -> includes/agent-logs.md'],
        },
      ],
      correct: [
        {
          source: ['<properties', '  pageTitle="Agent not reporting"', '  selfHelpType="generic"', '/>', '# Agent not reporting', '', '[!INCLUDE [agent logs](../includes/collect-logs.md)]', ''].join('\n'),
          path: 'monitor/agent.md',
        },
        {
          source: ['Run the log collector on the machine.', ''].join('\n'),
          path: 'includes/collect-logs.md',
        },
      ],
    },
  },
  (context) => {
    const { article, project } = context;
    if (!project) return;
    const home = context.path;
    const followed = new Set<string>();
    for (const include of article.includes) {
      const target = project.resolve(home, include.path.trim());
      if (target === undefined || followed.has(target)) continue;
      followed.add(target);
      const chain = chainBack(project, target, home);
      if (chain) context.report({ message: `Include cycle: ${[home, ...chain].join(' -> ')}`, range: include.pathRange });
    }
  },
);
