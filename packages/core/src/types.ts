// The article model: what every other package reads. Fields may be added; renaming or
// removing one is a breaking change for schema, rules, lint, links and catalog.
import type { Root } from 'mdast';

/** A point in the source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index into `Article.source`. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range [start, end) in the source file. */
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found while parsing. Parsing never throws; it records these. */
export interface Diagnostic {
  /** Stable, kebab-case code, e.g. `properties-unclosed`, `yaml-syntax`, `json-syntax`, `token-unbalanced`. */
  code: string;
  message: string;
  severity: Severity;
  range: Range;
}

/** `selfhelp` has a `<properties>` block, `learn` has YAML frontmatter, `fragment` has neither (an include or a bare page). */
export type ArticleKind = 'selfhelp' | 'learn' | 'fragment';

/** One attribute of the `<properties .../>` block, exactly as written. */
export interface PropertyAttribute {
  /** The key as written (`articleid`, `ms.author`). */
  key: string;
  /** The value with entities decoded (`&amp;` -> `&`); an unescaped `&` is kept as is. */
  value: string;
  /** The value exactly as in the source, between the quotes. */
  rawValue: string;
  quote: '"' | "'" | '';
  keyRange: Range;
  /** Range of the value between the quotes (empty range for `key=""`). */
  valueRange: Range;
  /** From the first character of the key to the closing quote. */
  range: Range;
}

export interface PropertiesBlock {
  /** From `<properties` to the end of `/>` (or to where the block was cut off). */
  range: Range;
  attributes: PropertyAttribute[];
  /** False when the block has no `/>` (a diagnostic is recorded). */
  closed: boolean;
  /** The legacy `<tags .../>` block that may follow, if any. */
  tags?: { range: Range; attributes: PropertyAttribute[] };
}

/** One top-level key of YAML frontmatter. */
export interface FrontmatterEntry {
  key: string;
  /** The plain JS value (strings, numbers, arrays, ...), as `yaml` resolves it. */
  value: unknown;
  keyRange: Range;
  valueRange: Range;
}

export interface Frontmatter {
  /** From the opening `---` to the end of the closing `---` line. */
  range: Range;
  /** The range of the YAML text between the fences. */
  contentRange: Range;
  /** The whole mapping as plain data (null-prototype safe: `__proto__` is a plain key). */
  data: Record<string, unknown>;
  entries: FrontmatterEntry[];
}

/**
 * One metadata field, normalized across both formats: a `<properties>` attribute or a
 * top-level frontmatter key. Look fields up case-insensitively with `getMeta(article, key)`.
 */
export interface MetadataField {
  /** As written in the source. */
  key: string;
  /** Lower-cased key, for case-insensitive lookups. */
  lowerKey: string;
  /** Strings for properties; any YAML value for frontmatter. */
  value: unknown;
  keyRange: Range;
  valueRange: Range;
  source: 'properties' | 'frontmatter';
}

/** A JSON node with its source range, from a position-keeping JSON parser. */
export type JsonNode =
  | { type: 'object'; range: Range; members: JsonMember[] }
  | { type: 'array'; range: Range; elements: JsonNode[] }
  | { type: 'string'; range: Range; value: string }
  | { type: 'number'; range: Range; value: number; raw: string }
  | { type: 'boolean'; range: Range; value: boolean }
  | { type: 'null'; range: Range; value: null };

export interface JsonMember {
  name: string;
  nameRange: Range;
  value: JsonNode;
  range: Range;
}

/** A JSON document between `---` fences after the H1 (problemScopingQuestions form, supportTopicDescription, ...). */
export interface JsonBody {
  /** From the opening `---` to the end of the closing `---`. */
  range: Range;
  /** The range of the JSON text between the fences. */
  contentRange: Range;
  /** The parsed value as plain data (objects with `__proto__` keys kept as own data), or undefined when the JSON does not parse. */
  value: unknown;
  /** The position-keeping tree; undefined when the JSON does not parse. */
  ast?: JsonNode;
}

/** `<!--$name-->default<!--/$name-->` */
export interface ReplacementToken {
  name: string;
  defaultText: string;
  range: Range;
  /** The range of the default text between the markers. */
  defaultRange: Range;
  /** Index into `Article.issueDescriptions`, or -1 when outside any issueDescription region. */
  region: number;
}

