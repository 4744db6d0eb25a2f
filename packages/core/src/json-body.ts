// JSON documents between `---` fences in the body (problemScopingQuestions forms,
// supportTopicDescription, advisor metadata, ...), parsed with momoa to keep locations.
import { parse as parseJson, type ValueNode } from '@humanwhocodes/momoa';
import type { DiagnosticSink } from './diagnostics.js';
import type { LineIndex } from './line-index.js';
import type { JsonBody, JsonMember, JsonNode } from './types.js';
import { defineData } from './safe-data.js';

/** Deeper JSON is refused before parsing (the parser and the tree walk recurse). */
export const MAX_JSON_DEPTH = 256;

export interface JsonFence {
  start: number;
  contentStart: number;
  contentEnd: number;
  /** After the closing fence's dashes (the file's end when unclosed). */
  end: number;
  closed: boolean;
}

function lineEndAt(source: string, start: number): number {
  let e = start;
  while (e < source.length) {
    const c = source.charCodeAt(e);
    if (c === 10 || c === 13) break;
    e++;
  }
  return e;
}

/** A fence line: up to 3 spaces, 3 or more `-`, trailing blanks. Returns the end of the dashes or -1. */
function fenceEnd(source: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && source.charCodeAt(i) === 32) i++;
  const dashes = i;
  while (i < end && source.charCodeAt(i) === 45) i++;
  if (i - dashes < 3) return -1;
  const dashesEnd = i;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i === end ? dashesEnd : -1;
}

function isBlank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True when the text at `i` opens a JSON value: `{`, or `[` followed by something only JSON has there. */
function opensJson(source: string, i: number, end: number): boolean {
  const c = source.charCodeAt(i);
  if (c === 123) return true;
  if (c !== 91) return false;
  let j = i + 1;
  while (j < end && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
  if (j >= end) return true;
  const d = source.charCodeAt(j);
  return d === 123 || d === 91 || d === 34 || d === 93 || d === 45 || (d >= 48 && d <= 57);
}

/** Finds fenced JSON bodies from `from` on, line by line (linear). */
export function findJsonFences(source: string, from: number, lines: LineIndex): JsonFence[] {
  const fences: JsonFence[] = [];
  const starts = lines.lineStarts;
  let li = lines.position(from).line - 1;
  if ((starts[li] as number) < from) li++;
  let open: { start: number; contentStart: number } | undefined;
  let pendingFence: { start: number; end: number; next: number } | undefined;
  for (; li < starts.length; li++) {
    const ls = starts[li] as number;
    const le = lineEndAt(source, ls);
    const next = li + 1 < starts.length ? (starts[li + 1] as number) : source.length;
    const fe = fenceEnd(source, ls, le);
    if (open) {
      if (fe !== -1) {
        fences.push({ start: open.start, contentStart: open.contentStart, contentEnd: ls, end: fe, closed: true });
        open = undefined;
        pendingFence = undefined;
      }
      continue;
    }
    if (fe !== -1) {
      pendingFence = { start: ls, end: fe, next };
      continue;
    }
    if (pendingFence) {
      if (isBlank(source, ls, le)) continue;
      let k = ls;
      while (k < le && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) k++;
      if (opensJson(source, k, le)) open = { start: pendingFence.start, contentStart: pendingFence.next };
      pendingFence = undefined;
    }
  }
  if (open) fences.push({ start: open.start, contentStart: open.contentStart, contentEnd: source.length, end: source.length, closed: false });
  return fences;
}

/** Maximum nesting of `{`/`[` outside strings; linear. */
function nestingDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
        if (max > MAX_JSON_DEPTH) break;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, at };
}

/** A number JSON readers cannot hold as written: out of the double range (Infinity, or 0 for a non-zero), or an integer past 2^53 - 1. */
function checkNumber(raw: string, value: number, start: number, end: number, sink: DiagnosticSink): void {
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  if (!Number.isFinite(value)) {
    sink.add('json-number-out-of-range', `The number ${shown} is too large: JSON readers turn it into ${value > 0 ? '' : '-'}Infinity (written as null).`, start, end, 'warning');
  } else if (value === 0 && /[1-9]/.test(raw.split(/[eE]/)[0] as string)) {
    sink.add('json-number-out-of-range', `The number ${shown} is too small: JSON readers turn it into 0.`, start, end, 'warning');
  } else if (!/[.eE]/.test(raw) && !Number.isSafeInteger(value)) {
    sink.add('json-number-precision', `The integer ${shown} is larger than 2^53 - 1: JSON readers round it to ${value}; write it as a string.`, start, end, 'warning');
  }
}

