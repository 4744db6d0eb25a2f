// Plain data built from untrusted keys: every key becomes an own, enumerable data property,
// so `__proto__` or `constructor` never reach Object.prototype.

export function defineData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
