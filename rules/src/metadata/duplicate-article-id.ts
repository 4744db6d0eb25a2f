// Two articles with the same articleId: links, troubleshooter flows and telemetry reach only one.
import type { ProjectFinding, ProjectRule } from '../api.js';
import { fieldRange, joinPaths } from './project-util.js';
import { codeUnitOrder } from '../order.js';

export const duplicateArticleId: ProjectRule = {
  meta: {
    id: 'duplicate-article-id',
    description: 'No two articles share an articleId',
    category: 'metadata',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    docs: {
      rationale: [
        'articleId is the key by which the portal, troubleshooter flows and deep links find an article;',
        'when two files claim the same one, only one of them is ever shown. IDs are compared',
        'case-insensitively and without surrounding spaces, over the whole tree even when only a few',
        'files are linted. Each file gets a finding that names the other files, in the code-unit order of',
        'their paths (capitals before lower case, the same in every locale). The corpus has one such pair',
        '(two Q&A Maker articles with the same GUID).',
        '',
        'For example, with `a.md` and `b.md` both declaring `articleId="reset-password"`, `a.md` gets',
        '`articleId "reset-password" is also the articleId of b.md` and `b.md` the same naming `a.md`.',
      ].join('\n'),
      incorrect: [],
      correct: [],
    },
  },
  fields: ['articleid'],
  checkProject(articles) {
    const byId = new Map<string, { path: string; field: NonNullable<(typeof articles)[number]['fields'][string]> }[]>();
    for (const article of articles) {
      if (article.kind !== 'selfhelp') continue;
      const field = article.fields.articleid;
      const id = field?.value.trim().toLowerCase();
      if (!field || !id) continue;
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ path: article.path, field });
    }
    const findings: ProjectFinding[] = [];
    for (const list of byId.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => codeUnitOrder(a.path, b.path));
      for (const entry of list) {
        const others = list.filter((o) => o !== entry).map((o) => o.path);
        findings.push({
          path: entry.path,
          message: `articleId "${entry.field.value.trim()}" is also the articleId of ${joinPaths(others)}`,
          range: fieldRange(entry.field),
        });
      }
    }
    return findings;
  },
};
