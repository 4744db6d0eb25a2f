// Markdown (mdast) to sanitized HTML with the unified pipeline:
//   remark-rehype (raw HTML kept as `raw` nodes) -> rehype-raw (only when there is raw HTML)
//   -> lower-case URL schemes -> rehype-sanitize (SANITIZE_SCHEMA) -> portal markup -> rehype-stringify.
// The portal markup step runs after sanitizing, on trusted output only: it turns the action links
// (`data-blade:`, `button-data-blade:`, `button-data-context:`) into data attributes and gives
// headings their anchor ids. The HTML is then split into sections at the top-level headings.
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import GithubSlugger from 'github-slugger';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { ACTION_PROTOCOLS, ACTION_VALUE, SANITIZE_SCHEMA } from './sanitize-schema.js';

export interface SectionHeading {
  depth: number;
  /** Plain text of the heading. */
  text: string;
  /** The heading's `id` (anchor slug). */
  id: string;
}

/**
 * A part of the body: a top-level heading and everything up to the next one. The section's HTML
 * is `html.slice(start, end)` of the article's `html` (UTF-16 offsets, as JavaScript strings
 * index); consecutive sections tile the body, so the HTML is stored once.
 */
export interface Section {
  /** The heading that opens the section; null for content before the first heading. */
  heading: SectionHeading | null;
  start: number;
  end: number;
}

export interface RenderedBody {
  html: string;
  sections: Section[];
}

const BREAK = /^<br\s*\/?>$/i;

/** Turns raw `<br>` nodes (the most common raw HTML by far) into elements; true when other raw HTML is left. */
function settleRaw(node: HastNodes): boolean {
  if (!('children' in node)) return false;
  let left = false;
  const children = node.children as HastNodes[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === ('raw' as string)) {
      if (BREAK.test((child as unknown as { value: string }).value)) children[i] = { type: 'element', tagName: 'br', properties: {}, children: [] };
      else left = true;
    } else if (settleRaw(child)) left = true;
  }
  return left;
}

/** rehype-raw, skipped when the tree holds no raw HTML but `<br>` (most articles): parse5 is the slowest step. */
const rawWhenNeeded: Plugin<[], HastRoot> = function () {
  const transform = (rehypeRaw as unknown as (this: unknown) => (tree: HastRoot, file: unknown) => HastRoot).call(this);
  return (tree, file) => (settleRaw(tree) ? transform(tree, file) : tree);
};

const URL_PROPS = ['href', 'src', 'poster', 'cite'] as const;

function visitElements(node: HastNodes, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child as HastNodes, visit);
}

/** `HTTPS://x` and `Data-Blade:x` mean what their lower-case forms mean; the allowlist compares exactly. */
const lowerCaseSchemes: Plugin<[], HastRoot> = () => (tree) => {
  visitElements(tree, (element) => {
    for (const prop of URL_PROPS) {
      const value = element.properties[prop];
      if (typeof value !== 'string') continue;
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value);
      if (scheme && scheme[1] !== scheme[1]!.toLowerCase()) element.properties[prop] = scheme[1]!.toLowerCase() + value.slice(scheme[1]!.length);
    }
  });
};

/** The data attribute each action scheme becomes: `data-blade:X` -> `data-blade="X"`. */
const ACTION_ATTRIBUTE: Record<(typeof ACTION_PROTOCOLS)[number], string> = {
  'data-blade': 'dataBlade',
  'button-data-blade': 'dataButtonBlade',
  'button-data-context': 'dataButtonContext',
};

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as HastNodes[]).map(textOf).join('') : '';
}

const HEADING = /^h[1-6]$/;


/**
 * Runs after sanitizing: action links become data attributes (no href; a value outside
 * ACTION_VALUE is dropped, leaving plain link text); headings get anchor ids.
 */
const portalMarkup: Plugin<[], HastRoot> = () => (tree) => {
  const slugger = new GithubSlugger();
  visitElements(tree, (element) => {
    if (element.tagName === 'a' && typeof element.properties.href === 'string') {
      const href = element.properties.href;
      for (const scheme of ACTION_PROTOCOLS) {
        if (href.startsWith(`${scheme}:`)) {
          delete element.properties.href;
          const value = href.slice(scheme.length + 1).trim();
          if (ACTION_VALUE.test(value)) element.properties[ACTION_ATTRIBUTE[scheme]] = value;
          break;
        }
      }
    }
    if (HEADING.test(element.tagName) && element.properties.id === undefined) {
      element.properties.id = slugger.slug(textOf(element));
    }
  });
};

const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: 'user-content-' })
  .use(rawWhenNeeded)
  .use(lowerCaseSchemes)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(portalMarkup)
  .use(rehypeStringify)
  .freeze();

/** Renders a prepared body tree (see body-tree.ts) to sanitized HTML and its sections. */
export function renderBody(tree: MdastRoot): RenderedBody {
  const hast = processor.runSync(tree) as HastRoot;
  // Group the top-level nodes: a heading opens a new group.
  const groups: { heading: Element | null; nodes: HastRootContent[] }[] = [{ heading: null, nodes: [] }];
  for (const node of hast.children) {
    if (node.type === 'element' && HEADING.test(node.tagName)) groups.push({ heading: node, nodes: [node] });
    else groups[groups.length - 1]!.nodes.push(node);
  }
  let html = '';
  const sections: Section[] = [];
  for (const group of groups) {
    const part = processor.stringify({ type: 'root', children: group.nodes as ElementContent[] });
    const start = html.length;
    html += part;
    if (group.heading === null && part.trim() === '') continue;
    sections.push({
      heading: group.heading ? { depth: Number(group.heading.tagName.slice(1)), text: textOf(group.heading).trim(), id: String(group.heading.properties.id ?? '') } : null,
      start,
      end: html.length,
    });
  }
  // A whitespace-only lead is not a section; the first section then starts after it.
  return { html, sections };
}
