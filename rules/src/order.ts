/**
 * Plain code-unit order of two strings: the same on every machine and locale, and unlike localeCompare
 * it does not load ICU's collation data (about 10 ms at the first call, paid by every short run).
 */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
