// Checks one URL over HTTP: HEAD first (GET when HEAD is refused or unreliable), retries with
// exponential backoff and jitter honouring Retry-After, redirects followed one hop at a time
// (each hop goes through the scheduler and the guarded connector).
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import { hostInList } from '../href.js';
import type { HostScheduler } from './scheduler.js';
import type { CheckerOptions, UrlResult } from './types.js';

export interface HttpContext {
  dispatcher: Dispatcher;
  scheduler: HostScheduler;
  options: CheckerOptions;
  accept: (status: number) => boolean;
  stats: { requests: number };
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

type Attempt =
  | { kind: 'response'; status: number; location: string | undefined; retryAfter: number | undefined }
  | { kind: 'error'; error: Error & { code?: string } };

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** HEAD answers that are trusted as they are (everything else non-accepted is asked again with GET). */
const HEAD_TRUSTED_FAILURES = new Set([404, 410, 429, 502, 503, 504]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
/** Bytes of a GET body read before the connection is dropped instead of drained. */
const BODY_LIMIT = 64 * 1024;

/** Parses a Retry-After value (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function send(ctx: HttpContext, url: URL, method: 'HEAD' | 'GET'): Promise<Attempt> {
  ctx.stats.requests++;
  const timeout = ctx.options.timeout;
  try {
    const response = await ctx.dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method,
      // Only these headers, ever: no cookies, no Authorization, no credentials from the URL.
      headers: { 'user-agent': ctx.options.userAgent, accept: '*/*' },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
      // undici closes the connection after every HEAD (for servers that wrongly send a body); keep it
      // open instead, or each HEAD costs a new TCP and TLS handshake. A server that does send a body
      // corrupts only the next answer on that connection, which fails and is retried.
      reset: false,
    });
    const location = response.headers['location'];
    const result: Attempt = {
      kind: 'response',
      status: response.statusCode,
      location: Array.isArray(location) ? location[0] : location,
      retryAfter: parseRetryAfter(response.headers['retry-after'], ctx.now()),
    };
    await response.body.dump({ limit: BODY_LIMIT }).catch(() => undefined);
    return result;
  } catch (error) {
    // A refused connection sent nothing: it is not counted as a request.
    if (errorCode(error as Error) === 'ESELFHELP_REFUSED') ctx.stats.requests--;
    return { kind: 'error', error: error as Error & { code?: string } };
  }
}

function errorCode(error: Error & { code?: string; cause?: unknown }): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: Error & { code?: string }): boolean {
  const code = errorCode(error);
  return error.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT';
}

function backoff(ctx: HttpContext, attempt: number): number {
  const base = ctx.options.retryDelay * 2 ** attempt;
  const random = ctx.options.random ?? Math.random;
  // "Equal jitter": half fixed, half random, so retries of many URLs spread out.
  return Math.min(ctx.options.maxRetryDelay, base / 2 + random() * (base / 2));
}

/** One hop: sends HEAD/GET with retries; returns the last attempt. */
async function fetchHop(ctx: HttpContext, url: URL): Promise<Attempt> {
  const host = url.hostname;
  let method: 'HEAD' | 'GET' = hostInList(host, ctx.options.getOnlyHosts) ? 'GET' : 'HEAD';
  for (let attempt = 0; ; attempt++) {
    let result = await ctx.scheduler.run(host, () => send(ctx, url, method));
    if (result.kind === 'response' && method === 'HEAD' && !ctx.accept(result.status) && !REDIRECTS.has(result.status) && !HEAD_TRUSTED_FAILURES.has(result.status)) {
      // 405 / 501 (HEAD not supported) and other odd HEAD answers: ask again with GET.
      method = 'GET';
      result = await ctx.scheduler.run(host, () => send(ctx, url, method));
    }
    if (attempt >= ctx.options.retries) return result;
    if (result.kind === 'response') {
      if (!RETRY_STATUSES.has(result.status)) return result;
      let delay = backoff(ctx, attempt);
      if (result.retryAfter !== undefined && (result.status === 429 || result.status === 503)) {
        if (result.retryAfter > ctx.options.maxRetryDelay) return result;
        delay = Math.max(delay, result.retryAfter);
        // The whole host waits, not only this URL.
        ctx.scheduler.pause(host, ctx.now() + delay);
      }
      await ctx.sleep(delay);
    } else {
      if (errorCode(result.error) === 'ESELFHELP_REFUSED') return result;
      await ctx.sleep(backoff(ctx, attempt));
    }
  }
}

function describeStatus(status: number): string {
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

function describeError(error: Error & { code?: string }, timeout: number): { status: UrlResult['status']; message: string } {
  const code = errorCode(error);
  if (code === 'ESELFHELP_REFUSED') {
    // The guard's own error (possibly wrapped): show its message.
    let e: unknown = error;
    while (e && (e as { code?: string }).code !== 'ESELFHELP_REFUSED') e = (e as { cause?: unknown }).cause;
    return { status: 'refused', message: (e as Error | undefined)?.message ?? error.message };
  }
  if (isTimeout(error)) return { status: 'timeout', message: `no answer within ${timeout} ms` };
  const detail = code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  return { status: 'network-error', message: detail || code || 'network error' };
}

/** Checks one normalised http(s) URL (no fragment, no credentials). */
export async function checkUrl(ctx: HttpContext, start: URL): Promise<UrlResult> {
  const checkedAt = ctx.now();
  const seen = [start.href];
  let current = start;
  let leadingPermanent = true;
  let suggestion: string | undefined;
  for (let hop = 0; ; hop++) {
    const attempt = await fetchHop(ctx, current);
    const via = hop > 0 ? ` (after redirect to ${current.href})` : '';
    if (attempt.kind === 'error') {
      const { status, message } = describeError(attempt.error, ctx.options.timeout);
      return { url: start.href, status, message: message + via, checkedAt, ...(hop > 0 ? { finalUrl: current.href } : {}) };
    }
    const { status: code, location } = attempt;
    if (REDIRECTS.has(code) && location !== undefined) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { url: start.href, status: 'redirect-error', httpStatus: code, message: `redirect to an invalid URL "${location}"${via}`, checkedAt };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return { url: start.href, status: 'redirect-error', httpStatus: code, message: `redirect to a non-HTTP URL ${next.protocol}${via}`, checkedAt };
      }
      next.username = '';
      next.password = '';
      next.hash = '';
      if (seen.includes(next.href)) {
        return { url: start.href, status: 'redirect-error', httpStatus: code, message: `redirect loop: ${[...seen, next.href].join(' -> ')}`, checkedAt };
      }
      if (hop + 1 > ctx.options.maxRedirects) {
        return { url: start.href, status: 'redirect-error', httpStatus: code, message: `more than ${ctx.options.maxRedirects} redirects`, checkedAt };
      }
      if (leadingPermanent && PERMANENT.has(code)) suggestion = next.href;
      else leadingPermanent = false;
      seen.push(next.href);
      current = next;
      continue;
    }
    const finalUrl = hop > 0 ? { finalUrl: current.href } : {};
    if (ctx.accept(code)) {
      if (suggestion) return { url: start.href, status: 'redirected', httpStatus: code, suggestion, message: `permanently redirected to ${suggestion}`, checkedAt, ...finalUrl };
      return { url: start.href, status: 'ok', httpStatus: code, message: describeStatus(code), checkedAt, ...finalUrl };
    }
    return { url: start.href, status: 'broken', httpStatus: code, message: `HTTP ${describeStatus(code)}${via}`, checkedAt, ...finalUrl };
  }
}
