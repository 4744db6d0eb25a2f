// HTML comments in the body: `<!--issueDescription-->` regions, `<!--$name-->default<!--/$name-->`
// replacement tokens, and plain comments. One linear pass with indexOf; comments inside code
// (or other excluded ranges such as JSON bodies) do not count.
import type { DiagnosticSink } from './diagnostics.js';
import type { LineIndex } from './line-index.js';
import type { IssueDescription, ReplacementToken } from './types.js';

export interface MarkerResult {
  issueDescriptions: IssueDescription[];
  tokens: ReplacementToken[];
  comments: { text: string; range: IssueDescription['range'] }[];
}

type Marker =
  | { kind: 'id-open' | 'id-close' }
  | { kind: 'token-open' | 'token-close'; name: string }
  | { kind: 'comment' };

const TOKEN_NAME = /^[A-Za-z0-9_.-]+$/;

function classify(inner: string): Marker {
  const t = inner.trim();
  if (t.length > 200) return { kind: 'comment' };
  if (t.toLowerCase() === 'issuedescription') return { kind: 'id-open' };
  if (t.startsWith('/')) {
    const rest = t.slice(1).trim();
    if (rest.toLowerCase() === 'issuedescription') return { kind: 'id-close' };
    if (rest.startsWith('$') && TOKEN_NAME.test(rest.slice(1))) return { kind: 'token-close', name: rest.slice(1) };
    return { kind: 'comment' };
  }
  if (t.startsWith('$') && TOKEN_NAME.test(t.slice(1))) return { kind: 'token-open', name: t.slice(1) };
  return { kind: 'comment' };
}

/** Finds markers in source[from, to), skipping `excluded` ([start, end) offsets, sorted by start). */
export function scanMarkers(source: string, from: number, to: number, excluded: readonly [number, number][], lines: LineIndex, sink: DiagnosticSink): MarkerResult {
  const result: MarkerResult = { issueDescriptions: [], tokens: [], comments: [] };
  let openId: { start: number; end: number } | undefined;
  const stack: { name: string; start: number; end: number }[] = [];
  let ex = 0;
  let i = source.indexOf('<!--', from);
  while (i !== -1 && i < to) {
    while (ex < excluded.length && (excluded[ex] as [number, number])[1] <= i) ex++;
    const skip = excluded[ex];
    if (skip && skip[0] <= i) {
      i = source.indexOf('<!--', skip[1]);
      continue;
    }
    const close = source.indexOf('-->', i + 4);
    if (close === -1 || close + 3 > to) {
      sink.add('comment-unclosed', 'The HTML comment is not closed with "-->".', i, i + 4, 'warning');
      break;
    }
    const end = close + 3;
    const marker = classify(source.slice(i + 4, close));
    switch (marker.kind) {
      case 'id-open':
        if (openId) sink.add('issue-description-nested', 'issueDescription regions cannot be nested.', i, end, 'error');
        else openId = { start: i, end };
        break;
      case 'id-close':
        if (!openId) sink.add('issue-description-unopened', 'This <!--/issueDescription--> has no opening marker.', i, end, 'error');
        else {
          result.issueDescriptions.push({
            range: lines.range(openId.start, end),
            contentRange: lines.range(openId.end, i),
            text: source.slice(openId.end, i),
          });
          openId = undefined;
        }
        break;
      case 'token-open':
        if (stack.length > 0) {
          const outer = stack[stack.length - 1]!;
          sink.add('token-nested', `Token "${marker.name}" is opened inside token "${outer.name}" (line ${lines.position(outer.start).line}).`, i, end, 'error');
        }
        stack.push({ name: marker.name, start: i, end });
        break;
      case 'token-close': {
        const top = stack[stack.length - 1];
        if (!top) {
          sink.add('token-unopened', `<!--/$${marker.name}--> has no opening <!--$${marker.name}-->.`, i, end, 'error');
          break;
        }
        const wanted = marker.name.toLowerCase();
        if (top.name !== marker.name && top.name.toLowerCase() === wanted) {
          sink.add('token-case-mismatch', `<!--/$${marker.name}--> closes token "${top.name}" with a different case.`, i, end, 'warning');
        } else if (top.name !== marker.name) {
          sink.add('token-mismatched', `<!--/$${marker.name}--> does not close the open token "${top.name}" (line ${lines.position(top.start).line}).`, i, end, 'error');
          let k = stack.length - 1;
          while (k >= 0 && stack[k]!.name.toLowerCase() !== wanted) k--;
          if (k < 0) break;
          while (stack.length - 1 > k) {
            const lost = stack.pop()!;
            sink.add('token-unclosed', `Token "${lost.name}" is never closed.`, lost.start, lost.end, 'error');
          }
        }
        const open = stack.pop()!;
        result.tokens.push({
          name: open.name,
          defaultText: source.slice(open.end, i),
          range: lines.range(open.start, end),
          defaultRange: lines.range(open.end, i),
          region: -1,
        });
        break;
      }
      default:
        result.comments.push({ text: source.slice(i + 4, close), range: lines.range(i, end) });
    }
    i = source.indexOf('<!--', end);
  }
  if (openId) sink.add('issue-description-unclosed', 'The issueDescription region is never closed with <!--/issueDescription-->.', openId.start, openId.end, 'error');
  for (const lost of stack) sink.add('token-unclosed', `Token "${lost.name}" is never closed.`, lost.start, lost.end, 'error');
  result.tokens.sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const token of result.tokens) {
    const s = token.range.start.offset;
    token.region = result.issueDescriptions.findIndex((r) => r.range.start.offset <= s && token.range.end.offset <= r.range.end.offset);
  }
  return result;
}

const WHITE_SPACE = /\s/;

/**
 * True for HTML that holds only comments and white space, at least one comment (`<!-- a --> <!-- b -->`).
 * A scan, not a regex: linear.
 */
export function isCommentOnlyHtml(html: string): boolean {
  const skip = (i: number): number => {
    while (i < html.length && WHITE_SPACE.test(html[i]!)) i++;
    return i;
  };
  let i = skip(0);
  if (i === html.length) return false;
  while (i < html.length) {
    if (!html.startsWith('<!--', i)) return false;
    const end = html.indexOf('-->', i + 4);
    if (end === -1) return false;
    i = skip(end + 3);
  }
  return true;
}
