// The fast-check inputs and the pipeline check shared by the property test (test/hostile/
// fuzz-pipeline.test.ts, a modest number of runs in `pnpm test`) and the long run (test/fuzz/
// pipeline.fuzz.test.ts, FUZZ_RUNS runs in `pnpm fuzz`). A case is a base article (our fixtures, the
// sample articles in `articles/`, and in the long run the corpus when it is there) under a list of
// mutations, or a random string. Each case goes through parse, lint (built-in rules, with fixes),
// and build (compile, assemble, catalogs, schema validation), for the original and the fixed text.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseArticle, type Article } from '@selfhelp/core';
import { ArticleCompiler, ContentRoot, assemble, buildCatalogs, toJson, validateCatalog, type CompiledFile } from '@selfhelp/catalog';
import { lintFiles, loadConfig, type LoadedConfig } from '@selfhelp/lint';
import { expectPrototypesIntact } from './helpers.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Our own fixtures, in the formats of the seeds. */
export const FIXTURES: string[] = [
  [
    '<properties',
    '  pageTitle="Virtual machine restarted unexpectedly"',
    '  description="The host of the virtual machine was updated &amp; the machine restarted."',
    '  service="microsoft.compute"',
    '  resource="virtualmachines"',
    '  authors="someone"',
    '  ms.author="someone"',
    '  displayOrder="3"',
    '  articleId="FuzzRestart"',
    '  diagnosticScenario="FuzzRestart"',
    '  selfHelpType="diagnostics"',
    '  supportTopicIds="32541267,32541268"',
    '  productPesIds="1234"',
    '  cloudEnvironments="public, fairfax"',
    '  ownershipId="Compute_Fuzz"',
    '/>',
    '',
    '# We found a restart of your virtual machine',
    '',
    '<!--issueDescription-->',
    'At <!--$StartTime-->StartTime<!--/$StartTime-->, the machine <!--$VmName-->vm<!--/$VmName--> restarted.',
    '<!--/issueDescription-->',
    '',
    '## **Recommended Steps**',
    '',
    '* Read [planned maintenance](https://learn.microsoft.com/azure/virtual-machines/maintenance) first.',
    '* Open [the blade](data-blade:Microsoft_Azure_Compute.RedeployBlade) or [redeploy](button-data-blade:Redeploy).',
    '',
    '[!INCLUDE [Shared steps](../includes/shared.md)]',
    '',
    '## Recommended Documents',
    '',
    '- [Overview](https://learn.microsoft.com/azure/) <a href="https://example.com/x">x</a> ![diagram](media/a.png)',
    '',
  ].join('\n'),
  [
    '<properties',
    '  pageTitle="Support topics"',
    '  description="Support topic descriptions"',
    '  articleId="FuzzTopics"',
    '  selfHelpType="supportTopicDescription"',
    '  supportTopicIds="32541269"',
    '  productPesIds="1234"',
    '  cloudEnvironments="public"',
    '  ms.author="someone"',
    '  ownershipId="Compute_Fuzz"',
    '/>',
    '',
    '# Support topics',
    '',
    '---',
    '{"supportTopics": [{"id": "32541269", "title": "Connect", "description": "Cannot connect"}], "__proto__": {"x": 1}, "n": 1e400}',
    '---',
    '',
  ].join('\n'),
  '---\ntitle: Guest updates overview\ndescription: How updates reach a virtual machine.\nauthor: someone\nms.author: someone\nms.service: virtual-machines\nms.topic: overview\nms.date: 03/20/2024\n---\n\n# Guest updates overview\n\n**Applies to:** :heavy_check_mark: Linux VMs\n\n| Option | Use |\n|---|---|\n| A | [link](#guest-updates-overview) |\n\n```powershell\nGet-AzVM\n```\n',
  'Shared steps in a fragment with a [relative link](../articles/restart.md#recommended-steps) and <b>bold</b>.\n',
];

/** Hostile pieces the mutations insert. */
const TOKENS = [
  '<properties', '/>', '>', '<tags', '"', "'", '=', ' ', '\t', '\n', '\r\n', '\r', '\uFEFF', '\0', '\uFFFD', 'articleId="x"', 'selfHelpType="diagnostics"',
  '&amp;', '&', '&#106;', '&lol9;', '<!DOCTYPE x [<!ENTITY a "b">]>', '<!--', '-->', '<!--$a-->', '<!--/$a-->', '<!--issueDescription-->', '<!--/issueDescription-->',
  '---', '{', '}', '[', ']', '(', ')', '"__proto__":', '"constructor": {"prototype": {"polluted": 1}}', ',', '1e999', '# ', '## ', '## **Recommended Steps**', '!',
  '[!INCLUDE [t](../includes/shared.md)]', '[!INCLUDE [t](../../../../etc/passwd)]', '[AZURE.INCLUDE [', 'https://', 'ttps:', 'javascript:alert(1)', 'data-blade:', 'button-data-blade:',
  '`', '```', '> ', '- ', '1. ', '*', '**', '_', '<a href="', '<img src=x onerror=alert(1)>', '<script>', '<div>', '</div>', '\u00e9', '\ud83d\ude00', '\ud800', ':', '...', '|', '    ',
  '__proto__: {polluted: 1}', '&a [*a, *a]', '!!js/function', '<<: *a', 'ms.author: x', 'TODO', '<-- placeholder -->', '[text] (https://example.com)',
];

