// Maps a JSON instance path back to the position-keeping JSON tree of a body.
import type { JsonNode, Range } from '@selfhelp/core';
import { pathSegments } from './errors.js';

/** The node at `segments`; object members match exactly first, then case-insensitively (last one wins). */
export function jsonNodeAt(root: JsonNode, segments: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.type === 'object') {
      const members: typeof node.members = node.members;
      let found = [...members].reverse().find((m) => m.name === segment);
      found ??= [...members].reverse().find((m) => m.name.toLowerCase() === segment.toLowerCase());
      node = found?.value;
    } else if (node.type === 'array') {
      node = node.elements[Number(segment)];
    } else return undefined;
  }
  return node;
}

/** Range for a node: scalars whole; objects and arrays their opening bracket (a whole form would swamp the editor). */
export function nodeRange(node: JsonNode): Range {
  if (node.type !== 'object' && node.type !== 'array') return node.range;
  const start = node.range.start;
  return { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } };
}

/** The range of the deepest existing node along an instance path. */
export function locateJson(root: JsonNode, instancePath: string): Range {
  const segments = pathSegments(instancePath);
  for (let n = segments.length; n >= 0; n--) {
    const node = jsonNodeAt(root, segments.slice(0, n));
    if (node) return nodeRange(node);
  }
  return nodeRange(root);
}

/** `formElements[2].controlType` for `/formElements/2/controlType`. */
export function jsonFieldName(instancePath: string): string {
  let out = '';
  for (const segment of pathSegments(instancePath)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(body)';
}
