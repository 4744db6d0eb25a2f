// The checker: every distinct URL once (after remap, without fragment), results from the cache when
// fresh, the rest over HTTP through the guarded agent, then mapped back to every occurrence.
import { STATUS_CODES } from 'node:http';
import { Agent } from 'undici';
import { setTimeout as delay } from 'node:timers/promises';
import { ResultCache } from './cache.js';
import { collectOccurrences, normaliseHref } from './collect.js';
import { guardedConnector } from './guard.js';
import { checkUrl, type HttpContext } from './http-check.js';
import { acceptMatcher, resolveOptions } from './options.js';
import { HostScheduler } from './scheduler.js';
import type { CheckerOptions, CheckReport, LinkOccurrence, UrlResult } from './types.js';

export { collectOccurrences };

export interface CheckHooks {
  /** Called after each distinct URL is settled (for progress output). */
  onResult?(result: UrlResult): void;
}

/** A cached final answer judged again with this run's accepted status codes. */
function reaccept(result: UrlResult, accept: (status: number) => boolean): UrlResult {
  if ((result.status !== 'ok' && result.status !== 'broken') || result.httpStatus === undefined) return result;
  const ok = accept(result.httpStatus);
  if (ok === (result.status === 'ok')) return result;
  const phrase = STATUS_CODES[result.httpStatus];
  const code = phrase ? `${result.httpStatus} ${phrase}` : String(result.httpStatus);
  return { ...result, status: ok ? 'ok' : 'broken', message: ok ? code : `HTTP ${code}` };
}

export async function checkOccurrences(occurrences: readonly LinkOccurrence[], partial: Partial<CheckerOptions> = {}, hooks: CheckHooks = {}): Promise<CheckReport> {
  const options = resolveOptions(partial);
  const accept = acceptMatcher(options.accept);
  const remap = options.remap.map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'g') }));
  const exclude = options.exclude.map((p) => new RegExp(p));
  const now = Date.now;

  // Distinct URLs, in first-seen order.
  const keyOf: string[] = [];
  const urls = new Map<string, URL | undefined>();
  const results = new Map<string, UrlResult>();
  for (const occ of occurrences) {
    const href = occ.href.trim();
    if (exclude.some((re) => re.test(href))) {
      keyOf.push(href);
      results.set(href, { url: href, status: 'excluded', message: 'excluded by a pattern', checkedAt: now() });
      continue;
    }
    const n = normaliseHref(href, remap);
    if ('invalid' in n) {
      keyOf.push(href);
      results.set(href, { url: href, status: 'invalid', message: n.invalid, checkedAt: now() });
      continue;
    }
    keyOf.push(n.key);
    if (!urls.has(n.key)) urls.set(n.key, n.url);
  }
  // Exclude patterns also apply to the remapped URL.
  for (const key of urls.keys()) {
    if (!results.has(key) && exclude.some((re) => re.test(key))) {
      results.set(key, { url: key, status: 'excluded', message: 'excluded by a pattern', checkedAt: now() });
      urls.delete(key);
    }
  }

  const stats = { urls: urls.size, cached: 0, requests: 0, excluded: [...results.values()].filter((r) => r.status === 'excluded').length };
  const cache = options.cache === false ? undefined : new ResultCache(options.cache, options.maxAge * 1000, now);
  await cache?.load();

  const pending: [string, URL][] = [];
  for (const [key, url] of urls) {
    const hit = cache?.get(key);
    if (hit) {
      results.set(key, reaccept(hit, accept));
      stats.cached++;
    } else if (options.offline) {
      results.set(key, { url: key, status: 'unchecked', message: 'not checked (offline, no cached result)', checkedAt: now() });
    } else if (url) {
      pending.push([key, url]);
    }
  }

  if (pending.length > 0) {
    const agent = new Agent({
      connect: guardedConnector({
        allowPrivate: options.allowPrivate,
        allowAddresses: options.allowAddresses,
        ...(options.resolver ? { resolver: options.resolver } : {}),
        connectTimeout: options.timeout,
      }),
      connections: options.perHostConcurrency,
      headersTimeout: options.timeout,
      bodyTimeout: options.timeout,
      keepAliveTimeout: 4_000,
    });
    const ctx: HttpContext = {
      dispatcher: agent,
      scheduler: new HostScheduler(options.concurrency, options.perHostConcurrency, options.perHostInterval, now),
      options,
      accept,
      stats,
      sleep: (ms) => delay(ms),
      now,
    };
    try {
      await Promise.all(
        pending.map(async ([key, url]) => {
          const result = await checkUrl(ctx, url);
          results.set(key, result);
          cache?.set(result);
          hooks.onResult?.(result);
        }),
      );
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  }
  await cache?.save();

  return {
    occurrences: occurrences.map((occurrence, i) => ({ occurrence, result: results.get(keyOf[i]!)! })),
    results,
    stats,
  };
}
