// The `<properties .../>` block (and a legacy `<tags .../>` after it). fast-xml-parser gives no
// positions and rejects much of what real files contain, so a linear scanner finds every
// attribute's key and value range; fast-xml-parser validates the block and decodes the values,
// as a cross-check. Where they disagree, the scanner wins and a diagnostic says so.
import type { X2jOptions, XMLParser } from 'fast-xml-parser';
import type { DiagnosticSink } from './diagnostics.js';
import type { LineIndex } from './line-index.js';
import type { PropertiesBlock, PropertyAttribute } from './types.js';
import { requireDependency } from './lazy-require.js';
import { decodeXmlText } from './xml-entities.js';

type FastXmlParser = typeof import('fast-xml-parser');
let fxp: FastXmlParser | undefined;
/** fast-xml-parser through its single-file CommonJS build, on first use: far cheaper to load than its ES modules. */
function loadFxp(): FastXmlParser {
  fxp ??= requireDependency('fast-xml-parser') as FastXmlParser;
  return fxp;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff || c === 0xa0;
}

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** True when `source` has `<name` at `i` (any case) followed by a boundary. */
function tagAt(source: string, i: number, name: string): boolean {
  if (source.charCodeAt(i) !== 60) return false;
  if (source.slice(i + 1, i + 1 + name.length).toLowerCase() !== name) return false;
  const c = source.charCodeAt(i + 1 + name.length);
  return Number.isNaN(c) || isSpace(c) || c === 47 || c === 62;
}

function skipSpace(source: string, i: number): number {
  while (i < source.length && isSpace(source.charCodeAt(i))) i++;
  return i;
}

/** A line inside a multi-line value that looks like the next attribute (`key="`): the quote was never closed. */
function looksLikeAttributeLine(source: string, i: number, end: number): boolean {
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  if (i >= end || !isKeyStart(source.charCodeAt(i))) return false;
  while (i < end && isKeyChar(source.charCodeAt(i))) i++;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  if (source.charCodeAt(i) !== 61) return false;
  i++;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  const q = source.charCodeAt(i);
  return q === 34 || q === 39;
}

/** Where a quoted value that starts at `valueStart` ends, or -1 when its quote is never closed. */
function findClosingQuote(source: string, valueStart: number, quote: string): number {
  const close = source.indexOf(quote, valueStart);
  const limit = close === -1 ? source.length : close;
  // A line break inside the value followed by a `key="` line means the quote was left open.
  for (let k = valueStart; k < limit; k++) {
    const c = source.charCodeAt(k);
    if ((c === 10 || c === 13) && looksLikeAttributeLine(source, k + 1, limit)) return -1 - k; // encodes the cut point
  }
  return close === -1 ? -1 - limit : close;
}

interface ScanResult {
  attributes: PropertyAttribute[];
  end: number;
  closed: boolean;
}

