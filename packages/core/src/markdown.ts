// The Markdown body: one remark-parse parse (unified; GFM's extensions added only when needed) of the file with the metadata block and JSON bodies blanked out (same length,
// line breaks kept), so mdast positions are file positions without any shifting.
import type { Nodes, Root } from 'mdast';
import type { Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import { remarkParse, unified } from './vendor/markdown.js';

import { mayUseGfmBlocks, mayUseGfmInText } from './gfm-needed.js';
import { canRequireEsm, requireDependency } from './lazy-require.js';

type GfmExtensions = Required<Pick<FromMarkdownOptions, 'extensions' | 'mdastExtensions'>>;

type VendorGfm = typeof import('./vendor/gfm.js');

function gfmExtensions(vendor: VendorGfm): GfmExtensions {
  // What remark-gfm registers (without its to-markdown half, which parsing never uses).
  return { extensions: [vendor.gfm()], mdastExtensions: vendor.gfmFromMarkdown() };
}

// Without require(esm) the GFM modules cannot be loaded on first use: import them at start-up.
let gfm: GfmExtensions | undefined = canRequireEsm ? undefined : gfmExtensions(await import('./vendor/gfm.js'));

/** The bundled GFM module beside this one (dist); from the TypeScript sources, the packages themselves. */
function requireGfm(): VendorGfm {
  try {
    return requireDependency('./vendor/gfm.js') as VendorGfm;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return { ...(requireDependency('micromark-extension-gfm') as object), ...(requireDependency('mdast-util-gfm') as object) } as VendorGfm;
  }
}

/** The GFM syntax and tree extensions, loaded on the first body that may use GFM (about 1 article in 10). */
function loadGfm(): GfmExtensions {
  gfm ??= gfmExtensions(requireGfm());
  return gfm;
}

/** Replaces every character of the given sorted, non-overlapping regions with a space, keeping line breaks. */
export function blankRegions(source: string, regions: readonly [number, number][]): string {
  if (regions.length === 0) return source;
  let out = '';
  let last = 0;
  for (const [start, end] of regions) {
    if (start < last || end <= start) continue;
    out += source.slice(last, start);
    let run = start;
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) {
        out += ' '.repeat(i - run) + source[i];
        run = i + 1;
      }
    }
    out += ' '.repeat(end - run);
    last = end;
  }
  return out + source.slice(last);
}

const plainProcessor = unified().use(remarkParse).freeze();
let gfmProcessor: Processor | undefined;

/** remark-parse with GFM's syntax and tree extensions registered the way remark-gfm registers them. */
function gfmParser(): Processor {
  if (!gfmProcessor) {
    const { extensions, mdastExtensions } = loadGfm();
    gfmProcessor = unified()
      .use(remarkParse)
      .use(function addGfm(this: Processor) {
        const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
        (data.micromarkExtensions ??= []).push(...(extensions ?? []));
        (data.fromMarkdownExtensions ??= []).push(...(mdastExtensions ?? []));
      })
      .freeze() as unknown as Processor;
  }
  return gfmProcessor;
}

/** CommonMark + GFM. The GFM extensions run only when the text may use them: the tree is the same either way. */
export function parseMarkdown(text: string): Root {
  if (mayUseGfmBlocks(text)) return gfmParser().parse(text) as Root;
  const plain = plainProcessor.parse(text) as Root;
  return mayUseGfmInText(plain) ? (gfmParser().parse(text) as Root) : plain;
}

export function emptyRoot(length: number): Root {
  return {
    type: 'root',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: length > 0 ? 0 : 0 } },
  };
}

/** The nodes a parse needs, gathered in one iterative walk (deep trees cannot overflow the stack). */
export interface CollectedNodes {
  headings: Extract<Nodes, { type: 'heading' }>[];
  links: Extract<Nodes, { type: 'link' | 'image' | 'linkReference' | 'imageReference' }>[];
  definitions: Extract<Nodes, { type: 'definition' }>[];
  html: Extract<Nodes, { type: 'html' }>[];
  text: Extract<Nodes, { type: 'text' }>[];
  /** [start, end) offsets of code (fenced, indented, inline), where markers and includes do not count. */
  code: [number, number][];
}

export function collectNodes(root: Root): CollectedNodes {
  const out: CollectedNodes = { headings: [], links: [], definitions: [], html: [], text: [], code: [] };
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case 'heading':
        out.headings.push(node);
        break;
      case 'link':
      case 'image':
      case 'linkReference':
      case 'imageReference':
        out.links.push(node);
        break;
      case 'definition':
        out.definitions.push(node);
        break;
      case 'html':
        out.html.push(node);
        break;
      case 'text':
        out.text.push(node);
        break;
      case 'code':
      case 'inlineCode':
        if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
          out.code.push([node.position.start.offset, node.position.end.offset]);
        }
        break;
      default:
        break;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
    }
  }
  out.code.sort((a, b) => a[0] - b[0]);
  return out;
}
