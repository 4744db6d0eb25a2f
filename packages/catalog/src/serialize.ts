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
  if (Array.isArray(value)) {
    // Lists of ids (the indexes): the native serializer writes them identically, only faster.
    if (value.every((item) => typeof item === 'string')) return JSON.stringify(value);
    return `[${value.map((item) => write(item)).join(',')}]`;
  }
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

/**
 * The plain-data form of a value, for schema validation: Maps become objects with the same keys
 * (null-prototype objects, so a `__proto__` key is an ordinary own key).
 */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of value as Map<string, unknown>) out[String(key)] = toPlain(item);
    return out;
  }
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object') ? value.map(toPlain) : value;
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) out[key] = toPlain((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
