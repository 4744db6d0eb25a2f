// Canonical JSON text: compact, one trailing newline, keys in the order the objects were built
// (Maps are written as objects in their insertion order, so index keys keep the sorted order they
// were inserted in even when they look like numbers; a plain object would move those first).
export function toJson(value: unknown): string {
  return write(value) + '\n';
}

function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => write(item)).join(',')}]`;
  if (value instanceof Map) {
    const parts: string[] = [];
    for (const [key, item] of value as Map<string, unknown>) parts.push(`${JSON.stringify(String(key))}:${write(item)}`);
    return `{${parts.join(',')}}`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    parts.push(`${JSON.stringify(key)}:${write(item)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The plain-data form of a value (Maps become objects with the same key order where possible), for schema validation. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value as Map<string, unknown>) Object.defineProperty(out, String(key), { value: toPlain(item), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: toPlain((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