/** Scans attributes from `start` (just after the tag name) to `/>`. Linear in the block's length. */
function scanAttributes(source: string, start: number, tag: string, lines: LineIndex, sink: DiagnosticSink): ScanResult {
  const attributes: PropertyAttribute[] = [];
  const seen = new Map<string, PropertyAttribute>();
  const n = source.length;
  let lastEnd = start;
  let i = start;
  for (;;) {
    i = skipSpace(source, i);
    if (i >= n) {
      sink.add(`${tag}-unclosed`, `The <${tag}> block is not closed with "/>".`, start - tag.length - 1, lastEnd, 'error');
      return { attributes, end: lastEnd, closed: false };
    }
    const c = source.charCodeAt(i);
    if (c === 47 && source.charCodeAt(i + 1) === 62) return { attributes, end: i + 2, closed: true };
    if (c === 62) {
      sink.add(`${tag}-not-self-closing`, `The <${tag}> block should end with "/>", not ">".`, i, i + 1, 'warning');
      let end = i + 1;
      const after = skipSpace(source, end);
      if (source.slice(after, after + tag.length + 3).toLowerCase() === `</${tag}>`) end = after + tag.length + 3;
      return { attributes, end, closed: true };
    }
    if (!isKeyStart(c) && c !== 60 /* < */) {
      // Stray characters (a doubled quote, a zero-width space) before the next attribute or `/>`.
      let k = i;
      while (k < n) {
        const d = source.charCodeAt(k);
        if (isSpace(d) || isKeyStart(d) || d === 47 || d === 62 || d === 60) break;
        k++;
      }
      if (k === i) k++;
      const p = skipSpace(source, k);
      const pc = source.charCodeAt(p);
      if (p < n && (pc === 62 || (pc === 47 && source.charCodeAt(p + 1) === 62) || looksLikeAttributeLine(source, p, n))) {
        sink.add(`${tag}-stray-text`, `Unexpected "${source.slice(i, k)}" in the <${tag}> block.`, i, k, 'warning');
        i = k;
        continue;
      }
    }
    if (!isKeyStart(c)) {
      sink.add(`${tag}-unclosed`, `The <${tag}> block is not closed with "/>".`, start - tag.length - 1, lastEnd, 'error');
      return { attributes, end: lastEnd, closed: false };
    }
    const keyStart = i;
    while (i < n && isKeyChar(source.charCodeAt(i))) i++;
    const keyEnd = i;
    const key = source.slice(keyStart, keyEnd);
    let j = skipSpace(source, i);
    if (source.charCodeAt(j) !== 61 /* = */) {
      const next = source.charCodeAt(j);
      if (next === 47 || next === 62 || (isKeyStart(next) && looksLikeAttributeLine(source, j, n))) {
        // `key` with no value inside the block: keep it, with an empty value.
        sink.add(`${tag}-missing-value`, `Attribute "${key}" has no value.`, keyStart, keyEnd, 'error');
        const empty = lines.range(keyEnd, keyEnd);
        const attr: PropertyAttribute = { key, value: '', rawValue: '', quote: '', keyRange: lines.range(keyStart, keyEnd), valueRange: empty, range: lines.range(keyStart, keyEnd) };
        attributes.push(attr);
        lastEnd = keyEnd;
        i = keyEnd;
        continue;
      }
      // Body text after a block that lost its `/>`.
      sink.add(`${tag}-unclosed`, `The <${tag}> block is not closed with "/>".`, start - tag.length - 1, lastEnd, 'error');
      return { attributes, end: lastEnd, closed: false };
    }
    j = skipSpace(source, j + 1);
    const q = source.charCodeAt(j);
    let quote: '"' | "'" | '' = '';
    let valueStart: number;
    let valueEnd: number;
    let attrEnd: number;
    if (q === 34 || q === 39) {
      quote = q === 34 ? '"' : "'";
      valueStart = j + 1;
      const close = findClosingQuote(source, valueStart, quote);
      if (close < 0) {
        // Unterminated: the value runs to the end of its first line.
        const cut = -1 - close;
        valueEnd = lines.lineEnd(valueStart, source);
        if (valueEnd > cut) valueEnd = cut;
        attrEnd = valueEnd;
        sink.add(`${tag}-unterminated-value`, `The value of "${key}" has no closing ${quote}.`, j, valueEnd, 'error');
      } else {
        valueEnd = close;
        attrEnd = close + 1;
      }
    } else {
      valueStart = j;
      let k = j;
      while (k < n) {
        const ch = source.charCodeAt(k);
        if (isSpace(ch) || ch === 62 || (ch === 47 && source.charCodeAt(k + 1) === 62)) break;
        k++;
      }
      valueEnd = k;
      attrEnd = k;
      sink.add(`${tag}-unquoted-value`, `The value of "${key}" is not quoted.`, keyStart, attrEnd, 'warning');
    }
    const rawValue = source.slice(valueStart, valueEnd);
    const decoded = decodeXmlText(rawValue);
    for (const amp of decoded.bareAmpersands) {
      sink.add(`${tag}-unescaped-ampersand`, `Unescaped "&" in the value of "${key}"; write "&amp;".`, valueStart + amp, valueStart + amp + 1, 'warning');
    }
    for (const ent of decoded.unknownEntities) {
      sink.add(`${tag}-unknown-entity`, `"${ent.text}" is not an XML entity; it is kept as written.`, valueStart + ent.offset, valueStart + ent.offset + ent.text.length, 'warning');
    }
    const lt = rawValue.indexOf('<');
    if (lt !== -1) sink.add(`${tag}-invalid-character`, `"<" is not allowed in the value of "${key}"; write "&lt;".`, valueStart + lt, valueStart + lt + 1, 'warning');
    const attr: PropertyAttribute = {
      key,
      value: decoded.value,
      rawValue,
      quote,
      keyRange: lines.range(keyStart, keyEnd),
      valueRange: lines.range(valueStart, valueEnd),
      range: lines.range(keyStart, attrEnd),
    };
    const lower = key.toLowerCase();
    const first = seen.get(lower);
    if (first) {
      sink.add(`${tag}-duplicate-key`, `"${key}" is repeated (first on line ${first.keyRange.start.line}); the last value is used.`, keyStart, keyEnd, 'warning');
    } else seen.set(lower, attr);
    attributes.push(attr);
    lastEnd = attrEnd;
    i = attrEnd;
    const after = source.charCodeAt(i);
    if (i < n && isKeyStart(after)) {
      sink.add(`${tag}-missing-space`, `Attributes must be separated by white space.`, i, i + 1, 'warning');
    }
  }
}

