// YAML frontmatter (Learn articles): `---` fences at the top of the file, read with `yaml`
// keeping ranges. Alias expansion is capped so an alias bomb is a diagnostic, not a hang, and
// `__proto__` keys become plain own data.
import type { Node as YamlNode } from 'yaml';
import type { DiagnosticSink } from './diagnostics.js';
import type { LineIndex } from './line-index.js';
import type { Frontmatter, FrontmatterEntry } from './types.js';
import { requireDependency } from './lazy-require.js';
import { defineData } from './safe-data.js';

type Yaml = typeof import('yaml');
let yamlModule: Yaml | undefined;
/** `yaml` (CommonJS) is loaded on the first frontmatter: self-help articles have none. */
function loadYaml(): Yaml {
  yamlModule ??= requireDependency('yaml') as Yaml;
  return yamlModule;
}

const MAX_ALIAS_COUNT = 100;

/** The fence line `---` at `i` (trailing spaces allowed): returns the offset after its line break, or -1. */
function fenceLine(source: string, i: number, chars: string[]): { end: number; next: number } | undefined {
  let matched = '';
  for (const c of chars) {
    if (source.startsWith(c, i)) {
      matched = c;
      break;
    }
  }
  if (!matched) return undefined;
  let j = i + matched.length;
  while (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9) j++;
  const c = source.charCodeAt(j);
  if (j === source.length) return { end: j, next: j };
  if (c === 10) return { end: j, next: j + 1 };
  if (c === 13) return { end: j, next: source.charCodeAt(j + 1) === 10 ? j + 2 : j + 1 };
  return undefined;
}

export interface FrontmatterFences {
  start: number;
  contentStart: number;
  contentEnd: number;
  /** After the closing fence (before its line break). */
  end: number;
}

/** Finds frontmatter fences: `---` as the first line (blank lines before it tolerated). */
export function findFrontmatter(source: string, lines: LineIndex, sink: DiagnosticSink): FrontmatterFences | undefined {
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  // Only whole-line `---` counts; back up to the start of the line.
  const lineStart = lines.lineStarts[lines.position(i).line - 1] ?? 0;
  if (lineStart !== i) return undefined;
  const open = fenceLine(source, i, ['---']);
  if (!open) return undefined;
  const contentStart = open.next;
  let k = contentStart;
  while (k <= source.length) {
    const close = fenceLine(source, k, ['---', '...']);
    if (close) return { start: i, contentStart, contentEnd: k, end: close.end };
    // next line
    let e = k;
    while (e < source.length && source.charCodeAt(e) !== 10 && source.charCodeAt(e) !== 13) e++;
    if (e >= source.length) break;
    k = source.charCodeAt(e) === 13 && source.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
  sink.add('frontmatter-unclosed', 'The YAML frontmatter has no closing "---" line.', i, open.end, 'error');
  return undefined;
}

export function parseFrontmatter(source: string, fences: FrontmatterFences, lines: LineIndex, sink: DiagnosticSink): Frontmatter {
  const base = fences.contentStart;
  const text = source.slice(base, fences.contentEnd);
  const data: Record<string, unknown> = {};
  const entries: FrontmatterEntry[] = [];
  const frontmatter: Frontmatter = {
    range: lines.range(fences.start, fences.end),
    contentRange: lines.range(base, fences.contentEnd),
    data,
    entries,
  };
  const { isMap, isScalar, parseDocument } = loadYaml();
  // logLevel 'error': `yaml` would otherwise print a Node warning (on stderr) for a collection used as a
  // key (`? [a, b]`), which it turns into a string key; problems are diagnostics, never console output.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    sink.add('yaml-syntax', `YAML: ${firstLine(err.message)}`, base + s, base + Math.max(s, e), 'error');
  }
  for (const warn of doc.warnings) {
    const [s, e] = warn.pos;
    sink.add('yaml-warning', `YAML: ${firstLine(warn.message)}`, base + s, base + Math.max(s, e), 'warning');
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return frontmatter;
  if (!isMap(contents)) {
    const r = (contents as YamlNode).range ?? [0, text.length];
    sink.add('yaml-not-mapping', 'The YAML frontmatter must be a mapping of keys to values.', base + r[0], base + r[1], 'error');
    return frontmatter;
  }
  const seen = new Map<string, number>();
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const valueNode = pair.value as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode.toJSON()) : '';
    const kr = keyNode?.range ?? [0, 0];
    const vr = valueNode?.range ?? [kr[1], kr[1]];
    let value: unknown;
    try {
      value = valueNode ? valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
    } catch (error) {
      sink.add('yaml-alias-limit', `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`, base + vr[0], base + vr[1], 'error');
      value = null;
    }
    const lower = key.toLowerCase();
    const firstLineOf = seen.get(lower);
    if (firstLineOf !== undefined) {
      sink.add('yaml-duplicate-key', `"${key}" is repeated (first on line ${firstLineOf}); the last value is used.`, base + kr[0], base + kr[1], 'warning');
    } else seen.set(lower, lines.position(base + kr[0]).line);
    defineData(data, key, value);
    entries.push({ key, value, keyRange: lines.range(base + kr[0], base + kr[1]), valueRange: lines.range(base + vr[0], base + vr[1]) });
  }
  return frontmatter;
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return (i === -1 ? message : message.slice(0, i)).trim();
}
