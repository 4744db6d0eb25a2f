// The patched dependencies (patches/) still parse as before: micromark combines a list of syntax
// extensions once and reuses it, so parses with different lists must never see each other's constructs;
// micromark-util-subtokenize keeps its jumps in a Map, and must splice the same events as before; micromark
// and micromark-core-commonmark consume a run of plain characters in one step, and must end every token
// at the same line, column and offset as before.
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

// Runs of plain characters next to everything that ends or splits one: CRLF, a tab inside a line, NUL, a
// character outside the BMP, literal autolinks (whose construct looks at the character before), intraword
// `_`, a lazy blockquote line, a list item's continuation, fenced code with tabs. Trees written from the
// parser before the patch: type (+ heading depth), start and end as line:column:offset, children or value.
const RUNS = "# Reset a password ##\r\nAsk ops@contoso.example or www.contoso.example/help\there; a_b_c x1@y \u0000 end.  \r\nNext *line* with `code` and **more**\\\n> quoted text that\nruns on lazily 😀 ok\n>\tafter a tab\n\n- item one with [a link](https://contoso.example) in it\n  continued here\n\n```text\n\tfenced\tline\n```\n\nhttps://contoso.example/x?y=1. ~~gone~~ done\n";
const RUNS_PLAIN = ["root","1:1:0","16:1:340",[["heading1","1:1:0","1:22:21",[["text","1:3:2","1:19:18","Reset a password"]]],["paragraph","2:1:23","3:38:139",[["text","2:1:23","2:76:98","Ask ops@contoso.example or www.contoso.example/help\there; a_b_c x1@y � end."],["break","2:76:98","3:1:102"],["text","3:1:102","3:6:107","Next "],["emphasis","3:6:107","3:12:113",[["text","3:7:108","3:11:112","line"]]],["text","3:12:113","3:18:119"," with "],["inlineCode","3:18:119","3:24:125","code"],["text","3:24:125","3:29:130"," and "],["strong","3:29:130","3:37:138",[["text","3:31:132","3:35:136","more"]]],["text","3:37:138","3:38:139","\\"]]],["blockquote","4:1:140","6:14:193",[["paragraph","4:3:142","6:14:193",[["text","4:3:142","6:14:193","quoted text that\nruns on lazily 😀 ok\nafter a tab"]]]]],["list","8:1:195","9:17:267",[["listItem","8:1:195","9:17:267",[["paragraph","8:3:197","9:17:267",[["text","8:3:197","8:17:211","item one with "],["link","8:17:211","8:50:244",[["text","8:18:212","8:24:218","a link"]]],["text","8:50:244","9:17:267"," in it\ncontinued here"]]]]]]],["code","11:1:269","13:4:293","\tfenced\tline"],["paragraph","15:1:295","15:45:339",[["text","15:1:295","15:45:339","https://contoso.example/x?y=1. ~~gone~~ done"]]]]];
const RUNS_GFM = ["root","1:1:0","16:1:340",[["heading1","1:1:0","1:22:21",[["text","1:3:2","1:19:18","Reset a password"]]],["paragraph","2:1:23","3:38:139",[["text","2:1:23","2:5:27","Ask "],["link","2:5:27","2:24:46",[["text","2:5:27","2:24:46","ops@contoso.example"]]],["text","2:24:46","2:28:50"," or "],["link","2:28:50","2:52:74",[["text","2:28:50","2:52:74","www.contoso.example/help"]]],["text","2:52:74","2:76:98","\there; a_b_c x1@y � end."],["break","2:76:98","3:1:102"],["text","3:1:102","3:6:107","Next "],["emphasis","3:6:107","3:12:113",[["text","3:7:108","3:11:112","line"]]],["text","3:12:113","3:18:119"," with "],["inlineCode","3:18:119","3:24:125","code"],["text","3:24:125","3:29:130"," and "],["strong","3:29:130","3:37:138",[["text","3:31:132","3:35:136","more"]]],["text","3:37:138","3:38:139","\\"]]],["blockquote","4:1:140","6:14:193",[["paragraph","4:3:142","6:14:193",[["text","4:3:142","6:14:193","quoted text that\nruns on lazily 😀 ok\nafter a tab"]]]]],["list","8:1:195","9:17:267",[["listItem","8:1:195","9:17:267",[["paragraph","8:3:197","9:17:267",[["text","8:3:197","8:17:211","item one with "],["link","8:17:211","8:50:244",[["text","8:18:212","8:24:218","a link"]]],["text","8:50:244","9:17:267"," in it\ncontinued here"]]]]]]],["code","11:1:269","13:4:293","\tfenced\tline"],["paragraph","15:1:295","15:45:339",[["link","15:1:295","15:30:324",[["text","15:1:295","15:30:324","https://contoso.example/x?y=1"]]],["text","15:30:324","15:32:326",". "],["delete","15:32:326","15:40:334",[["text","15:34:328","15:38:332","gone"]]],["text","15:40:334","15:45:339"," done"]]]]];
type Placed = (string | Placed[])[];
function placed(n: { type: string; depth?: number; position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }; children?: unknown[]; value?: string }): Placed {
  const at = (p: { line: number; column: number; offset?: number }) => `${p.line}:${p.column}:${p.offset}`;
  const rest = n.children ? [(n.children as Parameters<typeof placed>[0][]).map(placed)] : n.value !== undefined ? [n.value] : [];
  return [n.type + (n.depth ?? ''), at(n.position!.start), at(n.position!.end), ...(rest as Placed)];
}

describe('micromark patches: runs of characters consumed in one step', () => {
  it('the same tree, positions included, as the unpatched parser: CommonMark', () => {
    expect(placed(fromMarkdown(RUNS))).toEqual(RUNS_PLAIN);
  });

  it('the same tree, positions included, as the unpatched parser: GFM', () => {
    expect(placed(fromMarkdown(RUNS, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }))).toEqual(RUNS_GFM);
  });

  it('is installed: the tokenizer offers the run effects to constructs', () => {
    const seen: string[] = [];
    const probe = {
      flow: {
        null: {
          name: 'probe',
          tokenize(effects: Record<string, unknown>, _ok: unknown, nok: (code: number | null) => unknown) {
            seen.push(typeof effects._consumeRest, typeof effects._consumeWhile);
            return nok;
          },
        },
      },
    };
    expect(types(fromMarkdown('x\n', { extensions: [probe as never] }))).toEqual(['paragraph']);
    expect(seen.slice(0, 2)).toEqual(['function', 'function']);
  });
});
