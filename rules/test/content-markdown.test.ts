// Edge cases of list-depth, no-table and no-alert.
import { describe, expect, it } from 'vitest';
import { learn, lines, messages, ranges, ruleById, selfhelp } from './helpers.js';

describe('list-depth', () => {
  const rule = ruleById('list-depth');

  it('reports the first line of each list at the first level too deep, not the deeper ones', () => {
    const source = selfhelp('generic', '# T', '', '- a', '  - b', '    - c', '      - d', '    - c2', '', '1. x', '   1. y', '      * z', '');
    expect(ranges(rule, source)).toEqual([
      '9:5-9:8 List nested 3 levels deep; the portal shows at most 2 levels',
      '15:7-15:10 List nested 3 levels deep; the portal shows at most 2 levels',
    ]);
  });

  it('counts lists inside block quotes and honours the max option', () => {
    const source = selfhelp('generic', '# T', '', '> - a', '>   - b', '');
    expect(ranges(rule, source)).toEqual([]);
    expect(messages(rule, source, { options: { max: 1 } })).toEqual(['8:5 List nested 2 levels deep; the portal shows at most 1 level']);
  });

  it('checks fragments, not Learn articles', () => {
    const deep = ['- a', '  - b', '    - c'];
    expect(messages(rule, lines(...deep))).toEqual(['3:5 List nested 3 levels deep; the portal shows at most 2 levels']);
    expect(messages(rule, learn('# T', ...deep))).toEqual([]);
  });
});

describe('no-table', () => {
  const rule = ruleById('no-table');

  it('reports the header row of each table, also inside lists and quotes', () => {
    const source = selfhelp('rca', '# T', '', 'a | b', '--|--', '1 | 2', '', '* item', '', '  | x |', '  |---|', '', '> | y |', '> |---|');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:6 Tables are not rendered in self-help articles; use a list instead',
      '13:3-13:8 Tables are not rendered in self-help articles; use a list instead',
      '16:3-16:8 Tables are not rendered in self-help articles; use a list instead',
    ]);
  });

  it('ignores pipes that are not a table, tables in code, and fragments', () => {
    const source = selfhelp('generic', '# T', '', 'a | b without a delimiter row', '', '```', '| x |', '|---|', '```');
    expect(ranges(rule, source)).toEqual([]);
    expect(ranges(rule, lines('| x |', '|---|'))).toEqual([]);
  });
});

describe('no-alert', () => {
  const rule = ruleById('no-alert');

  it('reports every alert kind and the legacy syntax, in any case, nested too', () => {
    const source = selfhelp('generic', '# T', '', '> [!tip]', '> a', '', '> [AZURE.NOTE] b', '', '* > [!CAUTION]', '  > c', '', '> > [!IMPORTANT]');
    expect(ranges(rule, source)).toEqual([
      '7:3-7:9 Alerts like "[!tip]" are not rendered in self-help articles; write "> **Note:** ..." instead',
      '10:3-10:15 Alerts like "[AZURE.NOTE]" are not rendered in self-help articles; write "> **Note:** ..." instead',
      '12:5-12:15 Alerts like "[!CAUTION]" are not rendered in self-help articles; write "> **Note:** ..." instead',
      '15:5-15:17 Alerts like "[!IMPORTANT]" are not rendered in self-help articles; write "> **Note:** ..." instead',
    ]);
  });

  it('ignores the marker outside a block quote, later in a quote, and unknown kinds', () => {
    const source = selfhelp('generic', '# T', '', '[!NOTE] plain', '', '> Text [!NOTE]', '', '> [!INFO] x');
    expect(ranges(rule, source)).toEqual([]);
  });
});
