// The portal link grammar of self-help articles:
//   data-blade:<Extension>.<Blade>[.<parameter>.<value>]...
//   button-data-blade:...   button-data-context:...   (same grammar, rendered as a button)
// e.g. `data-blade:Microsoft_Azure_Health.resourcehealthdetailblade.resourceId.$resourceId`.
// Values are `$name` (filled in by the portal from the resource in context) or a literal.

export const BLADE_SCHEMES = ['data-blade', 'button-data-blade', 'button-data-context'] as const;
export type BladeScheme = (typeof BLADE_SCHEMES)[number];

export interface BladeTarget {
  scheme: BladeScheme;
  extension: string;
  blade: string;
  parameters: { name: string; value: string }[];
}

export interface BladeProblem {
  message: string;
  /** `[start, end)` inside the href. */
  range: [number, number];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VALUE = /^(?:\$[A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9_-]+)$/;

/** Parses a portal link; returns the target, or the first problem with its range inside the href. */
export function parseBladeHref(href: string): { target: BladeTarget } | { problem: BladeProblem } | undefined {
  const colon = href.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = href.slice(0, colon).toLowerCase();
  if (!(BLADE_SCHEMES as readonly string[]).includes(scheme)) return undefined;
  const bodyStart = colon + 1;
  const body = href.slice(bodyStart);
  if (body.trim() === '') return { problem: { message: `Expected \`${scheme}:<Extension>.<Blade>\` after \`${scheme}:\``, range: [0, href.length] } };
  const ws = /\s/.exec(body);
  if (ws) return { problem: { message: `Unexpected whitespace in ${scheme} link`, range: [bodyStart + ws.index, bodyStart + ws.index + 1] } };
  const segments: { text: string; start: number }[] = [];
  let start = 0;
  for (const text of body.split('.')) {
    segments.push({ text, start: bodyStart + start });
    start += text.length + 1;
  }
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const role = i === 0 ? 'extension' : i === 1 ? 'blade' : i % 2 === 0 ? 'parameter name' : 'parameter value';
    if (seg.text === '') {
      return { problem: { message: `Empty ${role} in ${scheme} link`, range: [Math.max(bodyStart, seg.start - 1), Math.min(href.length, seg.start + 1)] } };
    }
    const ok = role === 'parameter value' ? VALUE.test(seg.text) : NAME.test(seg.text);
    if (!ok) {
      const bad = firstBadChar(seg.text, role === 'parameter value');
      return { problem: { message: `Unexpected \`${seg.text[bad]}\` in the ${role} of ${scheme} link`, range: [seg.start + bad, seg.start + bad + 1] } };
    }
  }
  const first = segments[0]!;
  if (segments.length === 1) {
    return { problem: { message: `Missing blade name: expected \`${scheme}:<Extension>.<Blade>\``, range: [first.start, first.start + first.text.length] } };
  }
  if (segments.length % 2 === 1) {
    const last = segments[segments.length - 1]!;
    return { problem: { message: `Parameter \`${last.text}\` has no value: expected \`.${last.text}.<value>\``, range: [last.start, last.start + last.text.length] } };
  }
  const parameters: BladeTarget['parameters'] = [];
  for (let i = 2; i < segments.length; i += 2) parameters.push({ name: segments[i]!.text, value: segments[i + 1]!.text });
  return { target: { scheme: scheme as BladeScheme, extension: first.text, blade: segments[1]!.text, parameters } };
}

function firstBadChar(text: string, value: boolean): number {
  if (value) {
    if (text.startsWith('$')) {
      for (let i = 1; i < text.length; i++) if (!/[A-Za-z0-9_]/.test(text[i]!) || (i === 1 && /\d/.test(text[i]!))) return i;
      return 0;
    }
    for (let i = 0; i < text.length; i++) if (!/[A-Za-z0-9_-]/.test(text[i]!)) return i;
    return 0;
  }
  for (let i = 0; i < text.length; i++) if (!/[A-Za-z0-9_]/.test(text[i]!) || (i === 0 && /\d/.test(text[i]!))) return i;
  return 0;
}