/** `<!--issueDescription-->...<!--/issueDescription-->` */
export interface IssueDescription {
  range: Range;
  contentRange: Range;
  /** The text between the markers, exactly as in the source. */
  text: string;
}

/** `[!INCLUDE [title](path)]` or the legacy `[AZURE.INCLUDE [title](path)]`. */
export interface Include {
  title: string;
  path: string;
  legacy: boolean;
  range: Range;
  pathRange: Range;
}

export type LinkKind =
  | 'https'
  | 'http'
  | 'relative'
  | 'anchor'
  | 'data-blade'
  | 'button-data-blade'
  | 'button-data-context'
  | 'mailto'
  | 'other-scheme'
  | 'malformed'
  | 'empty';

export interface Link {
  kind: LinkKind;
  /** The destination as written (trimmed of `<` `>`); for references, the definition's URL. */
  href: string;
  /** The link text (for images, the alt text). */
  text: string;
  image: boolean;
  /** From `[` (or `![`) to the closing `)`. */
  range: Range;
  /** The destination's range when it is known. */
  hrefRange?: Range;
  /** For kind `malformed`: why (`space-before-paren`, `misspelt-scheme`, ...). */
  problem?: string;
  /** Where it came from: a Markdown link/image, a reference definition, an HTML `<a href>` or `<img src>`. */
  origin: 'markdown' | 'reference' | 'html';
}

export interface Heading {
  depth: number;
  /** Plain text of the heading (markup removed). */
  text: string;
  range: Range;
  /** The anchor slug, GitHub / Learn style (github-slugger), unique within the article. */
  slug: string;
}

export interface Article {
  /** The path given to `parseArticle`, with `/` separators. */
  path: string;
  /** The whole source, BOM removed (and recorded in `bom`). Offsets index this string. */
  source: string;
  bom: boolean;
  /** The dominant line ending of the source. */
  eol: '\n' | '\r\n' | '\r';
  kind: ArticleKind;
  properties?: PropertiesBlock;
  frontmatter?: Frontmatter;
  /** All metadata fields in source order (properties or frontmatter). */
  metadata: MetadataField[];
  /** The selfHelpType value as written (any case), if present. */
  selfHelpType?: string;
  /** Where the Markdown body starts (after the metadata block). */
  bodyRange: Range;
  /** The mdast tree of the body; positions are relative to the whole file. */
  tree: Root;
  /** The first H1, if any. */
  title?: Heading;
  headings: Heading[];
  jsonBodies: JsonBody[];
  issueDescriptions: IssueDescription[];
  tokens: ReplacementToken[];
  includes: Include[];
  links: Link[];
  /** HTML comments in the body, with their inner text (excluding issueDescription/token markers). */
  comments: { text: string; range: Range }[];
  diagnostics: Diagnostic[];
}

/**
 * What `parseMetadata` returns: the metadata block and the JSON bodies, without the Markdown
 * parse (for cross-article checks over thousands of files). A subset of `Article`.
 */
export type ArticleMetadata = Pick<
  Article,
  'path' | 'source' | 'bom' | 'eol' | 'kind' | 'properties' | 'frontmatter' | 'metadata' | 'selfHelpType' | 'bodyRange' | 'jsonBodies' | 'diagnostics'
>;

export interface ParseOptions {
  /** The file's path (used in the model and messages). */
  path?: string;
  /**
   * Bodies longer than this many characters are not parsed as Markdown (a `markdown-too-large`
   * diagnostic; the tree stays empty). Default 524288, five times the largest real article.
   */
  maxMarkdownLength?: number;
}

/**
 * Read-only access to the content tree, confined to the content root: what rules use to
 * resolve includes and relative links. Implemented by `createProjectAccess(root)`.
 */
export interface ProjectAccess {
  /** Absolute path of the content root; nothing outside it is ever read. */
  readonly root: string;
  /** Resolves `target` relative to the article at `fromPath` (root-relative); the root-relative result, or undefined when it leaves the root. */
  resolve(fromPath: string, target: string): string | undefined;
  /** True when the root-relative path names an existing regular file inside the root (symbolic links out of the root count as missing). */
  exists(rootRelativePath: string): boolean;
  /** Parses the root-relative file (cached); undefined when missing, outside the root or unreadable. */
  article(rootRelativePath: string): Article | undefined;
}
