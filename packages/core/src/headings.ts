// Headings with plain text and GitHub / Learn style anchor slugs; the first H1 is the title.
import GithubSlugger from 'github-slugger';
import { toString } from './vendor/markdown.js';
import type { LineIndex } from './line-index.js';
import type { CollectedNodes } from './markdown.js';
import type { Heading } from './types.js';

export function extractHeadings(nodes: CollectedNodes, lines: LineIndex): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  for (const node of nodes.headings) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    const text = toString(node);
    headings.push({ depth: node.depth, text, range: lines.range(s, e), slug: slugger.slug(text) });
  }
  return headings;
}
