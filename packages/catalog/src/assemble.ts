// From compiled files to catalogs: duplicate-id detection, sorting, indexes, per-cloud subsets.
// Everything here is ordered by plain code-unit comparison, so the result does not depend on the
// order files were found or compiled in.
import { CLOUDS } from '@selfhelp/schema';
import type { CompiledFile } from './compile-article.js';
import { compareStrings } from './source-text.js';
import type { BuildError, Catalog, CatalogArticle, CatalogIndexes } from './types.js';

export interface InvalidArticle {
  path: string;
  id: string | null;
  errors: BuildError[];
}

export interface Assembly {
  /** The valid articles, sorted by id. */
  articles: CatalogArticle[];
  /** Articles with build errors, sorted by path. */
  invalid: InvalidArticle[];
  /** Files that are not catalog articles, sorted. */
  excluded: { fragment: string[]; learn: string[] };
}

/** Sorts the outcomes and finds articleIds used more than once (compared case-insensitively). */
export function assemble(files: readonly CompiledFile[]): Assembly {
  const sorted = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const byId = new Map<string, CompiledFile[]>();
  for (const file of sorted) {
    const o = file.outcome;
    const id = o.status === 'ok' ? o.entry.id : o.status === 'invalid' ? o.id : null;
    if (id === null) continue;
    const key = id.toLowerCase();
    const group = byId.get(key);
    if (group) group.push(file);
    else byId.set(key, [file]);
  }
  const duplicates = new Map<string, BuildError[]>();
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((f) => f !== file).map((f) => f.path);
      const o = file.outcome;
      const id = o.status === 'ok' ? o.entry.id : o.status === 'invalid' ? o.id ?? '' : '';
      duplicates.set(file.path, [{
        code: 'article-id-duplicate',
        message: `articleId "${id}" is also used by ${others.join(', ')}.`,
        article: file.path,
        file: file.path,
        line: file.idAt?.line ?? 1,
        column: file.idAt?.column ?? 1,
      }]);
    }
  }
  const articles: CatalogArticle[] = [];
  const invalid: InvalidArticle[] = [];
  const excluded: Assembly['excluded'] = { fragment: [], learn: [] };
  for (const file of sorted) {
    const o = file.outcome;
    const dup = duplicates.get(file.path) ?? [];
    if (o.status === 'excluded') excluded[o.reason].push(file.path);
    else if (o.status === 'invalid') invalid.push({ path: file.path, id: o.id, errors: [...o.errors, ...dup] });
    else if (dup.length > 0) invalid.push({ path: file.path, id: o.entry.id, errors: dup });
    else articles.push(o.entry);
  }
  articles.sort((a, b) => compareStrings(a.id, b.id));
  return { articles, invalid, excluded };
}

function addTo(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) index.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

function sortedMap(index: Map<string, string[]>): Map<string, string[]> {
  return new Map([...index].sort(([a], [b]) => compareStrings(a, b)));
}

/** The lookup indexes of a list of articles sorted by id: keys sorted, ids sorted (and unique) per key. */
export function buildIndexes(articles: readonly CatalogArticle[]): CatalogIndexes {
  const bySupportTopicId = new Map<string, string[]>();
  const byDiagnosticScenario = new Map<string, string[]>();
  const byProductPesId = new Map<string, string[]>();
  const bySelfHelpType = new Map<string, string[]>();
  for (const article of articles) {
    for (const topic of article.supportTopicIds) addTo(bySupportTopicId, topic, article.id);
    if (article.diagnosticScenario !== null) addTo(byDiagnosticScenario, article.diagnosticScenario, article.id);
    for (const pes of article.productPesIds) addTo(byProductPesId, pes, article.id);
    if (article.selfHelpType !== null) addTo(bySelfHelpType, article.selfHelpType, article.id);
  }
  return {
    bySupportTopicId: sortedMap(bySupportTopicId),
    byDiagnosticScenario: sortedMap(byDiagnosticScenario),
    byProductPesId: sortedMap(byProductPesId),
    bySelfHelpType: sortedMap(bySelfHelpType),
  };
}

export interface Generator {
  name: string;
  version: string;
}

/** The whole catalog and one per cloud (every known cloud, even when no article is published there). */
export function buildCatalogs(articles: readonly CatalogArticle[], generator: Generator): { catalog: Catalog; clouds: Map<string, Catalog> } {
  const catalog: Catalog = { $schema: './catalog.schema.json', generator: { name: generator.name, version: generator.version }, articles: [...articles], indexes: buildIndexes(articles) };
  const clouds = new Map<string, Catalog>();
  for (const cloud of CLOUDS) {
    const subset = articles.filter((a) => a.clouds.includes(cloud));
    clouds.set(cloud, { $schema: '../catalog.schema.json', generator: { ...catalog.generator }, articles: subset, indexes: buildIndexes(subset) });
  }
  return { catalog, clouds };
}