export type Op =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'eol'; eol: '\n' | '\r\n' | '\r' };

export function applyOps(base: string, ops: readonly Op[]): string {
  let text = base;
  for (const op of ops) {
    if (op.kind === 'eol') {
      text = text.replace(/\r\n?|\n/g, op.eol);
      continue;
    }
    const at = op.at % (text.length + 1);
    if (op.kind === 'insert') text = text.slice(0, at) + op.text + text.slice(at);
    else if (op.kind === 'delete') text = text.slice(0, at) + text.slice(at + op.length);
    else text = text.slice(0, at) + text.slice(at, at + op.length).repeat(op.times) + text.slice(at + op.length);
  }
  return text;
}

const insertion = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }) },
);

/** A case: a mutated base article, or a random string of hostile pieces and characters. */
export function caseArbitrary(bases: readonly string[]): fc.Arbitrary<string> {
  const mutated = fc.record({ base: fc.nat({ max: bases.length - 1 }), ops: fc.array(op, { minLength: 1, maxLength: 10 }) }).map(({ base, ops }) => applyOps(bases[base]!, ops));
  const random = fc.oneof(
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 400 }),
  );
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: random });
}

/** The sample articles of `articles/` (when there are any), plus the corpus when `withCorpus` and it is there. */
export function baseArticles(withCorpus: boolean, limit = 300): string[] {
  const out = [...FIXTURES];
  const collect = (dir: string, max: number): string[] => {
    const found: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d).sort()) {
        if (found.length >= max) return;
        const abs = join(d, name);
        if (statSync(abs).isDirectory()) walk(abs);
        else if (name.endsWith('.md')) found.push(abs);
      }
    };
    if (existsSync(dir)) walk(dir);
    return found;
  };
  for (const file of collect(join(repo, 'articles'), 50)) out.push(readFileSync(file, 'utf8'));
  if (withCorpus) {
    const corpus = join(repo, '..', 'shared', 'corpus', 'selfhelp', 'articles');
    if (existsSync(corpus)) for (const file of collect(corpus, limit)) out.push(readFileSync(file, 'utf8'));
    else console.log(`fuzz: ${corpus} is absent; mutating the fixtures and articles/ only`);
  }
  return out;
}

export interface Pipeline {
  root: string;
  config: LoadedConfig;
  compiler: ArticleCompiler;
  cleanup(): void;
}

/** A content root with an include and the lint configuration (built-in rules, recommended preset). */
export async function createPipeline(): Promise<Pipeline> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'selfhelp-fuzz-')));
  mkdirSync(join(root, 'articles'));
  mkdirSync(join(root, 'includes'));
  writeFileSync(join(root, 'includes', 'shared.md'), FIXTURES[3]!);
  writeFileSync(join(root, 'articles', 'restart.md'), FIXTURES[0]!);
  const config = await loadConfig({ cwd: root, config: { root: '.', gitignore: false } });
  await config.loadRuleCode();
  return { root, config, compiler: new ArticleCompiler(new ContentRoot(root)), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function errorCodes(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of article.diagnostics) if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

/** Compiles one text and validates the catalog it would be part of; returns the schema problems. */
function buildProblems(pipeline: Pipeline, text: string): string[] {
  const compiled: CompiledFile[] = [pipeline.compiler.compile('articles/fuzz.md', text)];
  const assembly = assemble(compiled);
  const { catalog, clouds } = buildCatalogs(assembly.articles, { name: 'selfhelp', version: '0.0.0' });
  const problems = validateCatalog(JSON.parse(toJson(catalog)));
  for (const [cloud, c] of clouds) problems.push(...validateCatalog(JSON.parse(toJson(c))).map((p) => `${cloud}: ${p}`));
  return problems;
}

/** Runs one case through every stage; fails the property (with a message) on any broken promise. */
export async function checkCase(pipeline: Pipeline, text: string): Promise<void> {
  // Parse: never throws.
  const article = parseArticle(text, { path: 'articles/fuzz.md' });
  expect(article.source.length + (article.bom ? 1 : 0)).toBe(text.length);

  // Lint with fixes: no crash finding, and a fix never adds a parse error.
  const abs = join(pipeline.root, 'articles', 'fuzz.md');
  const run = await lintFiles([{ path: abs, text }], { config: pipeline.config, cwd: pipeline.root, cacheLocation: false, fix: true, concurrency: 'off' });
  const result = run.results[0]!;
  // A fatal finding here is a crashed rule or parser (or a file over the time budget): never expected.
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  if (result.output !== undefined) {
    const before = errorCodes(article);
    const fixed = parseArticle(result.output, { path: 'articles/fuzz.md' });
    for (const [code, n] of errorCodes(fixed)) expect(n, `fix added a ${code} error`).toBeLessThanOrEqual(before.get(code) ?? 0);
  }

  // Build: compiles without throwing, and the catalog validates against its schema.
  expect(buildProblems(pipeline, text)).toEqual([]);
  if (result.output !== undefined) expect(buildProblems(pipeline, result.output)).toEqual([]);
  expectPrototypesIntact();
}
