import { afterEach, describe, expect, it, vi } from 'vitest';
import { countMessages, REPORT_FORMATS } from '@selfhelp/lint';
import { errorsOnly, exitCode, FORMATS, parseFormat, parseMaxWarnings } from '../src/report-flags.js';

describe('report flags shared by lint and links', () => {
  afterEach(() => vi.restoreAllMocks());

  it('knows exactly the formats lint can report in', () => {
    expect(FORMATS).toEqual(REPORT_FORMATS);
    expect(parseFormat(undefined)).toBe('stylish');
    expect(parseFormat('junit')).toBe('junit');
    expect(() => parseFormat('xml')).toThrow('--format: unknown format "xml"; expected stylish, json, sarif, github or junit');
  });

  it('reads --max-warnings as a whole number from -1 up', () => {
    expect(parseMaxWarnings(undefined)).toBe(-1);
    expect(parseMaxWarnings('0')).toBe(0);
    expect(parseMaxWarnings('-1')).toBe(-1);
    for (const bad of ['-2', '1.5', 'ten', '']) expect(() => parseMaxWarnings(bad)).toThrow(`--max-warnings: expected a whole number, got "${bad}"`);
  });

  it('keeps only errors for --quiet, with the counts made again', () => {
    const result = countMessages('/a.md', [
      { ruleId: 'x', severity: 1, message: 'warn', line: 1, column: 1, endLine: 1, endColumn: 2 },
      { ruleId: 'y', severity: 2, message: 'err', line: 2, column: 1, endLine: 2, endColumn: 2 },
    ]);
    const quiet = errorsOnly(result, countMessages);
    expect(quiet.messages.map((m) => m.message)).toEqual(['err']);
    expect([quiet.errorCount, quiet.warningCount]).toEqual([1, 0]);
  });

  it('exits 1 on errors or on more warnings than --max-warnings, saying so', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const totals = { fileCount: 1, errorCount: 0, warningCount: 3, fixableErrorCount: 0, fixableWarningCount: 0 };
    expect(exitCode(totals, -1)).toBe(0);
    expect(exitCode(totals, 3)).toBe(0);
    expect(stderr).not.toHaveBeenCalled();
    expect(exitCode(totals, 2)).toBe(1);
    expect(stderr).toHaveBeenCalledWith('selfhelp found too many warnings (maximum: 2).\n');
    expect(exitCode({ ...totals, errorCount: 1 }, -1)).toBe(1);
  });
});
