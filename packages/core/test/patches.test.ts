// The patched dependencies (patches/) still parse as before: micromark combines a list of syntax
// extensions once and reuses it, so parses with different lists must never see each other's constructs.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';

const table = '| a | b |\n| - | - |\n| 1 | 2 |\n';
const types = (tree: ReturnType<typeof fromMarkdown>) => tree.children.map((n) => n.type);

describe('micromark patch: combined constructs reused per list of extensions', () => {
  it('alternating lists: each parse sees its own constructs', () => {
    const withGfm = [gfm()];
    const mdastExtensions = [gfmFromMarkdown()];
    expect(types(fromMarkdown(table))).toEqual(['paragraph']);
    expect(types(fromMarkdown(table, { extensions: withGfm, mdastExtensions }))).toEqual(['table']);
    expect(types(fromMarkdown(table))).toEqual(['paragraph']);
    expect(types(fromMarkdown(table, { extensions: withGfm, mdastExtensions }))).toEqual(['table']);
    // Another list (a new array of new objects) is combined on its own.
    expect(types(fromMarkdown(table, { extensions: [gfm()], mdastExtensions }))).toEqual(['table']);
  });

  it('a list that disables a construct does not disable it for the others', () => {
    const noIndentedCode = [{ disable: { null: ['codeIndented'] } }];
    const text = '    code\n';
    expect(types(fromMarkdown(text, { extensions: noIndentedCode }))).toEqual(['paragraph']);
    expect(types(fromMarkdown(text))).toEqual(['code']);
    expect(types(fromMarkdown(text, { extensions: [...noIndentedCode] }))).toEqual(['paragraph']);
  });
});
