// Test helpers: temporary trees, and small rules written for the engine's tests.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineRule, type ProjectRule } from '@selfhelp/rules';

export function tempTree(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'selfhelp-lint-')));
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function article(id: string, body: string, extra = ''): string {
  return `<properties\n  pageTitle="Sample ${id}"\n  articleId="${id}"\n  selfHelpType="generic"${extra}\n/>\n\n${body}`;
}

const docs = { rationale: 'Test rule.', incorrect: [], correct: [] };

/** Every word `foo` in the body is an error, fixed to `bar`. */
export const noFoo = defineRule(
  { id: 'no-foo', description: 'No foo', category: 'content', severity: 'error', fixable: true, appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] }, docs },
  (context) => {
    const { source, bodyRange } = context.article;
    const word = /(?<![\w-])foo(?![\w-])/g;
    word.lastIndex = bodyRange.start.offset;
    for (let m = word.exec(source); m; m = word.exec(source)) {
      const i = m.index;
      const start = offsetToPosition(source, i);
      const end = offsetToPosition(source, i + 3);
      context.report({ message: 'Unexpected foo.', range: { start, end }, fix: { range: [i, i + 3], text: 'bar' } });
    }
  },
);

/** An article without an H1 gets a warning. */
export const needsTitle = defineRule(
  { id: 'needs-title', description: 'Needs an H1', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp', 'learn'] }, docs },
  (context) => {
    if (!context.article.title) context.report({ message: 'No H1.', range: context.article.bodyRange });
  },
);

/** Reports only the first `xx` (fixed to `x`): `xxxx` takes several passes to settle. */
export const squeeze = defineRule(
  { id: 'squeeze', description: 'No xx', category: 'content', severity: 'warning', fixable: true, appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] }, docs },
  (context) => {
    const { source, bodyRange } = context.article;
    const i = source.indexOf('xx', bodyRange.start.offset);
    if (i === -1) return;
    context.report({ message: 'Squeeze xx.', range: { start: offsetToPosition(source, i), end: offsetToPosition(source, i + 2) }, fix: { range: [i, i + 2], text: 'x' } });
  },
);

/** A rule with options: `{ word }` is forbidden. */
export const noWord = defineRule(
  {
    id: 'no-word',
    description: 'A forbidden word',
    category: 'content',
    severity: 'off',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] },
    docs: { ...docs, options: '`word`: the forbidden word.' },
    optionsSchema: { type: 'object', properties: { word: { type: 'string', minLength: 1 } }, required: ['word'], additionalProperties: false },
  },
  (context) => {
    const word = (context.options as { word?: string } | undefined)?.word ?? 'forbidden';
    const { source } = context.article;
    const i = source.indexOf(word, context.article.bodyRange.start.offset);
    if (i !== -1) context.report({ message: `Forbidden word "${word}".`, range: { start: offsetToPosition(source, i), end: offsetToPosition(source, i + word.length) } });
  },
);

/** Duplicate articleId across the tree (each file of a pair gets one finding). */
export const dupId: ProjectRule = {
  meta: { id: 'dup-id', description: 'Unique articleId', category: 'metadata', severity: 'error', fixable: false, appliesTo: { kinds: ['selfhelp'] }, docs },
  checkProject(articles) {
    const seen = new Map<string, string[]>();
    for (const a of articles) {
      const id = a.fields['articleid']?.value;
      if (id) seen.set(id, [...(seen.get(id) ?? []), a.path]);
    }
    return articles.flatMap((a) => {
      const f = a.fields['articleid'];
      const paths = f ? (seen.get(f.value) ?? []) : [];
      if (!f || paths.length < 2) return [];
      return [{ path: a.path, message: `articleId "${f.value}" is also used by ${paths.filter((p) => p !== a.path).join(', ')}.`, range: f.valueRange }];
    });
  },
};

export const testRules = { name: 'test-rules', module: { rules: [noFoo, needsTitle, squeeze, noWord, dupId] } };

export function offsetToPosition(source: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
