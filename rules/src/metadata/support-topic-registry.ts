// Support topic GUIDs must belong to the article's products: the registry is built from the
// supportTopicDescription articles of the tree (one product each) plus an optional registry file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRegistryFile, SupportTopicRegistry, type RegistryEntry } from '@selfhelp/schema';
import type { ArticleSummary, ProjectFinding, ProjectRule } from '../api.js';
import { fieldRange, listItems, summaryType } from './project-util.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Options {
  /** A registry file (JSON: product ID -> support topic IDs), relative to the working directory, or the mapping itself. */
  registry?: string | Record<string, string[]>;
}

function registryEntries(options: unknown): RegistryEntry[] {
  const registry = (options as Options | undefined)?.registry;
  if (registry === undefined) return [];
  if (typeof registry === 'string') {
    const path = resolve(registry);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`support-topic-registry: cannot read the registry file ${registry} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return parseRegistryFile(text, registry);
  }
  return parseRegistryFile(JSON.stringify(registry), 'options.registry');
}

/** The registry of a tree: every supportTopicDescription's product and topics, then the configured entries. */
export function buildRegistry(articles: readonly ArticleSummary[], options?: unknown): SupportTopicRegistry {
  const registry = new SupportTopicRegistry();
  for (const article of articles) {
    if (!article.declaredSupportTopics) continue;
    for (const product of listItems(article.fields.productpesids)) {
      registry.add({ product: product.value, topics: article.declaredSupportTopics, source: article.path });
    }
  }
  for (const entry of registryEntries(options)) registry.add(entry);
  return registry;
}

function describeProduct(registry: SupportTopicRegistry, product: string): string {
  const sources = registry.sourcesOf(product);
  return sources.length ? `${product} (${sources.join(', ')})` : product;
}

export const supportTopicRegistry: ProjectRule = {
  meta: {
    id: 'support-topic-registry',
    description: "A GUID support topic belongs to one of the article's products; a topic is declared by one product",
    category: 'metadata',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp'] },
    optionsSchema: {
      type: 'object',
      properties: {
        registry: {
          anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }],
        },
      },
      additionalProperties: false,
    },
    docs: {
      rationale: [
        'Each supportTopicDescription article declares, in its JSON body, the support topics of the product',
        'named by its productPesIds (129 products and 4,925 topics in the corpus). A GUID in an article\'s',
        'supportTopicIds that none of its products declares is a topic of another product or a typo: the',
        'article is never shown for it. The check applies only when at least one of the article\'s products',
        'is in the registry (in the corpus, articles name products by number and descriptions by GUID, so',
        'a registry file mapping the numbers is needed to check them). Legacy 8-digit IDs are not checked.',
        'A topic GUID declared by two products is reported on both descriptions (the corpus has one).',
        '',
        'For example, with `supporttopics_<product>.md` declaring topics A and B, an article with',
        '`productPesIds="<product>"` and `supportTopicIds="C"` gets',
        '`supportTopicIds: support topic "C" is not declared for product <product> (supporttopics_<product>.md)`.',
      ].join('\n'),
      options: [
        '`registry`: more products, as a path to a JSON file (relative to the working directory) or inline:',
        'an object mapping product IDs (numbers or GUIDs) to arrays of support topic IDs, at the top level or',
        'under `"products"`, e.g. `{ "16575": ["b095f075-4296-590f-166a-4f5913d87c6b"] }`.',
      ].join('\n'),
      incorrect: [],
      correct: [],
    },
  },
  fields: ['productpesids', 'supporttopicids', 'selfhelptype'],
  checkProject(articles, options) {
    const registry = buildRegistry(articles, options);
    // Conflicts are judged among the descriptions only: a registry file may list the same
    // product again under its numeric ID.
    const described = buildRegistry(articles);
    const findings: ProjectFinding[] = [];
    if (registry.size === 0) return findings;
    for (const article of articles) {
      if (article.kind !== 'selfhelp') continue;
      if (article.declaredSupportTopics) {
        // A topic declared by this description and by another product.
        const products = listItems(article.fields.productpesids).map((p) => p.value.toLowerCase());
        const field = article.fields.productpesids;
        if (!field) continue;
        for (const topic of new Set(article.declaredSupportTopics.map((t) => t.toLowerCase()))) {
          const others = described.productsDeclaring(topic).filter((p) => !products.includes(p));
          if (others.length === 0) continue;
          findings.push({
            path: article.path,
            message: `support topic "${topic}" is also declared by product ${others.map((p) => describeProduct(described, p)).join(', ')}`,
            range: fieldRange(field),
          });
        }
        continue;
      }
      if (summaryType(article) === '') continue;
      const products = listItems(article.fields.productpesids).map((p) => p.value);
      const known = products.filter((p) => registry.hasProduct(p));
      if (known.length === 0) continue;
      for (const item of listItems(article.fields.supporttopicids)) {
        if (!GUID.test(item.value) || known.some((p) => registry.declares(p, item.value))) continue;
        const owners = registry.productsDeclaring(item.value);
        const message = owners.length
          ? `supportTopicIds: support topic "${item.value}" belongs to product ${owners.map((p) => describeProduct(registry, p)).join(', ')}, not to ${known.join(', ')}`
          : `supportTopicIds: support topic "${item.value}" is not declared for product ${known.map((p) => describeProduct(registry, p)).join(' or ')}`;
        findings.push({ path: article.path, message, range: item.range });
      }
    }
    return findings;
  },
};
