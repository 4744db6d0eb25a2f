import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countMessages, createReporter, summarizeResults, type LintResult, type ReportFormat } from '@selfhelp/lint';
import { needsTitle, noFoo } from './helpers.js';

const cwd = '/repo';
const results: LintResult[] = [
  countMessages('/repo/articles/a.md', [
    { ruleId: 'no-foo', severity: 2, message: 'Unexpected foo.', line: 3, column: 10, endLine: 3, endColumn: 13, fix: { range: [40, 43], text: 'bar' } },
    { ruleId: 'needs-title', severity: 1, message: 'No H1 at all', line: 12, column: 1, endLine: 14, endColumn: 1 },
  ]),
  countMessages('/repo/articles/clean.md', []),
  countMessages('/repo/articles/odd, name: 100%.md', [
    { ruleId: 'needs-title', severity: 1, message: 'Line one\nline two: <b> & "quotes" 50%', line: 1, column: 1, endLine: 1, endColumn: 5 },
  ]),
  countMessages('/elsewhere/x.md', [{ ruleId: null, severity: 2, message: 'Cannot read file /elsewhere/x.md.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }]),
];

function render(format: ReportFormat, options: Parameters<typeof createReporter>[1] = {}): string {
  const reporter = createReporter(format, { cwd, rules: [needsTitle.meta, noFoo.meta], toolVersion: '9.9.9', ruleUrl: (id) => `https://example.test/rules#${id}`, ...options });
  let out = reporter.begin();
  for (const r of results) out += reporter.file(r);
  return out + reporter.end(summarizeResults(results));
}

describe('reporters', () => {
  it('stylish: ESLint layout, no color unless asked', () => {
    expect(render('stylish')).toBe(
      [
        '',
        '/repo/articles/a.md',
        '   3:10  error    Unexpected foo  no-foo',
        '  12:1   warning  No H1 at all    needs-title',
        '',
        '/repo/articles/odd, name: 100%.md',
        '  1:1  warning  Line one',
        'line two: <b> & "quotes" 50%  needs-title',
        '',
        '/elsewhere/x.md',
        '  1:1  error  Cannot read file /elsewhere/x.md',
        '',
        '\u2716 4 problems (2 errors, 2 warnings)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    );
    const colored = render('stylish', { color: true });
    expect(colored).toContain('\u001b[4m/repo/articles/a.md\u001b[24m');
    expect(colored).toContain('\u001b[31merror\u001b[39m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(render('stylish'));
  });

  it('stylish prints nothing for a clean run', () => {
    const reporter = createReporter('stylish', { cwd });
    expect(reporter.begin() + reporter.file(countMessages('/repo/a.md', [])) + reporter.end(summarizeResults([]))).toBe('');
  });

  it("json: ESLint's formatter shape, every file, streamed", () => {
    const text = render('json');
    expect(text.endsWith(']\n')).toBe(true);
    const parsed = JSON.parse(text) as LintResult[];
    expect(parsed).toEqual(results);
    expect(Object.keys(parsed[0]!)).toEqual(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
    expect(Object.keys(parsed[0]!.messages[0]!)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix']);
    const empty = createReporter('json');
    expect(empty.begin() + empty.end(summarizeResults([]))).toBe('[]\n');
  });

  it('github: workflow commands with escaped data and properties', () => {
    expect(render('github')).toBe(
      [
        '::error file=articles/a.md,line=3,col=10,endLine=3,endColumn=13,title=no-foo::Unexpected foo.',
        '::warning file=articles/a.md,line=12,col=1,endLine=14,endColumn=1,title=needs-title::No H1 at all',
        '::warning file=articles/odd%2C name%3A 100%25.md,line=1,col=1,endLine=1,endColumn=5,title=needs-title::Line one%0Aline two: <b> & "quotes" 50%25',
        '::error file=/elsewhere/x.md,line=1,col=1,endLine=1,endColumn=1,title=selfhelp::Cannot read file /elsewhere/x.md.',
        '',
      ].join('\n'),
    );
  });

  it('junit: one testsuite per file, escaped XML', () => {
    expect(render('junit')).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites>',
        '<testsuite package="selfhelp" time="0" tests="2" failures="2" errors="0" name="articles/a.md">',
        '<testcase time="0" name="selfhelp.no-foo" classname="articles/a"><failure message="Unexpected foo." type="error">line 3, col 10, Error - Unexpected foo. (no-foo)</failure></testcase>',
        '<testcase time="0" name="selfhelp.needs-title" classname="articles/a"><failure message="No H1 at all" type="warning">line 12, col 1, Warning - No H1 at all (needs-title)</failure></testcase>',
        '</testsuite>',
        '<testsuite package="selfhelp" time="0" tests="1" failures="0" errors="0" name="articles/clean.md">',
        '<testcase time="0" name="articles/clean.md" classname="articles/clean" />',
        '</testsuite>',
        '<testsuite package="selfhelp" time="0" tests="1" failures="1" errors="0" name="articles/odd, name: 100%.md">',
        '<testcase time="0" name="selfhelp.needs-title" classname="articles/odd, name: 100%"><failure message="Line one\nline two: &lt;b&gt; &amp; &quot;quotes&quot; 50%" type="warning">line 1, col 1, Warning - Line one\nline two: &lt;b&gt; &amp; &quot;quotes&quot; 50% (needs-title)</failure></testcase>',
        '</testsuite>',
        '<testsuite package="selfhelp" time="0" tests="1" failures="1" errors="0" name="/elsewhere/x.md">',
        '<testcase time="0" name="selfhelp.fatal" classname="/elsewhere/x"><failure message="Cannot read file /elsewhere/x.md." type="error">line 1, col 1, Error - Cannot read file /elsewhere/x.md. (fatal)</failure></testcase>',
        '</testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('junit replaces characters XML cannot hold', () => {
    const reporter = createReporter('junit', { cwd });
    const out = reporter.file(countMessages('/repo/a.md', [{ ruleId: 'x', severity: 2, message: 'bell\u0007 and \uD800 lone', line: 1, column: 1, endLine: 1, endColumn: 1 }]));
    expect(out).toContain('message="bell\uFFFD and \uFFFD lone"');
  });

  it('sarif: SARIF 2.1.0 with rule metadata, valid against the official schema', () => {
    const text = render('sarif');
    const log = JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] };
    const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    // ajv-draft-04 (the official SARIF 2.1.0 schema is draft-04), loaded as CommonJS: its module.exports is the class.
    type Validator = ((data: unknown) => boolean) & { errors?: unknown };
    const AjvDraft04 = createRequire(import.meta.url)('ajv-draft-04') as new (options: object) => { compile(schema: object): Validator };
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false); // the schema does reject: no tool
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['needs-title', 'no-foo', 'fatal']);
    expect(log.runs[0]!.results[0]).toEqual({
      ruleId: 'no-foo',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'Unexpected foo.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'articles/a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 13 } } }],
    });
    expect(log.runs[0]!.results[2]).toMatchObject({ locations: [{ physicalLocation: { artifactLocation: { uri: 'articles/odd%2C%20name%3A%20100%25.md' } } }] });
    expect(log.runs[0]!.results[3]).toMatchObject({ ruleId: 'fatal', ruleIndex: 2, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/x.md' } } }] });
    // An empty run is valid too.
    const empty = createReporter('sarif', { cwd });
    const emptyLog = JSON.parse(empty.begin() + empty.end(summarizeResults([]))) as object;
    expect(validate(emptyLog), JSON.stringify(validate.errors)).toBe(true);
  });
});
