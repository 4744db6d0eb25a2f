// In-process runs of `selfhelp` for the lint and rules command tests: main() with a working folder,
// stdout and stderr captured.
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '@selfhelp/cli';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(cwd: string, argv: string[], env: Record<string, string | undefined> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(saved.cwd);
    process.env = saved.env;
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

/** A plugin module on disk (plain objects, no imports): `no-foo` (error, fixable) and `needs-title` (warning). */
export const PLUGIN = `
const docs = { rationale: 'Test rule.', incorrect: [{ source: '# T\\n\\nfoo\\n', messages: ['3:1 Unexpected foo.'], output: '# T\\n\\nbar\\n' }], correct: [{ source: '# T\\n\\nbar\\n' }] };
function pos(source, offset) {
  let line = 1, start = 0;
  for (let i = source.indexOf('\\n'); i !== -1 && i < offset; i = source.indexOf('\\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1, offset };
}
export const rules = [
  {
    meta: { id: 'no-foo', description: 'No foo', category: 'content', severity: 'error', fixable: true, appliesTo: { kinds: ['selfhelp', 'learn', 'fragment'] }, docs },
    check(context) {
      const { source, bodyRange } = context.article;
      const re = /(?<![\\w-])foo(?![\\w-])/g;
      re.lastIndex = bodyRange.start.offset;
      for (let m = re.exec(source); m; m = re.exec(source)) {
        context.report({ message: 'Unexpected foo.', range: { start: pos(source, m.index), end: pos(source, m.index + 3) }, fix: { range: [m.index, m.index + 3], text: 'bar' } });
      }
    },
  },
  {
    meta: { id: 'needs-title', description: 'Needs an H1', category: 'content', severity: 'warning', fixable: false, appliesTo: { kinds: ['selfhelp', 'learn'] }, docs: { rationale: 'Titles.', incorrect: [], correct: [] } },
    check(context) {
      if (!context.article.title) context.report({ message: 'No H1.', range: context.article.bodyRange });
    },
  },
];
`;

export const CONFIG = JSON.stringify({ extends: 'none', plugins: ['./plugin.mjs'], rules: { 'no-foo': 'error', 'needs-title': 'warning', 'unused-disable': 'warning' } });

export function article(id: string, body: string): string {
  return `<properties\n  pageTitle="Sample ${id}"\n  articleId="${id}"\n  selfHelpType="generic"\n/>\n\n${body}`;
}

export function project(files: Record<string, string>, withConfig = true): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'selfhelp-cli-')));
  const all: Record<string, string> = withConfig ? { 'selfhelp.config.json': CONFIG, 'plugin.mjs': PLUGIN, ...files } : files;
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
