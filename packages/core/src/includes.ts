// `[!INCLUDE [title](path)]` and the legacy `[AZURE.INCLUDE [title](path)]`, found in the raw
// body (outside code and other excluded ranges). Each include sits on one line.
import type { DiagnosticSink } from './diagnostics.js';
import type { LineIndex } from './line-index.js';
import type { Include } from './types.js';

const START = /\[[ \t]*(!|azure\.)include\b/gi;

function skipBlanks(source: string, i: number, end: number): number {
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i;
}

/** Finds `]` and `)` before a limit; remembers the last answer so repeated searches stay linear. */
class NextChar {
  private at = new Map<string, { from: number; limit: number; found: number }>();
  constructor(private readonly source: string) {}
  find(ch: string, from: number, limit: number): number {
    const memo = this.at.get(ch);
    if (memo && memo.limit === limit && memo.from <= from && (memo.found === -1 || memo.found >= from)) return memo.found;
    let found = -1;
    for (let k = from; k < limit; k++) {
      if (this.source[k] === ch) {
        found = k;
        break;
      }
    }
    this.at.set(ch, { from, limit, found });
    return found;
  }
}

export function scanIncludes(source: string, from: number, to: number, excluded: readonly [number, number][], lines: LineIndex, sink: DiagnosticSink): Include[] {
  const includes: Include[] = [];
  const re = new RegExp(START.source, START.flags);
  re.lastIndex = from;
  let ex = 0;
  let lineEnd = -1;
  const next = new NextChar(source);
  for (let m = re.exec(source); m !== null && m.index < to; m = re.exec(source)) {
    const start = m.index;
    while (ex < excluded.length && (excluded[ex] as [number, number])[1] <= start) ex++;
    const skip = excluded[ex];
    if (skip && skip[0] <= start) {
      re.lastIndex = skip[1];
      continue;
    }
    const legacy = (m[1] as string).toLowerCase() !== '!';
    if (start >= lineEnd) lineEnd = lines.lineEnd(start, source); // once per line: linear overall
    const fail = (): void => {
      sink.add('include-malformed', 'Malformed include: write [!INCLUDE [title](path)].', start, Math.min(lineEnd, start + m![0].length), 'error');
      re.lastIndex = start + m![0].length;
    };
    let i = skipBlanks(source, start + m[0].length, lineEnd);
    if (source.charCodeAt(i) !== 91 /* [ */) {
      fail();
      continue;
    }
    const titleEnd = next.find(']', i + 1, lineEnd);
    if (titleEnd === -1) {
      fail();
      continue;
    }
    const title = source.slice(i + 1, titleEnd);
    i = skipBlanks(source, titleEnd + 1, lineEnd);
    if (source.charCodeAt(i) !== 40 /* ( */) {
      fail();
      continue;
    }
    const pathEnd = next.find(')', i + 1, lineEnd);
    if (pathEnd === -1) {
      fail();
      continue;
    }
    // Trim blanks and `<...>` around the path.
    let ps = skipBlanks(source, i + 1, pathEnd);
    let pe = pathEnd;
    while (pe > ps && (source.charCodeAt(pe - 1) === 32 || source.charCodeAt(pe - 1) === 9)) pe--;
    if (source.charCodeAt(ps) === 60 && source.charCodeAt(pe - 1) === 62 && pe - ps >= 2) {
      ps++;
      pe--;
    }
    const close = skipBlanks(source, pathEnd + 1, lineEnd);
    if (source.charCodeAt(close) !== 93 /* ] */) {
      fail();
      continue;
    }
    const path = source.slice(ps, pe);
    if (path.length === 0) sink.add('include-empty-path', 'The include has no path.', i, pathEnd + 1, 'error');
    includes.push({ title, path, legacy, range: lines.range(start, close + 1), pathRange: lines.range(ps, pe) });
    re.lastIndex = close + 1;
  }
  return includes;
}
