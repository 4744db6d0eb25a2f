// Edge cases of replacement-tokens and replacement-token-types.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { fix, lines, messages, ranges, ruleById, selfhelp } from './helpers.js';

describe('replacement-tokens', () => {
  const rule = ruleById('replacement-tokens');

  it('reports names that are not identifiers, whether or not the parser took them for tokens', () => {
    const source = selfhelp('diagnostics', '# T', '', 'A <!--$my name-->x<!--/$my name--> B <!--$vm.name-->v<!--/$vm.name--> C <!--$1st-->1<!--/$1st-->');
    expect(ranges(rule, source)).toEqual([
      '7:3-7:18 Replacement token name "my name" is not an identifier (letters, digits and _, not starting with a digit)',
      '7:19-7:35 Replacement token name "my name" is not an identifier (letters, digits and _, not starting with a digit)',
      '7:38-7:53 Replacement token name "vm.name" is not an identifier (letters, digits and _, not starting with a digit)',
      '7:54-7:70 Replacement token name "vm.name" is not an identifier (letters, digits and _, not starting with a digit)',
      '7:73-7:84 Replacement token name "1st" is not an identifier (letters, digits and _, not starting with a digit)',
      '7:85-7:97 Replacement token name "1st" is not an identifier (letters, digits and _, not starting with a digit)',
    ]);
  });

  it('fixes blanks inside markers and a closing name that differs in case', () => {
    const source = selfhelp('rca', '# T', '', '<!-- / $Vm -->', 'x <!--$Vm -->name<!--/ $vm-->');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:15 Write the token marker as <!--/$Vm-->',
      '8:3-8:14 Write the token marker as <!--$Vm-->',
      '8:18-8:30 Write the token marker as <!--/$vm-->',
      '8:18-8:30 Closing marker "/$vm" does not match the opening "$Vm" (line 8)',
    ]);
    // The stray closing marker on line 7 has no opening one (a parse diagnostic); its blanks are fixed all the same.
    expect(fix(rule, source)).toBe(selfhelp('rca', '# T', '', '<!--/$Vm-->', 'x <!--$Vm-->name<!--/$Vm-->'));
  });

  it('leaves unbalanced and mismatched names to the parser\'s diagnostics', () => {
    const source = selfhelp('rca', '# T', '', '<!--$a-->x<!--/$b--> <!--$c-->y');
    expect(ranges(rule, source)).toEqual([]);
    const codes = parseArticle(source).diagnostics.map((d) => d.code);
    expect(codes).toContain('token-mismatched');
    expect(codes).toContain('token-unclosed');
  });

  it('reports different defaults, spellings and empty defaults at the later token', () => {
    const source = selfhelp(
      'diagnostics',
      '# T',
      '',
      '<!--$vm-->VM<!--/$vm--> and <!--$vm--> VM <!--/$vm--> (same after trimming)',
      '<!--$vm-->the VM<!--/$vm-->',
      '<!--$VM-->VM<!--/$VM-->',
      '<!--$zone--><!--/$zone-->',
    );
    expect(ranges(rule, source)).toEqual([
      '8:1-8:11 Replacement token "vm" has the default "the VM" here but "VM" on line 7',
      '9:1-9:11 Replacement token "VM" is spelled "vm" on line 7',
      '10:1-10:13 Replacement token "zone" has an empty default text; it shows when the value is missing',
    ]);
  });

  it('ignores markers in code and in JSON bodies', () => {
    const source = selfhelp('problemScopingQuestions', '# T', '---', '{ "a": "<!--$x y-->" }', '---', '', '`<!--$x y-->`', '', '    <!-- $z -->');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('reads markers inside HTML blocks and links', () => {
    const source = selfhelp('diagnostics', '# T', '', '<div><!--$a-->a<!--/$A--></div>', '', '[<!-- $b -->b<!--/$b-->](https://a.example)');
    expect(messages(rule, source)).toEqual([
      '7:16 Closing marker "/$A" does not match the opening "$a" (line 7)',
      '9:2 Write the token marker as <!--$b-->',
    ]);
  });
});

describe('replacement-token-types', () => {
  const rule = ruleById('replacement-token-types');

  it('reports every token of other types at its opening marker', () => {
    const source = selfhelp('TSG_Content', '# T', '', 'A <!--$x-->x<!--/$x--> and <!--$y-->y<!--/$y-->');
    expect(ranges(rule, source)).toEqual([
      '7:3-7:12 Replacement token "x" is not replaced in TSG_Content articles (only in diagnostics, rca and servicehealthinsights)',
      '7:28-7:37 Replacement token "y" is not replaced in TSG_Content articles (only in diagnostics, rca and servicehealthinsights)',
    ]);
  });

  it('accepts the listed types, honours the option and skips articles without a type', () => {
    const body = ['# T', '', '<!--$x-->x<!--/$x-->'];
    expect(ranges(rule, selfhelp('ServiceHealthInsights', ...body))).toEqual([]);
    expect(ranges(rule, selfhelp('generic', ...body), { options: { types: ['generic'] } })).toEqual([]);
    expect(ranges(rule, lines('<properties pageTitle="x" />', ...body))).toEqual([]);
  });
});
