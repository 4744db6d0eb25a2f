import { describe, expect, it } from 'vitest';
import { parseArticle } from '@selfhelp/core';
import { lc, textAt } from './helpers.js';

describe('includes', () => {
  const source = [
    '# Page',
    '',
    '[!INCLUDE [Shared steps](../includes/shared-steps.md)]',
    '',
    'Legacy: [AZURE.INCLUDE [old](<includes/old note.md>)]',
    '',
    '    [!INCLUDE [in code](code.md)]',
    '',
    '[!include[lower](lower.md) ]',
    '',
  ].join('\n');
  const a = parseArticle(source);

  it('finds both forms with exact path ranges, not in code', () => {
    expect(a.includes.map((i) => [i.title, i.path, i.legacy, lc(i.range)])).toEqual([
      ['Shared steps', '../includes/shared-steps.md', false, '3:1-3:55'],
      ['old', 'includes/old note.md', true, '5:9-5:54'],
      ['lower', 'lower.md', false, '9:1-9:29'],
    ]);
    const first = a.includes[0]!;
    expect(first.pathRange).toEqual({ start: { line: 3, column: 26, offset: 33 }, end: { line: 3, column: 53, offset: 60 } });
    for (const inc of a.includes) expect(textAt(source, inc.pathRange)).toBe(inc.path);
    expect(a.diagnostics).toEqual([]);
  });

  it('the inner link of an include is not reported as a link', () => {
    expect(a.links).toEqual([]);
  });

  it('reports a malformed include', () => {
    const b = parseArticle('[!INCLUDE (no-title.md)]\n');
    expect(b.includes).toEqual([]);
    expect(b.diagnostics.map((d) => `${d.code} ${lc(d.range)}`)).toEqual(['include-malformed 1:1-1:10']);
  });
});
