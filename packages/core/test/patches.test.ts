// The patched dependencies (patches/) still parse as before: micromark combines a list of syntax
// extensions once and reuses it, so parses with different lists must never see each other's constructs;
// micromark-util-subtokenize keeps its jumps in a Map, and must splice the same events as before.
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

// The tree of a document with content inside nested containers (lazy lines, blank lines inside items, a
// blockquote inside a list item, GFM task items): node types (+ for a spread item, [x] / [ ] for a task),
// start and end offsets, children or value. Written from the parser before the subtokenize patch.
const NESTED = '> - a\n>   b\n>\n>   c\n> - [x] d\n>\n> e *f*\n\n1. x\n\n   y\n   z\n\n   > q\n   r\n\n- \n  s\n- [ ] t\n';
const NESTED_TREE = ["root",0,86,[["blockquote",0,39,[["list",2,31,[["listItem+",2,19,[["paragraph",4,11,[["text",4,11,"a\nb"]]],["paragraph",18,19,[["text",18,19,"c"]]]]],["listItem[x]",22,29,[["paragraph",28,29,[["text",28,29,"d"]]]]]]],["paragraph",34,39,[["text",34,36,"e "],["emphasis",36,39,[["text",37,38,"f"]]]]]]],["list",41,69,[["listItem+",41,69,[["paragraph",44,45,[["text",44,45,"x"]]],["paragraph",50,56,[["text",50,56,"y\nz"]]],["blockquote",61,69,[["paragraph",63,69,[["text",63,69,"q\nr"]]]]]]]]],["list",71,85,[["listItem",71,77,[["paragraph",76,77,[["text",76,77,"s"]]]]],["listItem[ ]",78,85,[["paragraph",84,85,[["text",84,85,"t"]]]]]]]]];

type Compact = (string | number | Compact[])[];
function compact(n: { type: string; checked?: boolean | null; spread?: boolean | null; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[]; value?: string }): Compact {
  const name = n.type + (n.checked != null ? (n.checked ? '[x]' : '[ ]') : '') + (n.spread ? '+' : '');
  const rest = n.children ? [(n.children as Parameters<typeof compact>[0][]).map(compact)] : n.value !== undefined ? [n.value] : [];
  return [name, n.position!.start.offset!, n.position!.end.offset!, ...(rest as Compact)];
}

describe('micromark-util-subtokenize patch: jumps in a Map', () => {
  it('content inside nested containers: the same tree, positions included, as the unpatched parser', () => {
    expect(compact(fromMarkdown(NESTED, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }))).toEqual(NESTED_TREE);
  });
});
