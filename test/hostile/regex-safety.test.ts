// Catastrophic backtracking: every regular expression in the shipped sources (packages/*/src and
// rules/src) is found with the TypeScript compiler API (regex literals, and `new RegExp(...)` /
// `RegExp(...)` calls) and checked with recheck (a ReDoS checker: automaton analysis, fuzzing as the
// fallback), on its pure-JavaScript backend so it runs offline and the same everywhere. Each must
// be `safe` (constant or linear time). A `RegExp` built from something other than a literal must be
// listed in DYNAMIC below with the reason it is safe, so every new one is reviewed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// The pure backend: no native binary, no Java, no worker; deterministic.
process.env['RECHECK_SYNC_BACKEND'] = 'pure';
const { checkSync } = require('recheck') as typeof import('recheck');

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `RegExp`s built at run time from non-literal parts, with why each is safe. Key: `file: source text of the call`. */
const DYNAMIC: Record<string, string> = {
  'packages/catalog/src/atomic-dir.ts: new RegExp(`^\\\\.${base.replace(/[.*+?^${}()|[\\]\\\\]/g, \'\\\\$&\')}\\\\.(tmp|old)-(\\\\d+)-`)':
    'the output folder name with every metacharacter escaped, then a fixed suffix; checked below with a placeholder name',
  'packages/core/src/includes.ts: new RegExp(START.source, START.flags)': 'a copy of the START literal (checked as a literal)',
  "packages/links/src/checker/run.ts: new RegExp(rule.pattern, 'g')": 'a `remap` pattern from the link checker configuration (trusted like an ESLint config, not article content)',
  'packages/links/src/checker/run.ts: new RegExp(p)': 'an `exclude` pattern from the link checker configuration (trusted like an ESLint config, not article content)',
  'packages/links/src/checker/options.ts: new RegExp(pattern)': 'validation of a configured pattern (compiles it, never matches article text)',
};

/**
 * Super-linear regexes found by this test in files whose owners are still editing them; each is to be
 * fixed (and removed from here) as soon as the file is free. Key: `file: /source/flags`.
 */
const PENDING: Record<string, string> = {};

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...sourceFiles(abs));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(abs);
  }
  return out;
}

function roots(): string[] {
  const dirs = readdirSync(join(repo, 'packages'))
    .map((p) => join(repo, 'packages', p, 'src'))
    .filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    });
  return [...dirs, join(repo, 'rules', 'src')];
}

/** A template literal's text with each substitution replaced by `x`. */
function templateWithPlaceholders(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('');
}

function collect(): { literals: Found[]; dynamic: { key: string; file: string; line: number; placeholder?: Found }[] } {
  const literals: Found[] = [];
  const dynamic: { key: string; file: string; line: number; placeholder?: Found }[] = [];
  for (const root of roots()) {
    for (const abs of sourceFiles(root)) {
      const file = relative(repo, abs).split('\\').join('/');
      const text = readFileSync(abs, 'utf8');
      const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node)) {
          const t = node.text;
          const slash = t.lastIndexOf('/');
          literals.push({ file, line: lineOf(node), source: t.slice(1, slash), flags: t.slice(slash + 1) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          const flagText = flags && ts.isStringLiteralLike(flags) ? flags.text : '';
          if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
            literals.push({ file, line: lineOf(node), source: pattern.text, flags: flagText });
          } else {
            const entry: { key: string; file: string; line: number; placeholder?: Found } = { key: `${file}: ${node.getText(sf)}`, file, line: lineOf(node) };
            if (pattern && ts.isTemplateExpression(pattern)) entry.placeholder = { file, line: lineOf(node), source: templateWithPlaceholders(pattern), flags: flagText };
            dynamic.push(entry);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { literals, dynamic };
}

describe('regular expressions', () => {
  const { literals, dynamic } = collect();

  it('finds the regular expressions of every package', () => {
    const files = new Set(literals.map((l) => l.file.split('/').slice(0, 2).join('/')));
    for (const pkg of ['packages/core', 'packages/lint', 'packages/catalog', 'packages/links', 'packages/schema', 'rules/src']) expect(files.has(pkg), pkg).toBe(true);
    expect(literals.length).toBeGreaterThan(100);
  });

  it('the pending list names only regexes that are still in the sources', () => {
    const keys = new Set(literals.map((l) => `${l.file}: /${l.source}/${l.flags}`));
    expect(Object.keys(PENDING).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every RegExp built at run time is reviewed (listed with its reason)', () => {
    expect(dynamic.map((d) => d.key).sort()).toEqual(Object.keys(DYNAMIC).sort());
  });

  it('no regular expression can backtrack catastrophically (recheck: safe)', () => {
    const checked = [...literals, ...dynamic.flatMap((d) => (d.placeholder ? [d.placeholder] : []))];
    const seen = new Map<string, ReturnType<typeof checkSync>>();
    const problems: string[] = [];
    for (const r of checked) {
      const key = `/${r.source}/${r.flags}`;
      let result = seen.get(key);
      if (!result) {
        result = checkSync(r.source, r.flags, { timeout: 20_000 });
        seen.set(key, result);
      }
      if (PENDING[`${r.file}: ${key}`] !== undefined) continue;
      if (result.status === 'vulnerable') {
        problems.push(`${r.file}:${r.line} ${key} is ${result.complexity.summary} (attack: ${result.attack.pattern})`);
      } else if (result.status === 'unknown') {
        problems.push(`${r.file}:${r.line} ${key} could not be checked: ${result.error.kind}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
