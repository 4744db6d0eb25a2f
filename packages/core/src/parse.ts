// parseArticle: one pass over each layer (metadata block, JSON bodies, Markdown, markers,
// includes, links, headings). Never throws: every problem becomes a Diagnostic.
import { DiagnosticSink } from './diagnostics.js';
import { findFrontmatter, parseFrontmatter } from './frontmatter.js';
import { extractHeadings } from './headings.js';
import { scanIncludes } from './includes.js';
import { findJsonFences, parseJsonBody } from './json-body.js';
import { LineIndex } from './line-index.js';
import { extractLinks } from './links.js';
import { checkMarkdownComplexity } from './markdown-guard.js';
import { collectNodes, emptyRoot, markdownInput, parseMarkdown, type CollectedNodes } from './markdown.js';
import { scanMarkers } from './markers.js';
import { getMetaString, metadataFields } from './metadata.js';
import { findLatePropertiesStart, findPropertiesStart, parseProperties } from './properties.js';
import type { Article, ArticleMetadata, ParseOptions } from './types.js';

interface MetadataState {
  meta: ArticleMetadata;
  lines: LineIndex;
  sink: DiagnosticSink;
  /** [start, end) of the metadata block and of each JSON body: blanked for the Markdown parse. */
  regions: [number, number][];
}

