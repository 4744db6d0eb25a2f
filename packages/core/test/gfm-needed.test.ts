// The plain CommonMark parse is used only when GFM could not change the tree: checked on every GFM
// construct, on random mixes of them, and (when present) on the whole corpus.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { mayUseGfmBlocks, mayUseGfmInText } from '../src/gfm-needed.js';

const mayUseGfm = (text: string) => mayUseGfmBlocks(text) || mayUseGfmInText(plain.parse(text));

const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
const plain = unified().use(remarkParse).freeze();
const same = (text: string) => JSON.stringify(gfm.parse(text)) === JSON.stringify(plain.parse(text));

describe('mayUseGfmBlocks / mayUseGfmInText', () => {
  const gfmTexts: Record<string, string> = {
    table: '| a | b |\n| --- | :-: |\n| 1 | 2 |\n',
    'one-column table': '| a |\n| - |\n',
    'table without outer pipes': 'a | b\n--- | ---\n',
    strikethrough: 'this is ~~gone~~ now\n',
    'single tilde': 'this is ~gone~ now\n',
    footnote: 'text[^1]\n\n[^1]: note\n',
    'task list': '- [ ] todo\n- [x] done\n',
    'literal https': 'see https://example.com/a for more\n',
    'literal in parentheses': 'the site (https://example.com) is up\n',
    'quoted literal': 'open "https://example.com" now\n',
    'literal www': 'see www.example.com today\n',
    'literal email': 'write to someone@example.com please\n',
    'literal after emphasis': '*https://example.com*\n',
  };
  for (const [name, text] of Object.entries(gfmTexts)) {
    it(`says yes for a ${name}`, () => {
      expect(same(text), `${name}: GFM changes this tree`).toBe(false);
      expect(mayUseGfm(text)).toBe(true);
    });
  }

  const plainTexts: Record<string, string> = {
    'inline link': 'see [the docs](https://learn.microsoft.com/azure/) now\n',
    'html attribute': '<a href="https://example.com">x</a>\n',
    'setext heading and JSON fences': 'Title\n---\n\n---\n{ "a": 1 }\n---\n',
    'reference link': '[docs][d]\n\n[d]: <https://example.com>\n',
    'blade link': '[open](data-blade:Microsoft_Azure_Compute.VmBlade)\n',
  };
  for (const [name, text] of Object.entries(plainTexts)) {
    it(`says no for this ${name} (and the trees agree)`, () => {
      expect(mayUseGfm(text)).toBe(false);
      expect(same(text)).toBe(true);
    });
  }

  it('never says no when GFM would change the tree (random mixes)', () => {
    const piece = fc.constantFrom(
      '| a |', '|---|', '--- | ---', ' - ', '~', '~~x~~', '[^1]', '[^1]: n', '- [ ] t', '* [x] t', 'https://x.io', 'www.x.io', '(https://x.io)',
      '](https://x.io)', '<https://x.io>', 'a@b.io', 'mailto:a@b.io', '"https://x.io"', '=https://x.io', 'http://x', '[t](u)', '# h', '\n', '\n\n', ' ', 'text', '*', '_', '`', '>', '1. ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        if (!mayUseGfm(text)) expect(same(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

const corpus = fileURLToPath(new URL('../../../../shared/corpus/selfhelp/articles', import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
  });

describe.skipIf(!existsSync(corpus))('mayUseGfm on the corpus', () => {
  it('every article they let skip GFM parses to the same tree without it', () => {
    let skipped = 0;
    const files = walk(corpus);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (mayUseGfm(text)) continue;
      skipped++;
      expect(same(text), file).toBe(true);
    }
    console.log(`gfm-needed: ${skipped} of ${files.length} corpus articles parse without the GFM extensions`);
    expect(skipped).toBeGreaterThan(0);
  }, 600_000);
});
if (!existsSync(corpus)) console.warn('packages/core/test/gfm-needed.test.ts: ../shared/corpus/selfhelp is absent; the corpus check is skipped');
