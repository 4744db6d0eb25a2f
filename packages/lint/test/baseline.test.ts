import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  BaselineError,
  baselineSize,
  createBaseline,
  emptyBaseline,
  fingerprintText,
  loadBaseline,
  parseBaseline,
  serializeBaseline,
  updateBaseline,
  writeBaseline,
} from '../src/baseline.js';
import { countMessages, type LintMessage, type LintResult } from '../src/result.js';

const root = '/repo';
const dir = mkdtempSync(path.join(tmpdir(), 'selfhelp-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for the engine: two real "rules" run over the text, with exact 1-based positions.
 * `no-todo` flags every `TODO` word, `steps-heading` flags `## Recommended steps` (its heading text).
 */
function lint(file: string, source: string): LintResult {
  const messages: LintMessage[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/TODO/g)) {
      const column = (m.index ?? 0) + 1;
      messages.push({ ruleId: 'no-todo', severity: 2, message: 'Leftover TODO', line: i + 1, column, endLine: i + 1, endColumn: column + 4 });
    }
    if (text.startsWith('## Recommended steps')) {
      messages.push({ ruleId: 'steps-heading', severity: 1, message: 'Write "Recommended Steps"', line: i + 1, column: 4, endLine: i + 1, endColumn: text.length + 1 });
    }
  });
  return countMessages(path.join(root, file), messages);
}

function run(files: Record<string, string>): { results: LintResult[]; sources: Map<string, string> } {
  const results = Object.entries(files).map(([f, s]) => lint(f, s));
  return { results, sources: new Map(Object.entries(files).map(([f, s]) => [path.join(root, f), s])) };
}

const legacy = [
  '<properties pageTitle="Legacy" />',
  '',
  '# Legacy article',
  '',
  'TODO fix the intro.',
  '',
  '## Recommended steps',
  '',
  '- TODO: first step',
  '',
].join('\n');