function dominantEol(source: string): '\n' | '\r\n' | '\r' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = source.indexOf('\r'); i !== -1; i = source.indexOf('\r', i + 1)) {
    if (source.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Offsets of every `ch` in `source` (first one, and how many): one linear pass. */
function occurrences(source: string, ch: string): { first: number; count: number } {
  let count = 0;
  const first = source.indexOf(ch);
  for (let i = first; i !== -1; i = source.indexOf(ch, i + 1)) count++;
  return { first, count };
}

/**
 * Text no article holds: NUL characters (a binary file under a `.md` name) and U+FFFD (bytes that
 * were not valid UTF-8 when the file was read). One diagnostic each, at the first occurrence.
 */
function checkCharacters(source: string, sink: DiagnosticSink): void {
  const nul = occurrences(source, '\0');
  if (nul.count > 0) {
    const what = nul.count === 1 ? 'a NUL character' : `${nul.count} NUL characters`;
    sink.add('binary-content', `The file holds ${what}: it is not a text file.`, nul.first, nul.first + 1, 'error');
  }
  const bad = occurrences(source, '\uFFFD');
  if (bad.count > 0) {
    const more = bad.count === 1 ? '' : ` (${bad.count} in the file)`;
    sink.add('encoding-invalid', `Not valid UTF-8: a U+FFFD replacement character${more} stands for bytes that could not be read; save the file as UTF-8.`, bad.first, bad.first + 1, 'error');
  }
}

/** A DOCTYPE or XML declaration as the file's first text: never read (no entity is expanded), reported. */
function checkDeclaration(source: string, lines: LineIndex, sink: DiagnosticSink): void {
  let i = 0;
  while (i < source.length && /[ \t\r\n]/.test(source[i] as string)) i++;
  const head = source.slice(i, i + 9).toLowerCase();
  if (head === '<!doctype' || head.startsWith('<?xml')) {
    sink.add('markup-declaration', 'A DOCTYPE or XML declaration does not belong in an article; it is ignored (entities are never expanded).', i, lines.lineEnd(i, source), 'error');
  }
}

function internalError(sink: DiagnosticSink, stage: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  sink.add('internal-error', `Could not read the ${stage}: ${message.split('\n')[0]}`, 0, 0, 'error');
}

function readMetadata(input: string, options: ParseOptions): MetadataState {
  const raw = typeof input === 'string' ? input : String(input ?? '');
  const bom = raw.charCodeAt(0) === 0xfeff;
  const source = bom ? raw.slice(1) : raw;
  const lines = new LineIndex(source);
  const sink = new DiagnosticSink(lines);
  const path = (options.path ?? '').replace(/\\/g, '/');
  const meta: ArticleMetadata = {
    path,
    source,
    bom,
    eol: dominantEol(source),
    kind: 'fragment',
    metadata: [],
    bodyRange: lines.range(0, source.length),
    jsonBodies: [],
    diagnostics: sink.list,
  };
  const regions: [number, number][] = [];
  let bodyStart = 0;
  checkCharacters(source, sink);
  try {
    const propsStart = findPropertiesStart(source);
    if (propsStart !== -1) {
      const { block, end } = parseProperties(source, propsStart, lines, sink);
      meta.kind = 'selfhelp';
      meta.properties = block;
      regions.push([propsStart, end]);
      bodyStart = end;
    } else {
      checkDeclaration(source, lines, sink);
      const fences = findFrontmatter(source, lines, sink);
      if (fences) {
        meta.kind = 'learn';
        meta.frontmatter = parseFrontmatter(source, fences, lines, sink);
        regions.push([fences.start, fences.end]);
        bodyStart = fences.end;
      } else {
        const late = findLatePropertiesStart(source, lines);
        if (late !== -1) {
          sink.add('properties-not-first', 'The <properties> block should be the first thing in the file.', late, late + '<properties'.length, 'warning');
          const { block, end } = parseProperties(source, late, lines, sink);
          meta.kind = 'selfhelp';
          meta.properties = block;
          regions.push([late, end]);
          bodyStart = end;
        }
      }
    }
  } catch (error) {
    internalError(sink, 'metadata block', error);
  }
  meta.metadata = metadataFields(meta.properties, meta.frontmatter);
  const selfHelpType = getMetaString(meta, 'selfHelpType');
  if (selfHelpType !== undefined) meta.selfHelpType = selfHelpType;
  meta.bodyRange = lines.range(bodyStart, source.length);
  try {
    for (const fence of findJsonFences(source, bodyStart, lines)) {
      meta.jsonBodies.push(parseJsonBody(source, fence, lines, sink));
      regions.push([fence.start, fence.end]);
    }
  } catch (error) {
    internalError(sink, 'JSON body', error);
  }
  sink.list.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { meta, lines, sink, regions };
}

function mergeRanges(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  return [...a, ...b].sort((x, y) => x[0] - y[0]);
}

/**
 * Reads only what cross-article checks need: the metadata block and the JSON bodies, without
 * the Markdown parse (several times cheaper). The result is a subset of `Article`.
 */
export function parseMetadata(source: string, options: ParseOptions = {}): ArticleMetadata {
  return readMetadata(source, options).meta;
}

/** Parses one article of any format. Never throws. */
export function parseArticle(source: string, options: ParseOptions = {}): Article {
  const { meta, lines, sink, regions } = readMetadata(source, options);
  const text = meta.source;
  const article: Article = {
    ...meta,
    tree: emptyRoot(text.length),
    headings: [],
    issueDescriptions: [],
    tokens: [],
    includes: [],
    links: [],
    comments: [],
  };
  let nodes: CollectedNodes = { headings: [], links: [], definitions: [], html: [], text: [], code: [] };
  try {
    // The guard reads the parser's input: a blank tail left out of it cannot nest anything.
    const input = markdownInput(text, regions);
    const guard = checkMarkdownComplexity(input, options.maxMarkdownLength, text.length - regions.reduce((sum, [s, e]) => sum + (e - s), 0));
    if (guard.ok) {
      article.tree = parseMarkdown(input);
      article.tree.position = { start: { line: 1, column: 1, offset: 0 }, end: lines.position(text.length) };
      nodes = collectNodes(article.tree);
    } else sink.add(guard.code, guard.message, guard.offset, guard.offset, 'error');
  } catch (error) {
    internalError(sink, 'Markdown body', error);
  }
  // Markers and includes are looked for in the whole file (text may come before a late
  // <properties> block), outside code, the metadata block and the JSON bodies.
  const excluded = mergeRanges(nodes.code, regions);
  try {
    const markers = scanMarkers(text, 0, text.length, excluded, lines, sink);
    article.issueDescriptions = markers.issueDescriptions;
    article.tokens = markers.tokens;
    article.comments = markers.comments;
  } catch (error) {
    internalError(sink, 'comments and markers', error);
  }
  try {
    article.includes = scanIncludes(text, 0, text.length, excluded, lines, sink);
  } catch (error) {
    internalError(sink, 'includes', error);
  }
  try {
    const includeSpans = article.includes.map((inc): [number, number] => [inc.range.start.offset, inc.range.end.offset]);
    article.links = extractLinks(text, nodes, lines, includeSpans);
  } catch (error) {
    internalError(sink, 'links', error);
  }
  try {
    article.headings = extractHeadings(nodes, lines);
    const title = article.headings.find((h) => h.depth === 1);
    if (title) article.title = title;
  } catch (error) {
    internalError(sink, 'headings', error);
  }
  sink.list.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return article;
}
