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

/** The regions blanking takes: each one not empty and starting at or after the end of the one taken before (others are skipped). */
function takenRegions(regions: readonly [number, number][]): [number, number][] {
  const taken: [number, number][] = [];
  let last = 0;
  for (const [start, stop] of regions) {
    if (start < last || stop <= start) continue;
    taken.push([start, stop]);
    last = stop;
  }
  return taken;
}

/** Replaces every character of the given sorted, non-overlapping regions with a space, keeping line breaks; the text up to `end`. */
export function blankRegions(source: string, regions: readonly [number, number][], end = source.length): string {
  const taken = takenRegions(regions);
  if (taken.length === 0) return end === source.length ? source : source.slice(0, end);
  let out = '';
  let copied = 0; // end of the text written so far
  for (const [start, stop] of taken) {
    if (start >= end) break;
    out += source.slice(copied, start);
    const to = Math.min(stop, end);
    let run = start;
    for (let i = start; i < to; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) {
        out += ' '.repeat(i - run) + source[i];
        run = i + 1;
      }
    }
    out += ' '.repeat(to - run);
    copied = to;
  }
  return out + source.slice(copied, end);
}

/** A blank tail longer than this is left out of the Markdown parse. */
const BLANK_TAIL_KEPT = 256;

/**
 * The text the Markdown parser is given: the source with the regions blanked (blankRegions), without a
 * blank tail longer than 256 characters: a JSON body usually ends the file, and its blanked text is not
 * worth feeding to micromark (a third of the corpus's characters). The tail is found in the source,
 * jumping over the regions, so neither it nor its blanked copy is built or scanned. The text is a prefix
 * of the blanked source, cut at a line start: every position is unchanged.
 */
export function markdownInput(source: string, regions: readonly [number, number][]): string {
  const taken = takenRegions(regions);
  // Back over the trailing blanks of the blanked text: a region is all blank there.
  let i = source.length;
  let r = taken.length - 1;
  while (i > 0) {
    while (r >= 0 && (taken[r] as [number, number])[0] >= i) r--;
    if (r >= 0 && (taken[r] as [number, number])[1] >= i) {
      i = (taken[r] as [number, number])[0];
      r--;
      continue;
    }
    const c = source.charCodeAt(i - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i--;
  }
  // Then to the start of the next line (line breaks are kept in the blanked text).
  let cut = source.length;
  for (; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      cut = i + 1;
      break;
    }
    if (c === 13) {
      cut = source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      break;
    }
  }
  return blankRegions(source, taken, cut < source.length - BLANK_TAIL_KEPT ? cut : source.length);
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
