// Classifies a link destination: the scheme decides, and a scheme that is a near miss of one the
// portal uses (`ttps:`, `htps:`, `datablade:`) is `malformed`.
import type { LinkKind } from './types.js';

const KNOWN: { prefix: string; kind: LinkKind }[] = [
  { prefix: 'https://', kind: 'https' },
  { prefix: 'http://', kind: 'http' },
  { prefix: 'button-data-blade:', kind: 'button-data-blade' },
  { prefix: 'button-data-context:', kind: 'button-data-context' },
  { prefix: 'data-blade:', kind: 'data-blade' },
  { prefix: 'mailto:', kind: 'mailto' },
];

const NEAR = ['https', 'http', 'data-blade', 'button-data-blade', 'button-data-context', 'mailto'];

/** Optimal string alignment distance, stopping early above `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

export interface HrefClass {
  kind: LinkKind;
  problem?: string;
}

export function classifyHref(href: string): HrefClass {
  const h = href.trim();
  if (h.length === 0) return { kind: 'empty' };
  if (h.startsWith('#')) return { kind: 'anchor' };
  const lower = h.slice(0, 40).toLowerCase();
  for (const { prefix, kind } of KNOWN) if (lower.startsWith(prefix)) return { kind };
  const scheme = /^([a-z][a-z0-9+.-]{0,30}):/.exec(lower);
  if (scheme) {
    const s = scheme[1] as string;
    if (s === 'http' || s === 'https') return { kind: 'malformed', problem: 'missing-slashes' };
    for (const known of NEAR) {
      if (s === known) return { kind: 'other-scheme' };
      if (distance(s, known, known.length <= 5 ? 1 : 2) <= (known.length <= 5 ? 1 : 2)) return { kind: 'malformed', problem: 'misspelt-scheme' };
    }
    if (s.length === 1) return { kind: 'other-scheme' }; // a Windows drive letter
    return { kind: 'other-scheme' };
  }
  if (/^https?\/\//.test(lower)) return { kind: 'malformed', problem: 'missing-colon' };
  if (lower.startsWith('www.')) return { kind: 'malformed', problem: 'missing-scheme' };
  if (lower.startsWith('//')) return { kind: 'other-scheme' };
  return { kind: 'relative' };
}
