// The support-topic registry: which support topic GUIDs each product declares. Built from the
// supportTopicDescription articles of the tree (one product each, topics in the JSON body) and,
// optionally, from a registry file that lists more products.

export interface RegistryEntry {
  /** A product ID as articles write it in productPesIds (GUID or number). */
  product: string;
  /** Support topic IDs the product declares. */
  topics: readonly string[];
  /** Where the declaration comes from (a root-relative article path or the registry file's path). */
  source: string;
}

interface ProductRecord {
  topics: Set<string>;
  sources: string[];
}

const key = (id: string): string => id.trim().toLowerCase();

export class SupportTopicRegistry {
  private readonly products = new Map<string, ProductRecord>();
  private readonly declaredBy = new Map<string, Set<string>>();

  constructor(entries: Iterable<RegistryEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: RegistryEntry): void {
    const product = key(entry.product);
    if (!product) return;
    let record = this.products.get(product);
    if (!record) this.products.set(product, (record = { topics: new Set(), sources: [] }));
    if (!record.sources.includes(entry.source)) record.sources.push(entry.source);
    for (const raw of entry.topics) {
      const topic = key(raw);
      if (!topic) continue;
      record.topics.add(topic);
      let by = this.declaredBy.get(topic);
      if (!by) this.declaredBy.set(topic, (by = new Set()));
      by.add(product);
    }
  }

  /** Whether the registry knows the product (so its topic list can be trusted). */
  hasProduct(product: string): boolean {
    return this.products.has(key(product));
  }

  /** Whether the product declares the topic (case-insensitive). */
  declares(product: string, topic: string): boolean {
    return this.products.get(key(product))?.topics.has(key(topic)) ?? false;
  }

  /** Products (lower case) that declare the topic. */
  productsDeclaring(topic: string): string[] {
    return [...(this.declaredBy.get(key(topic)) ?? [])].sort();
  }

  /** Where a product's topics were declared. */
  sourcesOf(product: string): readonly string[] {
    return this.products.get(key(product))?.sources ?? [];
  }

  get size(): number {
    return this.products.size;
  }
}

/**
 * Reads a registry file: a JSON object mapping product IDs to arrays of support topic IDs,
 * either at the top level or under `"products"`. Throws an Error with a one-line message when
 * the text is not such an object.
 */
export function parseRegistryFile(text: string, source: string): RegistryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.prototype.hasOwnProperty.call(data, 'products')) {
    data = (data as Record<string, unknown>).products;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${source}: expected an object mapping product IDs to lists of support topic IDs`);
  }
  const entries: RegistryEntry[] = [];
  for (const [product, topics] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string')) {
      throw new Error(`${source}: product "${product}" must map to a list of support topic ID strings`);
    }
    entries.push({ product, topics: topics as string[], source });
  }
  return entries;
}
