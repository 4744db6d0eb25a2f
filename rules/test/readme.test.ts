// rules/README.md is generated from the rules' metadata by rules/scripts/render-readme.ts. CI fails
// here when the file is not current; `pnpm --filter @selfhelp/rules run docs` runs this file with
// `--update`, which rewrites it (a vitest file snapshot).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossArticleRules, rules } from '@selfhelp/rules';
import { renderReadme, strictSeverity } from '../scripts/render-readme.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

describe('rules/README.md', () => {
  const expected = renderReadme({ rules, crossArticleRules });

  it('is what the generator writes from the current metadata', async () => {
    // Compares the file byte for byte; `--update` rewrites it instead.
    await expect(expected).toMatchFileSnapshot(readmePath);
  });

  it('has a section whose anchor is the id of every rule (ruleUrl links there)', () => {
    for (const rule of [...rules, ...crossArticleRules]) {
      expect(expected).toContain(`\n### ${rule.meta.id}\n`);
      expect(expected).toContain(`| [${rule.meta.id}](#${rule.meta.id}) |`);
    }
  });

  it('lists every rule once in the tables, with its severities', () => {
    const rows = expected.split('\n').filter((line) => line.startsWith('| ['));
    const ids = rows.map((line) => /^\| \[([^\]]+)\]/.exec(line)![1]);
    expect(ids.sort()).toEqual([...rules, ...crossArticleRules].map((r) => r.meta.id).sort());
    for (const rule of rules) {
      const row = rows.find((line) => line.startsWith(`| [${rule.meta.id}]`))!;
      expect(row).toContain(`| ${rule.meta.severity} / ${strictSeverity(rule.meta)} |`);
      expect(row).toContain(rule.meta.fixable ? '| yes |' : '|  |');
    }
  });

  it('shows each example\'s source, messages and fixed output', () => {
    for (const rule of rules) {
      for (const example of [...rule.meta.docs.incorrect, ...rule.meta.docs.correct]) expect(expected).toContain(example.source);
      for (const example of rule.meta.docs.incorrect) {
        for (const message of example.messages ?? []) expect(expected).toContain(message);
        if (example.output !== undefined && example.output !== example.source) expect(expected).toContain(example.output);
      }
    }
  });

  it('is deterministic and independent of the registry order', () => {
    expect(renderReadme({ rules: [...rules].reverse(), crossArticleRules: [...crossArticleRules].reverse() })).toBe(expected);
  });
});

describe('renderReadme', () => {
  const meta = {
    id: 'demo-rule',
    description: 'A demo | with a pipe',
    category: 'content',
    severity: 'warning',
    fixable: true,
    appliesTo: { kinds: ['selfhelp', 'fragment'], selfHelpTypes: ['diagnostics'] },
    docs: {
      rationale: 'Why.',
      options: '`max`: how many.',
      incorrect: [{ title: 'Fenced', source: '# T\n\n```\ncode\n```\n', messages: ['1:1 Bad'], output: '# T\n', path: 'a/b.md', options: { max: 1 } }],
      correct: [{ source: '# T\n' }],
    },
  } as const;
  const text = renderReadme({ rules: [{ meta: structuredClone(meta) as never }], crossArticleRules: [] });

  it('escapes table cells and names the self-help types', () => {
    expect(text).toContain('| [demo-rule](#demo-rule) | A demo \\| with a pipe | warning / error | yes | self-help (diagnostics), fragment |');
  });

  it('fences sources with more backticks than they contain', () => {
    expect(text).toContain('````markdown\n# T\n\n```\ncode\n```\n````');
  });

  it('shows the title, path, options, messages and fixed output of an example', () => {
    expect(text).toContain('**Fenced** (file `a/b.md`) with options `{"max":1}`');
    expect(text).toContain('Reported:\n\n```text\n1:1 Bad\n```');
    expect(text).toContain('After `--fix`:\n\n```markdown\n# T\n```');
    expect(text).toContain('#### Options\n\n`max`: how many.');
  });
});