/** Decodes values with fast-xml-parser: markup is escaped first and only XML's own references exist, so nothing is ever expanded beyond them. */
// The typings of fast-xml-parser 5.12 lag its runtime (object `htmlEntities`, `appliesTo`), hence the cast.
const xmlParserOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseAttributeValue: false,
  trimValues: false,
  // Only XML's five entities; an object here also turns on numeric references (&#65; &#x42;).
  htmlEntities: { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' },
  // Limits guard DOCTYPE-declared entities (none can exist here: markup is escaped before parsing).
  processEntities: { enabled: true, maxEntityCount: 0, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 1, maxExpandedLength: 1, appliesTo: 'external' },
  ignoreDeclaration: true,
  ignorePiTags: true,
} as unknown as X2jOptions;
let xmlParser: XMLParser | undefined;

function fxpDecode(attributes: PropertyAttribute[]): (string | undefined)[] | undefined {
  let xml = '<p';
  attributes.forEach((attr, index) => {
    // Keep references as written; escape only what would break the synthetic tag.
    const raw = attr.rawValue.replace(/</g, '&lt;').replace(/"/g, '&quot;');
    xml += ` a${index}="${raw}"`;
  });
  xml += '/>';
  try {
    xmlParser ??= new (loadFxp().XMLParser)(xmlParserOptions);
    const parsed = xmlParser.parse(xml) as { p?: Record<string, unknown> };
    const p = parsed.p;
    if (!p || typeof p !== 'object') return undefined;
    return attributes.map((_, index) => {
      const v = Object.prototype.hasOwnProperty.call(p, `a${index}`) ? p[`a${index}`] : undefined;
      return typeof v === 'string' ? v : v === undefined ? undefined : String(v);
    });
  } catch {
    return undefined;
  }
}

/** Cross-checks the scanner's view with fast-xml-parser; records diagnostics where they disagree. */
function crossCheck(source: string, start: number, end: number, tag: string, result: ScanResult, before: number, lines: LineIndex, sink: DiagnosticSink): void {
  // Only when the scanner itself found nothing wrong: otherwise its own diagnostics already say why.
  if (sink.list.length === before && result.closed) {
    const text = source.slice(start, end);
    const valid = loadFxp().XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (valid !== true) {
      const base = lines.position(start);
      const line = base.line + valid.err.line - 1;
      const column = valid.err.line === 1 ? base.column + valid.err.col - 1 : valid.err.col;
      const at = lines.offsetAt(line, column);
      sink.add(`${tag}-invalid-xml`, `Not valid XML: ${valid.err.msg}`, at, Math.min(end, lines.lineEnd(at, source)), 'warning');
    }
  }
  if (!result.attributes.some((a) => a.rawValue.includes('&'))) return; // nothing to decode
  const values = fxpDecode(result.attributes);
  if (!values) return;
  result.attributes.forEach((attr, index) => {
    const theirs = values[index];
    // XML normalizes line breaks inside values; that alone is no disagreement.
    if (theirs !== undefined && theirs.replace(/\r\n?/g, '\n') !== attr.value.replace(/\r\n?/g, '\n')) {
      sink.add(`${tag}-decode-mismatch`, `XML parsers disagree on the value of "${attr.key}"; it is read as written here.`, attr.valueRange.start.offset, attr.valueRange.end.offset, 'info');
    }
  });
}

export interface PropertiesScan {
  block: PropertiesBlock;
  /** Offset just after the block (and the `<tags>` block, if any). */
  end: number;
}

/** Finds `<properties` as the first non-blank text of the file. */
export function findPropertiesStart(source: string): number {
  const i = skipSpace(source, 0);
  return tagAt(source, i, 'properties') ? i : -1;
}

/**
 * A `<properties` block that is not the first text of the file (real files put a comment, the H1
 * or stray text before it): the first line that starts with `<properties`, before any code fence.
 * Linear; -1 when there is none.
 */
export function findLatePropertiesStart(source: string, lines: LineIndex): number {
  for (const lineStart of lines.lineStarts) {
    let i = lineStart;
    while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i++;
    const c = source.charCodeAt(i);
    if ((c === 96 || c === 126) && source.charCodeAt(i + 1) === c && source.charCodeAt(i + 2) === c) return -1; // ``` or ~~~
    if (c === 60 && tagAt(source, i, 'properties')) return i;
  }
  return -1;
}

export function parseProperties(source: string, start: number, lines: LineIndex, sink: DiagnosticSink): PropertiesScan {
  const before = sink.list.length;
  const scan = scanAttributes(source, start + '<properties'.length, 'properties', lines, sink);
  crossCheck(source, start, scan.end, 'properties', scan, before, lines, sink);
  const block: PropertiesBlock = { range: lines.range(start, scan.end), attributes: scan.attributes, closed: scan.closed };
  let end = scan.end;
  const t = skipSpace(source, end);
  if (tagAt(source, t, 'tags')) {
    const tagsBefore = sink.list.length;
    const tags = scanAttributes(source, t + '<tags'.length, 'tags', lines, sink);
    crossCheck(source, t, tags.end, 'tags', tags, tagsBefore, lines, sink);
    block.tags = { range: lines.range(t, tags.end), attributes: tags.attributes };
    end = tags.end;
  }
  return { block, end };
}
