// Compiles one article file into its catalog entry (or its build errors). The article is parsed
// once; included fragments are parsed once per compiler and resolved into the body; the body is
// rendered once. Pure with respect to its inputs: the file's text and the files it includes.
import { parseArticle, type Article, type Diagnostic, type Include, type Link, type Position } from '@selfhelp/core';
import { getOwn, normalizeMetadata, setOwn } from '@selfhelp/schema';
import type { Nodes, Root, RootContent } from 'mdast';
import { isOwnLine, markTokensAndDropComments, removeTopLevelRanges, spliceInclude } from './body-tree.js';
import type { ContentRoot, ReadResult } from './content-root.js';
import { renderBody } from './render.js';
import { isListableHref } from './safe-url.js';
import { hashParts, normalizeSource } from './source-text.js';
import { CatalogSchemaError, validateArticle } from './validate.js';
import type { ArticleOutcome, BuildError, BuildErrorCode, CatalogArticle, CatalogIssueDescription, CatalogLink, Dependency } from './types.js';

export interface CompiledFile {
  /** Root-relative path. */
  path: string;
  /** Hash of the file's own normalized text. */
  sourceHash: string;
  /** The included files the outcome depends on (for the incremental cache). */
  dependencies: Dependency[];
  outcome: ArticleOutcome;
  /** True when the body was rendered (false for excluded and invalid files). */
  rendered: boolean;
  /** Where the articleId is written (for duplicate-id errors). */
  idAt?: { line: number; column: number };
}

interface Fragment {
  read: ReadResult;
  article?: Article;
  hash: string | null;
}

const METADATA_CODE = /^(properties|tags|frontmatter|yaml)-/;
const JSON_BODY_CODES = new Set(['json-syntax', 'json-body-unclosed', 'json-too-deep']);
const INCLUDE_CODES = new Set(['include-malformed', 'include-empty-path']);
/** Text that is not an article's: a binary file, or bytes that are not UTF-8. */
const UNREADABLE_CODES = new Set(['binary-content', 'encoding-invalid']);
/** The parser refused the body (too large, nested too deeply): it would render as nothing. */
const BODY_CODES = new Set(['markdown-too-large', 'markdown-too-deep']);

function jsonRanges(article: Article): [number, number][] {
  return article.jsonBodies.map((body) => [body.range.start.offset, body.range.end.offset]);
}

function inRanges(offset: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([a, b]) => offset >= a && offset < b);
}

