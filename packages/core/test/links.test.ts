import { describe, expect, it } from 'vitest';
import { classifyHref, parseArticle } from '@selfhelp/core';
import { assertRangesValid, lc, textAt } from './helpers.js';

const page = [
  '# Links',
  '',
  'See [the docs](https://learn.microsoft.com/azure/storage/ "Storage") and ![diagram](media/flow.png).',
  'Open [the blade](data-blade:Microsoft_Azure_Support.HelpBlade) or [a wiki](https://example.com/a_(b)).',
  'Mail <ops@example.com> or [us](mailto:ops@example.com), jump to [steps](#recommended-steps).',
  'Angle [dest](<some file.md>), ref [docs][ref], literal https://azure.microsoft.com/status.',
  'Typo [bad](ttps://learn.microsoft.com) and [Windows] (../vm/windows.md) and [empty]().',
  '',
  '<a href="https://portal.azure.com/">the <b>portal</b></a> <img src="media/x.png" alt="X">',
  '',
  '[ref]: https://learn.microsoft.com/azure/ "Azure"',
  '',
].join('\n');

describe('links', () => {
  const a = parseArticle(page);

  it('finds every link and image in source order with kind, href and text', () => {
    expect(a.links.map((l) => [l.kind, l.href, l.text, l.image, l.origin])).toEqual([
      ['https', 'https://learn.microsoft.com/azure/storage/', 'the docs', false, 'markdown'],
      ['relative', 'media/flow.png', 'diagram', true, 'markdown'],
      ['data-blade', 'data-blade:Microsoft_Azure_Support.HelpBlade', 'the blade', false, 'markdown'],
      ['https', 'https://example.com/a_(b)', 'a wiki', false, 'markdown'],
      ['mailto', 'ops@example.com', 'ops@example.com', false, 'markdown'],
      ['mailto', 'mailto:ops@example.com', 'us', false, 'markdown'],
      ['anchor', '#recommended-steps', 'steps', false, 'markdown'],
      ['relative', 'some file.md', 'dest', false, 'markdown'],
      ['https', 'https://learn.microsoft.com/azure/', 'docs', false, 'reference'],
      ['https', 'https://azure.microsoft.com/status', 'https://azure.microsoft.com/status', false, 'markdown'],
      ['malformed', 'ttps://learn.microsoft.com', 'bad', false, 'markdown'],
      ['malformed', '../vm/windows.md', 'Windows', false, 'markdown'],
      ['empty', '', 'empty', false, 'markdown'],
      ['https', 'https://portal.azure.com/', 'the portal', false, 'html'],
      ['relative', 'media/x.png', 'X', true, 'html'],
    ]);
  });

  it('gives exact ranges and destination ranges', () => {
    const first = a.links[0]!;
    expect(first.range).toEqual({ start: { line: 3, column: 5, offset: 13 }, end: { line: 3, column: 69, offset: 77 } });
    expect(first.hrefRange).toEqual({ start: { line: 3, column: 16, offset: 24 }, end: { line: 3, column: 58, offset: 66 } });
    const image = a.links[1]!;
    expect(textAt(page, image.range)).toBe('![diagram](media/flow.png)');
    const ref = a.links[8]!;
    expect(lc(ref.range)).toBe('6:35-6:46');
    expect(lc(ref.hrefRange!)).toBe('11:8-11:42');
    const spaced = a.links[11]!;
    expect(spaced.problem).toBe('space-before-paren');
    expect(textAt(page, spaced.range)).toBe('[Windows] (../vm/windows.md)');
    expect(lc(spaced.hrefRange!)).toBe('7:55-7:71');
    expect(a.links[10]!.problem).toBe('misspelt-scheme');
    const html = a.links[13]!;
    expect(textAt(page, html.range)).toBe('<a href="https://portal.azure.com/">the <b>portal</b></a>');
    expect(lc(html.hrefRange!)).toBe('9:10-9:35');
  });

  it('destination ranges round-trip', () => {
    for (const link of a.links) {
      if (link.hrefRange && textAt(page, link.range)[0] !== 'h') expect(textAt(page, link.hrefRange)).toBe(link.href);
    }
    assertRangesValid(a);
  });

  it('ignores links in code', () => {
    const b = parseArticle('`[x](y.md)`\n\n```\n[a](b.md) <a href="c">\n```\n');
    expect(b.links).toEqual([]);
  });
});

describe('classifyHref', () => {
  it.each([
    ['https://learn.microsoft.com', 'https', undefined],
    ['HTTP://example.com', 'http', undefined],
    ['#anchor', 'anchor', undefined],
    ['../a.md', 'relative', undefined],
    ['', 'empty', undefined],
    ['   ', 'empty', undefined],
    ['data-blade:Extension.Blade', 'data-blade', undefined],
    ['button-data-blade:Extension.Blade', 'button-data-blade', undefined],
    ['button-data-context:ctx', 'button-data-context', undefined],
    ['mailto:a@b.c', 'mailto', undefined],
    ['ftp://files.example.com', 'other-scheme', undefined],
    ['tel:+123', 'other-scheme', undefined],
    ['ttps://x', 'malformed', 'misspelt-scheme'],
    ['htps://x', 'malformed', 'misspelt-scheme'],
    ['httpss://x', 'malformed', 'misspelt-scheme'],
    ['datablade:Ext.Blade', 'malformed', 'misspelt-scheme'],
    ['https:/x', 'malformed', 'missing-slashes'],
    ['https//x', 'malformed', 'missing-colon'],
    ['www.example.com', 'malformed', 'missing-scheme'],
  ])('%s -> %s', (href, kind, problem) => {
    expect(classifyHref(href)).toEqual(problem ? { kind, problem } : { kind });
  });
});
