// Shared helpers of the content rules: source ranges, walking the Markdown body without the
// JSON bodies, and the canonical spelling of selfHelpTypes for messages.
import { isCommentOnlyHtml, type Article, type Range } from '@selfhelp/core';
import { rangeAt, SELF_HELP_TYPES } from '@selfhelp/schema';
import type { Nodes, Parents } from 'mdast';

export { rangeAt };
/** True for an HTML node that holds only comments and white space (core's scan). */
export const isCommentOnly = isCommentOnlyHtml;

/** The range of `[start, end)` offsets in the article. */
export function range(article: Article, start: number, end: number): Range {
  return rangeAt(article.source, start, end);
}

/** Start and end offsets of an mdast node, or undefined for generated nodes without a position. */
export function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** The source range of an mdast node: its position, which is a file position (the body is parsed in place). */
export function nodeRange(article: Article, node: Nodes): Range | undefined {
  const o = offsets(node);
  if (!o) return undefined;
  // An Article built by hand may carry a tree that reaches past its source: that range is counted instead.
  if (o[1] <= article.source.length) {
    const { start, end } = node.position as NonNullable<Nodes['position']>;
    return { start: { line: start.line, column: start.column, offset: o[0] }, end: { line: end.line, column: end.column, offset: o[1] } };
  }
  return range(article, o[0], o[1]);
}

/** True when `offset` lies inside one of the article's JSON bodies (fences included). */
export function inJsonBody(article: Article, offset: number): boolean {
  return article.jsonBodies.some((body) => offset >= body.range.start.offset && offset < body.range.end.offset);
}

/**
 * Visits every node of the body in document order, parents before children, skipping nodes
 * that start inside a JSON body. `ancestors` is the path from the root (excluded) to the
 * node's parent. Return `false` to skip a node's children. Iterative: hostile nesting cannot
 * overflow the call stack.
 */
export function walk(article: Article, visitor: (node: Nodes, ancestors: readonly Parents[]) => boolean | void): void {
  const ancestors: Parents[] = [];
  const frames: { children: Nodes[]; index: number }[] = [{ children: article.tree.children, index: 0 }];
  const checkJson = article.jsonBodies.length > 0;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.index >= frame.children.length) {
      frames.pop();
      ancestors.pop();
      continue;
    }
    const node = frame.children[frame.index++]!;
    const start = node.position?.start.offset;
    if (checkJson && start !== undefined && inJsonBody(article, start)) continue;
    if (visitor(node, ancestors) === false) continue;
    if ('children' in node && node.children.length > 0) {
      ancestors.push(node);
      frames.push({ children: node.children as Nodes[], index: 0 });
    }
  }
}

/** The offset where the line holding `offset` ends (before its line break). */
export function lineEnd(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

const canonicalTypes = new Map(SELF_HELP_TYPES.map((t) => [t.toLowerCase(), t]));

/** The canonical spelling of a selfHelpType (lower case in, `problemScopingQuestions` out). */
export function typeName(lowerType: string): string {
  return canonicalTypes.get(lowerType) ?? lowerType;
}

/** The article's selfHelpType in lower case ('' when absent). */
export function selfHelpType(article: Article): string {
  return (article.selfHelpType ?? '').trim().toLowerCase();
}

/** Options schema of the rules about a construct that belongs to some selfHelpTypes: `{ types: string[] }`. */
export const TYPES_OPTION_SCHEMA = {
  type: 'object',
  properties: { types: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
};

/** The selfHelpTypes (lower case) such a rule applies to: its `types` option, else `defaults`. */
export function optionTypes(options: unknown, defaults: readonly string[]): string[] {
  return ((options as { types?: string[] } | undefined)?.types ?? defaults).map((t) => t.toLowerCase());
}

/**
 * For a rule about a construct only some selfHelpTypes use: the article's type (canonical spelling) and the
 * allowed ones as a list for the message, when the article has a type outside them; else undefined.
 */
export function typeOutside(article: Article, options: unknown, defaults: readonly string[]): { type: string; allowed: string } | undefined {
  const type = selfHelpType(article);
  if (!type) return undefined;
  const allowed = optionTypes(options, defaults);
  if (allowed.includes(type)) return undefined;
  return { type: typeName(type), allowed: listNames(allowed.map(typeName)) };
}

/** "a, b and c" */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Shortens `text` for a message: whitespace collapsed, at most `max` characters. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}


