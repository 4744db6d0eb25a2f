// URL schemes an article may use, and the closest known one for a misspelling (`ttps:`, `datablade:`).
import { BLADE_SCHEMES } from './blade.js';

export const KNOWN_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel', ...BLADE_SCHEMES];

/** The scheme of an href (lower-cased, without `:`), or undefined for a relative reference. */
export function schemeOf(href: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(href.trimStart());
  return m?.[1]?.toLowerCase();
}

/** Damerau-Levenshtein distance (optimal string alignment), enough for short scheme names. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known scheme an unknown one is probably a misspelling of (edit distance at most 2, or equal without hyphens). */
export function suggestScheme(scheme: string, known: readonly string[] = KNOWN_SCHEMES): string | undefined {
  const s = scheme.toLowerCase();
  if (known.includes(s)) return undefined;
  const bare = s.replace(/[-_]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    if (k.replace(/-/g, '') === bare) return k;
    const limit = k.length <= 4 ? 1 : 2;
    const dist = editDistance(s, k);
    if (dist <= limit && dist < bestDistance) { best = k; bestDistance = dist; }
  }
  return best;
}
