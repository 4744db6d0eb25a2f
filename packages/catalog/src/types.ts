// The catalog's shapes: what `catalog.json` holds (mirrored by schemas/catalog.schema.json) and
// what a build reports.
import type { LinkKind } from '@selfhelp/core';
import type { Section } from './render.js';

export type { Section, SectionHeading } from './render.js';

export interface CatalogToken {
  name: string;
  /** The default text between the markers, trimmed. */
  default: string;
}

export interface CatalogIssueDescription {
  /** The text between `<!--issueDescription-->` and `<!--/issueDescription-->`, trimmed, tokens kept as written. */
  template: string;
  /** The tokens of the template in order of first use (one entry per name). */
  tokens: CatalogToken[];
  /** The template rendered and sanitized like the body, tokens as `<span data-token="name">default</span>`. */
  html: string;
}

export interface CatalogLink {
  kind: LinkKind;
  href: string;
  text: string;
  image: boolean;
  /** Where the link is written (1-based), in the article or, when `include` is set, in that included file. */
  line: number;
  column: number;
  /** Root-relative path of the included file the link comes from; absent for the article's own links. */
  include?: string;
}

export interface CatalogArticle {
  /** The articleId. */
  id: string;
  /** Path of the source file relative to the content root, `/` separators. */
  source: string;
  kind: 'selfhelp';
  /** Canonical spelling; null when missing or not a known type. */
  selfHelpType: string | null;
  /** Plain text of the first H1. */
  title: string | null;
  pageTitle: string | null;
  description: string | null;
  diagnosticScenario: string | null;
  /** Clouds the article is published to: cloudEnvironments minus disableClouds, canonical, sorted. */
  clouds: string[];
  supportTopicIds: string[];
  productPesIds: string[];
  /** All metadata fields under their canonical key names (see @selfhelp/schema normalizeMetadata). */
  metadata: Record<string, unknown>;
  issueDescription: CatalogIssueDescription | null;
  /** The parsed JSON body (form, support topics, advisor metadata), or null when the article has none. */
  body: unknown;
  html: string;
  sections: Section[];
  links: CatalogLink[];
  /** Root-relative paths of the fragments resolved into the body, in order of first use. */
  includes: string[];
  /** `sha256:<hex>` of the normalized source and of every included fragment. */
  hash: string;
}

/** Index name -> key -> sorted article ids. Maps keep their (sorted) insertion order when serialized. */
export interface CatalogIndexes {
  bySupportTopicId: Map<string, string[]>;
  byDiagnosticScenario: Map<string, string[]>;
  byProductPesId: Map<string, string[]>;
  bySelfHelpType: Map<string, string[]>;
}

export interface Catalog {
  $schema: string;
  generator: { name: string; version: string };
  articles: CatalogArticle[];
  indexes: CatalogIndexes;
}

export type BuildErrorCode =
  | 'file-unreadable'
  | 'metadata-unreadable'
  | 'article-id-missing'
  | 'article-id-duplicate'
  | 'json-body-invalid'
  | 'include-missing'
  | 'include-cycle'
  | 'include-outside-root'
  | 'include-malformed'
  | 'include-misplaced'
  | 'file-too-large'
  | 'body-too-complex'
  | 'compile-failed';

/** A problem that keeps an article out of the catalog (and stops the build unless --skip-invalid). */
export interface BuildError {
  code: BuildErrorCode;
  message: string;
  /** Root-relative path of the article the error belongs to. */
  article: string;
  /** Root-relative path of the file the problem is in: the article, or a fragment it includes. */
  file: string;
  line: number;
  column: number;
}

/** What compiling one file gave: an entry, errors, or a file that is not a catalog article. */
export type ArticleOutcome =
  | { status: 'ok'; entry: CatalogArticle; /** `JSON.stringify(entry)`: what the catalogs hold, serialized once. */ json: string }
  | { status: 'invalid'; id: string | null; errors: BuildError[] }
  | { status: 'excluded'; reason: 'fragment' | 'learn' };

/** A file an outcome depends on besides the article itself, with the hash of its content (null when it could not be read). */
export interface Dependency {
  path: string;
  hash: string | null;
}