/** A JSON parser message without its trailing `(line:column)`. */
function withoutLocation(message: string): string {
  const trimmed = message.trimEnd();
  const open = trimmed.lastIndexOf('(');
  if (open === -1 || !trimmed.endsWith(')') || !/^\d+:\d+$/.test(trimmed.slice(open + 1, -1))) return message;
  return trimmed.slice(0, open).trimEnd();
}

function convert(node: ValueNode, source: string, base: number, lines: LineIndex, sink: DiagnosticSink): { ast: JsonNode; value: unknown } {
  const range = lines.range(base + node.loc.start.offset, base + node.loc.end.offset);
  switch (node.type) {
    case 'Object': {
      const members: JsonMember[] = [];
      const value: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const nameRange = lines.range(base + member.name.loc.start.offset, base + member.name.loc.end.offset);
        if (seen.has(name)) sink.add('json-duplicate-key', `Duplicate key "${name}"; the last value is used.`, nameRange.start.offset, nameRange.end.offset, 'warning');
        seen.add(name);
        const child = convert(member.value, source, base, lines, sink);
        members.push({ name, nameRange, value: child.ast, range: lines.range(base + member.loc.start.offset, base + member.loc.end.offset) });
        defineData(value, name, child.value);
      }
      return { ast: { type: 'object', range, members }, value };
    }
    case 'Array': {
      const elements: JsonNode[] = [];
      const value: unknown[] = [];
      for (const element of node.elements) {
        const child = convert(element.value, source, base, lines, sink);
        elements.push(child.ast);
        value.push(child.value);
      }
      return { ast: { type: 'array', range, elements }, value };
    }
    case 'String':
      return { ast: { type: 'string', range, value: node.value }, value: node.value };
    case 'Number': {
      const raw = source.slice(base + node.loc.start.offset, base + node.loc.end.offset);
      checkNumber(raw, node.value, range.start.offset, range.end.offset, sink);
      return { ast: { type: 'number', range, value: node.value, raw }, value: node.value };
    }
    case 'Boolean':
      return { ast: { type: 'boolean', range, value: node.value }, value: node.value };
    case 'Null':
      return { ast: { type: 'null', range, value: null }, value: null };
    default:
      // NaN / Infinity / identifiers only exist in JSON5 mode, which is not used.
      return { ast: { type: 'null', range, value: null }, value: null };
  }
}

export function parseJsonBody(source: string, fence: JsonFence, lines: LineIndex, sink: DiagnosticSink): JsonBody {
  const body: JsonBody = {
    range: lines.range(fence.start, fence.end),
    contentRange: lines.range(fence.contentStart, fence.contentEnd),
    value: undefined,
  };
  if (!fence.closed) sink.add('json-body-unclosed', 'The JSON body has no closing "---" line.', fence.start, lineEndAt(source, fence.start), 'error');
  const text = source.slice(fence.contentStart, fence.contentEnd);
  const { depth, at } = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    sink.add('json-too-deep', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels; it was not parsed.`, fence.contentStart + at, fence.contentStart + at + 1, 'error');
    return body;
  }
  try {
    const doc = parseJson(text, { mode: 'json', ranges: false, tokens: false });
    const { ast, value } = convert(doc.body, source, fence.contentStart, lines, sink);
    body.ast = ast;
    body.value = value;
  } catch (error) {
    const offset = typeof (error as { offset?: unknown }).offset === 'number' ? (error as { offset: number }).offset : 0;
    const message = error instanceof Error ? withoutLocation(error.message) : String(error);
    const at = fence.contentStart + Math.max(0, Math.min(offset, text.length));
    sink.add('json-syntax', `JSON: ${message}`, at, Math.min(at + 1, fence.contentEnd), 'error');
  }
  return body;
}