function scalar(fields: Record<string, unknown>, key: string): string | null {
  const value = getOwn(fields, key);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function list(fields: Record<string, unknown>, key: string): string[] {
  const value = getOwn(fields, key);
  if (!Array.isArray(value)) return [];
  return value.map((item) => String(item).trim()).filter((item) => item !== '');
}

/** A link as listed: a destination a browser could run as script (or any other scheme) is listed as `''`. */
function toLink(link: Link, include?: string): CatalogLink {
  const href = isListableHref(link.href) ? link.href : '';
  const out: CatalogLink = { kind: link.kind, href, text: link.text, image: link.image, line: link.range.start.line, column: link.range.start.column };
  if (include !== undefined) out.include = include;
  return out;
}

function issueDescriptionOf(article: Article): CatalogIssueDescription | null {
  const region = article.issueDescriptions[0];
  if (!region) return null;
  const tokens: CatalogIssueDescription['tokens'] = [];
  const seen = new Set<string>();
  for (const token of article.tokens) {
    if (token.region !== 0 || seen.has(token.name)) continue;
    seen.add(token.name);
    tokens.push({ name: token.name, default: token.defaultText.trim() });
  }
  // The template on its own, rendered as the body is (a second, small parse of just its text).
  const template = region.text.trim();
  const tree = parseArticle(template, { path: article.path }).tree;
  markTokensAndDropComments(tree);
  return { template, tokens, html: renderBody(tree).html };
}

/** Where a `<properties` tag stands in the Markdown (as raw HTML), if anywhere. */
function findMisplacedProperties(tree: Root): { line: number; column: number } | undefined {
  const visit = (node: Nodes): { line: number; column: number } | undefined => {
    if (node.type === 'html' && /^<properties[\s/>]/i.test(node.value) && node.position) return node.position.start;
    if ('children' in node) {
      for (const child of node.children as Nodes[]) {
        const found = visit(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(tree);
}

interface Expansion {
  errors: BuildError[];
  dependencies: Map<string, string | null>;
  includes: string[];
  links: CatalogLink[];
  hashParts: string[];
}

export class ArticleCompiler {
  readonly #root: ContentRoot;
  readonly #fragments = new Map<string, Fragment>();

  constructor(root: ContentRoot) {
    this.#root = root;
  }

  #fragment(rel: string): Fragment {
    let fragment = this.#fragments.get(rel);
    if (!fragment) {
      const read = this.#root.read(rel);
      fragment = read.ok ? { read, article: parseArticle(read.source, { path: rel }), hash: hashParts([read.source]) } : { read, hash: null };
      this.#fragments.set(rel, fragment);
    }
    return fragment;
  }

  /**
   * Compiles the article at the root-relative `path` whose text is `text` (any line endings).
   * Never throws for bad input: an unexpected failure is a `compile-failed` build error of that
   * article. Only an entry that breaks the catalog schema (a compiler bug) throws.
   */
  compile(path: string, text: string): CompiledFile {
    try {
      return this.#compile(path, text);
    } catch (error) {
      if (error instanceof CatalogSchemaError) throw error;
      // The HTML tools recurse per nesting level: raw HTML nested thousands deep overflows the stack.
      const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
      const code: BuildErrorCode = tooDeep ? 'body-too-complex' : 'compile-failed';
      const message = tooDeep
        ? 'The body nests too deeply to render (raw HTML nested thousands of levels deep).'
        : `The article could not be compiled: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      return {
        path,
        sourceHash: hashParts([normalizeSource(text)]),
        dependencies: [],
        rendered: false,
        outcome: { status: 'invalid', id: null, errors: [{ code, message, article: path, file: path, line: 1, column: 1 }] },
      };
    }
  }

  #compile(path: string, text: string): CompiledFile {
    const source = normalizeSource(text);
    const sourceHash = hashParts([source]);
    const article = parseArticle(source, { path });
    let idAt: CompiledFile['idAt'];
    const done = (outcome: ArticleOutcome, dependencies: Dependency[] = [], rendered = false): CompiledFile => {
      const file: CompiledFile = { path, sourceHash, dependencies, outcome, rendered };
      if (idAt) file.idAt = idAt;
      return file;
    };
    if (article.kind !== 'selfhelp' && article.diagnostics.some((d) => d.code === 'binary-content')) {
      // Not a text file at all (a binary under a `.md` name): an error whatever else it would be.
      const errors = article.diagnostics
        .filter((d) => UNREADABLE_CODES.has(d.code))
        .map((d): BuildError => ({ code: 'file-unreadable', message: `${d.message} (${d.code})`, article: path, file: path, line: d.range.start.line, column: d.range.start.column }));
      return done({ status: 'invalid', id: null, errors });
    }
    if (article.kind === 'fragment') {
      // A <properties> block after other content is not read as metadata: the file would silently
      // drop out of the catalog as a fragment. It is an article whose metadata cannot be read.
      const misplaced = findMisplacedProperties(article.tree);
      if (!misplaced) return done({ status: 'excluded', reason: 'fragment' });
      const at = { line: misplaced.line, column: misplaced.column };
      const message = 'This <properties> block is not at the start of the file, so it is not read; move it to the top.';
      return done({ status: 'invalid', id: null, errors: [{ code: 'metadata-unreadable', message, article: path, file: path, ...at }] });
    }
    if (article.kind === 'learn') return done({ status: 'excluded', reason: 'learn' });

    const errors: BuildError[] = [];
    const error = (code: BuildErrorCode, message: string, at: Position, file = path): void => {
      errors.push({ code, message, article: path, file, line: at.line, column: at.column });
    };
    const fromDiagnostic = (d: Diagnostic, file: string): void => {
      if (d.severity !== 'error') return;
      if (METADATA_CODE.test(d.code)) error('metadata-unreadable', `${d.message} (${d.code})`, d.range.start, file);
      else if (JSON_BODY_CODES.has(d.code)) error('json-body-invalid', `${d.message} (${d.code})`, d.range.start, file);
      else if (INCLUDE_CODES.has(d.code)) error('include-malformed', `${d.message} (${d.code})`, d.range.start, file);
      else if (UNREADABLE_CODES.has(d.code)) error('file-unreadable', `${d.message} (${d.code})`, d.range.start, file);
      else if (BODY_CODES.has(d.code)) error('body-too-complex', `${d.message} (${d.code})`, d.range.start, file);
    };
    for (const d of article.diagnostics) fromDiagnostic(d, path);
    for (const body of article.jsonBodies) {
      if (body.value === undefined && !errors.some((e) => e.code === 'json-body-invalid')) error('json-body-invalid', 'The JSON body does not parse.', body.range.start);
    }

    const meta = normalizeMetadata(article);
    const blockStart = article.properties?.range.start ?? article.bodyRange.start;
    if (meta.articleId === undefined || meta.articleId.trim() === '') error('article-id-missing', 'The article has no articleId.', blockStart);
    const id = meta.articleId?.trim() || null;
    const idField = article.metadata.findLast((f) => f.lowerKey === 'articleid');
    idAt = { line: (idField?.keyRange ?? { start: blockStart }).start.line, column: (idField?.keyRange ?? { start: blockStart }).start.column };

    // Includes: resolved depth-first in source order; spliced in reverse order (see spliceInclude).
    const expansion: Expansion = { errors, dependencies: new Map(), includes: [], links: [], hashParts: [source] };
    const tree = article.tree;
    const ownJson = jsonRanges(article);
    removeTopLevelRanges(tree, ownJson);
    expansion.links.push(...article.links.filter((l) => !inRanges(l.range.start.offset, ownJson)).map((l) => toLink(l)));
    this.#expand(path, article, tree, [path], expansion, path);

    const dependencies = [...expansion.dependencies].map(([p, hash]) => ({ path: p, hash }));
    if (errors.length > 0) return done({ status: 'invalid', id, errors }, dependencies);

    markTokensAndDropComments(tree);
    const rendered = renderBody(tree);
    const fields = meta.fields;
    // The metadata says what the top-level field says: the canonical spelling when the type is known.
    if (meta.selfHelpType !== undefined) setOwn(fields, 'selfHelpType', meta.selfHelpType);
    const entry: CatalogArticle = {
      id: id!,
      source: path,
      kind: 'selfhelp',
      selfHelpType: meta.selfHelpType ?? null,
      title: article.title?.text.trim() || null,
      pageTitle: scalar(fields, 'pageTitle'),
      description: scalar(fields, 'description'),
      diagnosticScenario: scalar(fields, 'diagnosticScenario'),
      clouds: [...meta.clouds],
      supportTopicIds: list(fields, 'supportTopicIds'),
      productPesIds: list(fields, 'productPesIds'),
      metadata: fields,
      issueDescription: issueDescriptionOf(article),
      body: article.jsonBodies[0]?.value ?? null,
      html: rendered.html,
      sections: rendered.sections,
      links: expansion.links,
      includes: expansion.includes,
      hash: hashParts(expansion.hashParts),
    };
    const problems = validateArticle(entry);
    if (problems.length > 0) throw new CatalogSchemaError(`the entry of ${path} does not match catalog.schema.json: ${problems.join('; ')}`);
    return done({ status: 'ok', entry, json: JSON.stringify(entry) }, dependencies, true);
  }

  #expand(fileRel: string, file: Article, tree: Root, stack: string[], acc: Expansion, articleRel: string): void {
    const error = (code: BuildErrorCode, message: string, include: Include): void => {
      acc.errors.push({ code, message, article: articleRel, file: fileRel, line: include.range.start.line, column: include.range.start.column });
    };
    if (fileRel !== articleRel) for (const d of file.diagnostics) {
      if (d.severity !== 'error') continue;
      const code: BuildErrorCode | undefined = INCLUDE_CODES.has(d.code) ? 'include-malformed' : UNREADABLE_CODES.has(d.code) ? 'file-unreadable' : BODY_CODES.has(d.code) ? 'body-too-complex' : undefined;
      if (code) acc.errors.push({ code, message: `${d.message} (${d.code})`, article: articleRel, file: fileRel, line: d.range.start.line, column: d.range.start.column });
    }
    const resolved: { include: Include; children: RootContent[] }[] = [];
    for (const include of file.includes) {
      if (include.path.trim() === '') continue; // reported by the parser (include-empty-path)
      const target = this.#root.resolveFrom(fileRel, include.path);
      if (target === undefined) {
        error('include-outside-root', `The include "${include.path}" points outside the content root.`, include);
        continue;
      }
      if (stack.includes(target)) {
        error('include-cycle', `Include cycle: ${[...stack, target].join(' -> ')}.`, include);
        continue;
      }
      const fragment = this.#fragment(target);
      acc.dependencies.set(target, fragment.hash);
      if (!fragment.article || !fragment.read.ok) {
        const read = fragment.read;
        const reason = read.ok ? 'unreadable' : read.reason;
        if (reason === 'outside-root') error('include-outside-root', `The include "${include.path}" resolves (through a symbolic link) outside the content root.`, include);
        else if (reason === 'missing') error('include-missing', `The included file "${include.path}" (${target}) does not exist.`, include);
        else if (reason === 'too-large') error('file-too-large', `The included file "${include.path}" (${target}) is ${read.ok ? '' : read.detail} bytes, larger than the maximum file size (${this.#root.maxFileSize} bytes); it is not read.`, include);
        else error('include-missing', `The included file "${include.path}" (${target}) cannot be read${!read.ok && read.detail ? ` (${read.detail})` : ''}.`, include);
        continue;
      }
      if (!acc.includes.includes(target)) acc.includes.push(target);
      acc.hashParts.push(target, fragment.read.source);
      const ranges = jsonRanges(fragment.article);
      acc.links.push(...fragment.article.links.filter((l) => !inRanges(l.range.start.offset, ranges)).map((l) => toLink(l, target)));
      const fragmentTree = structuredClone(fragment.article.tree);
      removeTopLevelRanges(fragmentTree, ranges);
      this.#expand(target, fragment.article, fragmentTree, [...stack, target], acc, articleRel);
      resolved.push({ include, children: fragmentTree.children });
    }
    for (let i = resolved.length - 1; i >= 0; i--) {
      const { include, children } = resolved[i]!;
      const { start, end } = { start: include.range.start.offset, end: include.range.end.offset };
      const result = spliceInclude(tree, start, end, children, isOwnLine(file.source, start, end));
      if (result === 'misplaced') error('include-misplaced', `The include "${include.path}" sits inside a heading or table cell, and its content is more than one paragraph.`, include);
      else if (result === 'not-found') error('include-misplaced', `The include "${include.path}" sits inside raw HTML, where it cannot be resolved.`, include);
    }
  }
}
