import { afterEach, describe, expect, it } from 'vitest';
import { project, runCli } from './lint-helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function setup(): string {
  const p = project({});
  cleanups.push(p.cleanup);
  return p.dir;
}

describe('selfhelp rules', () => {
  it('lists every rule (built-in, plugin and engine ids) with category, default severity, fixable and description', async () => {
    const dir = setup();
    const r = await runCli(dir, ['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id +category +severity +fixable +description$/);
    const row = (id: string) => lines.find((l) => l.startsWith(id + ' '))?.split(/\s{2,}/);
    expect(row('no-foo')).toEqual(['no-foo', 'content', 'error', 'yes', 'No foo']);
    expect(row('needs-title')).toEqual(['needs-title', 'content', 'warning', 'no', 'Needs an H1']);
    expect(row('parse')?.slice(0, 4)).toEqual(['parse', 'content', 'error', 'no']);
    expect(row('unused-disable')?.slice(0, 4)).toEqual(['unused-disable', 'content', 'warning', 'no']);
    const ids = lines.slice(1).map((l) => l.split(' ')[0]!);
    expect(ids).toEqual([...ids].sort());
  });

  it('prints one rule as Markdown: rationale, examples, fix output', async () => {
    const dir = setup();
    const r = await runCli(dir, ['rules', 'no-foo']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '# no-foo',
        '',
        'No foo',
        '',
        '- Category: content',
        '- Severity: error (recommended), error (strict)',
        '- Fixable: yes',
        '- Applies to: selfhelp, learn, fragment',
        '',
        '## Rationale',
        '',
        'Test rule.',
        '',
        '## Incorrect',
        '',
        '```md',
        '# T',
        '',
        'foo',
        '```',
        '',
        'Findings:',
        '',
        '- 3:1 Unexpected foo.',
        '',
        'After `--fix`:',
        '',
        '```md',
        '# T',
        '',
        'bar',
        '```',
        '',
        '## Correct',
        '',
        '```md',
        '# T',
        '',
        'bar',
        '```',
        '',
      ].join('\n'),
    });
  });

  it('an unknown rule is a usage error with a suggestion', async () => {
    const dir = setup();
    expect(await runCli(dir, ['rules', 'no-fo'])).toEqual({ code: 2, stdout: '', stderr: 'selfhelp: unknown rule "no-fo" (did you mean "no-foo"?); run `selfhelp rules` for the list\n' });
  });

  it('--json gives the metadata', async () => {
    const dir = setup();
    const r = await runCli(dir, ['rules', 'needs-title', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'needs-title', severity: 'warning', fixable: false });
  });
});