const where = (results: LintResult[]) => results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`));

describe('applyBaseline', () => {
  const base = run({ 'articles/legacy.md': legacy, 'articles/clean.md': '# Clean\n' });
  const baseline = createBaseline(base.results, { root, sources: base.sources });

  it('suppresses every legacy finding', () => {
    expect(baselineSize(baseline)).toBe(3);
    const applied = applyBaseline(baseline, base.results, { root, sources: base.sources });
    expect(where(applied.results)).toEqual([]);
    expect(applied.suppressed).toBe(3);
    expect(applied.unused).toBe(0);
    expect(applied.results[0]).toMatchObject({ errorCount: 0, warningCount: 0 });
  });

  it('tolerates line shifts: an edit above a legacy finding does not resurface it', () => {
    const shifted = legacy.replace('# Legacy article\n', '# Legacy article\n\nA new paragraph.\n\nAnother one.\n');
    const now = run({ 'articles/legacy.md': shifted });
    expect(where(now.results)).toEqual([
      'articles/legacy.md:9:1 no-todo',
      'articles/legacy.md:11:4 steps-heading',
      'articles/legacy.md:13:3 no-todo',
    ]);
    const applied = applyBaseline(baseline, now.results, { root, sources: now.sources });
    expect(where(applied.results)).toEqual([]);
    expect(applied.suppressed).toBe(3);
  });

  it('reports a new finding of the same rule elsewhere in the file, and only that one', () => {
    const edited = legacy.replace('- TODO: first step\n', '- TODO: first step\n- TODO: second step\n');
    const now = run({ 'articles/legacy.md': edited });
    const applied = applyBaseline(baseline, now.results, { root, sources: now.sources });
    expect(where(applied.results)).toEqual(['articles/legacy.md:10:3 no-todo']);
    expect(applied.results[0]).toMatchObject({ errorCount: 1, warningCount: 0 });
    expect(applied.suppressed).toBe(3);
  });

  it('counts identical findings: a copy of a legacy line is new', () => {
    const edited = legacy.replace('- TODO: first step\n', '- TODO: first step\n- TODO: first step\n');
    const now = run({ 'articles/legacy.md': edited });
    const applied = applyBaseline(baseline, now.results, { root, sources: now.sources });
    // Identical text: which copy is "new" cannot be known; the later one in the file is reported.
    expect(where(applied.results)).toEqual(['articles/legacy.md:10:3 no-todo']);
  });

  it('reports findings in a file the baseline does not know, and the same text under another rule', () => {
    const now = run({ 'articles/new.md': legacy });
    expect(where(applyBaseline(baseline, now.results, { root, sources: now.sources }).results)).toHaveLength(3);
  });

  it('matches a renamed file against the entries of its old name', () => {
    const now = run({ 'articles/moved/legacy.md': legacy });
    expect(where(applyBaseline(baseline, now.results, { root, sources: now.sources }).results)).toHaveLength(3);
    const renames = new Map([['articles/moved/legacy.md', 'articles/legacy.md']]);
    const applied = applyBaseline(baseline, now.results, { root, sources: now.sources, renames });
    expect(where(applied.results)).toEqual([]);
    expect(applied.suppressed).toBe(3);
  });

  it('counts baseline entries that no longer occur as unused', () => {
    const fixed = legacy.replace('TODO fix the intro.', 'The intro.');
    const now = run({ 'articles/legacy.md': fixed });
    const applied = applyBaseline(baseline, now.results, { root, sources: now.sources });
    expect(applied.unused).toBe(1);
    expect(applied.suppressed).toBe(2);
  });

  it('always reports fatal messages', () => {
    const fatal: LintMessage = { ruleId: null, severity: 2, message: 'File too large', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
    const result = countMessages('/repo/big.md', [fatal]);
    const b = createBaseline([result], { root, sources: new Map([['/repo/big.md', 'x']]) });
    expect(baselineSize(b)).toBe(0);
    expect(applyBaseline(b, [result], { root, sources: new Map() }).results[0]?.messages).toEqual([fatal]);
  });

  it('fingerprints the fixed output when a result carries one', () => {
    const source = 'TODO\n';
    const result = { ...lint('a.md', 'x\nTODO\n'), output: 'x\nTODO\n' };
    const b = createBaseline([result], { root, sources: () => source });
    expect(applyBaseline(b, [lint('a.md', 'y\nz\nTODO\n')], { root, sources: () => 'y\nz\nTODO\n' }).suppressed).toBe(1);
  });
});

describe('fingerprintText', () => {
  const at = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });
  it('is the range text with whitespace collapsed, cut at the end of its first line', () => {
    const source = 'first\n  some   words\there  \nthird line\n';
    expect(fingerprintText(at(2, 3, 2, 22), source)).toBe('some words here');
    expect(fingerprintText(at(2, 8, 3, 6), source)).toBe('words here');
  });
  it('uses the trimmed line when the range is empty, and counts CRLF and CR as line ends', () => {
    expect(fingerprintText(at(2, 4, 2, 4), 'a\r\n   the  line \r\nc')).toBe('the line');
    expect(fingerprintText(at(3, 1, 3, 2), 'a\rb\rthird')).toBe('t');
    expect(fingerprintText(at(9, 1, 9, 1), 'only\n')).toBe('');
  });
  it('ignores a BOM, as article positions do', () => {
    const withBom = countMessages('/repo/bom.md', [{ ruleId: 'r', severity: 2, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 5 }]);
    const a = createBaseline([withBom], { root, sources: () => '\uFEFFTODO rest' });
    const b = createBaseline([withBom], { root, sources: () => 'TODO rest' });
    expect(serializeBaseline(a)).toBe(serializeBaseline(b));
  });
});

describe('updateBaseline', () => {
  it('prunes fixed findings and clean files, keeps files not linted, drops files that are gone', () => {
    const first = run({ 'a.md': legacy, 'b.md': 'TODO b\n', 'c.md': 'TODO c\n', 'gone.md': 'TODO gone\n' });
    const previous = createBaseline(first.results, { root, sources: first.sources });
    expect([...previous.files.keys()]).toEqual(['a.md', 'b.md', 'c.md', 'gone.md']);

    const second = run({ 'a.md': legacy.replace('TODO fix the intro.', 'Intro.'), 'b.md': 'Done b\n' });
    const updated = updateBaseline(previous, second.results, { root, sources: second.sources, exists: (p) => p !== 'gone.md' });
    expect([...updated.files.keys()].sort()).toEqual(['a.md', 'c.md']);
    expect(baselineSize(updated)).toBe(3); // a.md: one TODO + heading; c.md: one TODO
    expect(updated.files.get('c.md')).toEqual(previous.files.get('c.md'));
  });
});

describe('baseline file', () => {
  const fp = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

  it('is sorted, deterministic JSON whatever the order of results', () => {
    const files = { 'z.md': 'TODO z\n', '2024.md': '## Recommended steps\nTODO one\nTODO two\n', 'a b/ü.md': 'x TODO\n' };
    const one = run(files);
    const two = run(Object.fromEntries(Object.entries(files).reverse()));
    const text = serializeBaseline(createBaseline(one.results, { root, sources: one.sources }));
    expect(serializeBaseline(createBaseline(two.results, { root, sources: two.sources }))).toBe(text);
    const todoPrints = [fp('TODO'), fp('TODO')];
    expect(todoPrints[0]).toBe(todoPrints[1]);
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "files": {',
        '    "2024.md": {',
        '      "no-todo": {',
        `        "${fp('TODO')}": 2`,
        '      },',
        '      "steps-heading": {',
        `        "${fp('Recommended steps')}": 1`,
        '      }',
        '    },',
        '    "a b/ü.md": {',
        '      "no-todo": {',
        `        "${fp('TODO')}": 1`,
        '      }',
        '    },',
        '    "z.md": {',
        '      "no-todo": {',
        `        "${fp('TODO')}": 1`,
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(serializeBaseline(parseBaseline(text, 'b.json'))).toBe(text);
    expect(serializeBaseline(emptyBaseline())).toBe('{\n  "version": 1,\n  "files": {}\n}\n');
  });

  it('is written atomically and read back', async () => {
    const file = path.join(dir, 'nested', 'selfhelp-baseline.json');
    const r = run({ 'a.md': legacy });
    const b = createBaseline(r.results, { root, sources: r.sources });
    await writeBaseline(file, b);
    await writeBaseline(file, b);
    expect(readdirSync(path.dirname(file))).toEqual(['selfhelp-baseline.json']);
    expect(readFileSync(file, 'utf8')).toBe(serializeBaseline(b));
    expect(await loadBaseline(file)).toEqual(b);
  });

  it('gives one-line errors for a missing or malformed file', async () => {
    const missing = path.join(dir, 'missing.json');
    await expect(loadBaseline(missing)).rejects.toThrow(new BaselineError(`baseline file not found: ${missing} (create it with --update-baseline)`));
    expect(await loadBaseline(missing, { allowMissing: true })).toEqual(emptyBaseline());
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 2, "files": {}}');
    await expect(loadBaseline(bad)).rejects.toThrow(`${bad}: not a valid baseline file (unsupported version 2, expected 1)`);
    writeFileSync(bad, '{"version": 1, "files": {"a.md": {"r": {"f": 0}}}}');
    await expect(loadBaseline(bad)).rejects.toThrow('count of "f" in "files.a.md.r" must be a positive integer');
    writeFileSync(bad, '{nope');
    await expect(loadBaseline(bad)).rejects.toBeInstanceOf(BaselineError);
  });
});
