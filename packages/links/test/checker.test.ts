// The HTTP checker against a real server on 127.0.0.1 (allowed explicitly where needed).
import net from 'node:net';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadChecker, type LinkOccurrence, type CheckerOptions, type Resolver } from '@selfhelp/links';
import { startServer, type TestServer } from './http-server.js';

const { checkOccurrences, DEFAULT_USER_AGENT } = await loadChecker();

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), 'selfhelp-links-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const range = { start: { line: 3, column: 5, offset: 20 }, end: { line: 3, column: 30, offset: 45 } };
const occ = (href: string, path = 'a.md'): LinkOccurrence => ({ path, href, range });

/** Options for tests: the local server allowed, quick retries. */
const local = (extra: Partial<CheckerOptions> = {}): Partial<CheckerOptions> => ({ allowPrivate: true, retryDelay: 10, timeout: 5_000, ...extra });

async function checkOne(path: string, extra: Partial<CheckerOptions> = {}) {
  const report = await checkOccurrences([occ(server.origin + path)], local(extra));
  return report.occurrences[0]!.result;
}

describe('status codes', () => {
  it('200 is ok, with one HEAD request and honest headers only', async () => {
    const r = await checkOne('/ok');
    expect(r).toMatchObject({ status: 'ok', httpStatus: 200, message: '200 OK' });
    expect(server.requests).toHaveLength(1);
    const seen = server.requests[0]!;
    expect(seen.method).toBe('HEAD');
    expect(seen.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^selfhelp-links\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/selfhelp\/selfhelp\)$/);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('never sends credentials written in the URL', async () => {
    const report = await checkOccurrences([occ(`http://alice:secret@127.0.0.1:${server.port}/ok`)], local());
    expect(report.occurrences[0]!.result.status).toBe('ok');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(server.requests[0]!.headers)).not.toContain('secret');
  });

  it('404 and 410 are broken', async () => {
    expect(await checkOne('/not-found')).toMatchObject({ status: 'broken', httpStatus: 404, message: 'HTTP 404 Not Found' });
    expect(await checkOne('/gone')).toMatchObject({ status: 'broken', httpStatus: 410, message: 'HTTP 410 Gone' });
    // A HEAD 404 is trusted: no GET after it.
    expect(server.count('GET', '/not-found')).toBe(0);
    expect(server.count('HEAD', '/not-found')).toBe(1);
  });

  it('accepted status codes are configurable', async () => {
    expect(await checkOne('/gone', { accept: ['200-299', 410] })).toMatchObject({ status: 'ok', httpStatus: 410 });
  });

  it('HEAD answered 405 falls back to GET', async () => {
    expect(await checkOne('/no-head')).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(server.count('HEAD', '/no-head')).toBe(1);
    expect(server.count('GET', '/no-head')).toBe(1);
  });

  it('getOnlyHosts skips HEAD', async () => {
    expect(await checkOne('/ok', { getOnlyHosts: ['127.0.0.1'] })).toMatchObject({ status: 'ok' });
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('redirects', () => {
  it('a 301 then 308 chain is reported with the final URL as the suggestion', async () => {
    const r = await checkOne('/moved');
    expect(r).toMatchObject({ status: 'redirected', httpStatus: 200, suggestion: `${server.origin}/ok`, finalUrl: `${server.origin}/ok` });
    expect(r.message).toBe(`permanently redirected to ${server.origin}/ok`);
    expect(server.requests.map((q) => q.path)).toEqual(['/moved', '/moved-again', '/ok']);
  });

  it('a temporary redirect is fine', async () => {
    expect(await checkOne('/temporary')).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/ok` });
  });

  it('a permanent redirect to a missing page is broken', async () => {
    expect(await checkOne('/moved-to-missing')).toMatchObject({ status: 'broken', httpStatus: 404, message: `HTTP 404 Not Found (after redirect to ${server.origin}/not-found)` });
  });

  it('a redirect loop is an error', async () => {
    const r = await checkOne('/loop-a');
    expect(r.status).toBe('redirect-error');
    expect(r.message).toBe(`redirect loop: ${server.origin}/loop-a -> ${server.origin}/loop-b -> ${server.origin}/loop-a`);
    expect(server.requests).toHaveLength(2);
  });

  it('too many redirects is an error', async () => {
    const r = await checkOne('/moved', { maxRedirects: 1 });
    expect(r).toMatchObject({ status: 'redirect-error', message: 'more than 1 redirects' });
  });
});

describe('retries', () => {
  it('429 with Retry-After waits that long, then succeeds', async () => {
    expect(await checkOne('/rate-limited')).toMatchObject({ status: 'ok', httpStatus: 200 });
    const times = server.requests.filter((q) => q.path === '/rate-limited').map((q) => q.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After longer than maxRetryDelay is not waited for', async () => {
    const r = await checkOne('/rate-limited', { maxRetryDelay: 500 });
    expect(r).toMatchObject({ status: 'broken', httpStatus: 429, message: 'HTTP 429 Too Many Requests' });
    expect(server.requests).toHaveLength(1);
  });

  it('503 then 200 succeeds after one retry', async () => {
    expect(await checkOne('/unavailable')).toMatchObject({ status: 'ok' });
    expect(server.count('HEAD', '/unavailable')).toBe(2);
  });

  it('a lasting 503 is broken after 1 + retries attempts', async () => {
    expect(await checkOne('/always-unavailable', { retries: 3 })).toMatchObject({ status: 'broken', httpStatus: 503 });
    expect(server.count('HEAD', '/always-unavailable')).toBe(4);
  });

  it('a response slower than the timeout is a timeout', async () => {
    const r = await checkOne('/slow', { timeout: 300, retries: 1 });
    expect(r).toMatchObject({ status: 'timeout', message: 'no answer within 300 ms' });
    expect(server.count('HEAD', '/slow')).toBe(2);
  });

  it('a reset connection is a network error, retried', async () => {
    const r = await checkOne('/reset', { retries: 2 });
    expect(r.status).toBe('network-error');
    expect(r.message).toMatch(/other side closed|socket hang up|ECONNRESET/);
    expect(server.count('HEAD', '/reset')).toBe(3);
  });
});

describe('distinct URLs and occurrences', () => {
  it('checks each distinct URL once (fragments ignored) and reports every occurrence', async () => {
    const occurrences = [occ(`${server.origin}/ok#one`, 'a.md'), occ(`${server.origin}/ok#two`, 'b.md'), occ(`${server.origin}/not-found`, 'b.md'), occ(`${server.origin}/ok`, 'c.md')];
    const report = await checkOccurrences(occurrences, local());
    expect(report.stats).toMatchObject({ urls: 2, requests: 2, cached: 0 });
    expect(report.occurrences.map((o) => [o.occurrence.path, o.result.status])).toEqual([
      ['a.md', 'ok'],
      ['b.md', 'ok'],
      ['b.md', 'broken'],
      ['c.md', 'ok'],
    ]);
  });

  it('remaps before checking and excludes by pattern', async () => {
    const report = await checkOccurrences(
      [occ('https://docs.example.invalid/page'), occ(`${server.origin}/gone`)],
      local({ remap: [{ pattern: '^https://docs\\.example\\.invalid/page$', replacement: `${server.origin}/ok` }], exclude: ['/gone$'] }),
    );
    expect(report.occurrences.map((o) => o.result.status)).toEqual(['ok', 'excluded']);
    expect(server.requests.map((q) => q.path)).toEqual(['/ok']);
  });

  it('reuses one connection for successive HEAD requests to a host', async () => {
    const report = await checkOccurrences([occ(`${server.origin}/ok`), occ(`${server.origin}/gone`), occ(`${server.origin}/not-found`)], local({ perHostConcurrency: 1, concurrency: 1 }));
    expect(report.stats.requests).toBe(3);
    expect(server.requests.map((q) => q.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
    expect(server.connections).toBe(1);
  });

  it('an invalid URL is reported without a request', async () => {
    const report = await checkOccurrences([occ('https://exa mple.com/')], local());
    expect(report.occurrences[0]!.result).toMatchObject({ status: 'invalid', message: '"https://exa mple.com/" is not a valid URL' });
  });
});

describe('cache', () => {
  it('a second run inside the maximum age makes zero requests; expired entries are checked again', async () => {
    const cache = join(dir, 'cache', 'links.json');
    const occurrences = [occ(`${server.origin}/ok`), occ(`${server.origin}/not-found`), occ(`${server.origin}/moved`), occ(`${server.origin}/always-unavailable`)];
    const first = await checkOccurrences(occurrences, local({ cache, retries: 0 }));
    expect(first.stats.requests).toBe(6);
    const requestsAfterFirst = server.requests.length;
    expect(requestsAfterFirst).toBe(6);

    // The transient 503 is not cached; everything else is.
    const stored = JSON.parse(await readFile(cache, 'utf8')) as { version: number; entries: Record<string, { checkedAt: number }> };
    expect(Object.keys(stored.entries).sort()).toEqual([`${server.origin}/moved`, `${server.origin}/not-found`, `${server.origin}/ok`]);

    server.reset();
    const second = await checkOccurrences(occurrences.slice(0, 3), local({ cache }));
    expect(second.stats).toMatchObject({ requests: 0, cached: 3 });
    expect(server.requests).toHaveLength(0);
    expect(server.connections).toBe(0);
    expect(second.occurrences.map((o) => [o.result.status, o.result.cached])).toEqual([
      ['ok', true],
      ['broken', true],
      ['redirected', true],
    ]);

    // Age the /ok entry past maxAge: only it is checked again.
    stored.entries[`${server.origin}/ok`]!.checkedAt -= 2 * 86_400_000;
    await writeFile(cache, JSON.stringify(stored));
    const third = await checkOccurrences(occurrences.slice(0, 3), local({ cache, maxAge: 86_400 }));
    expect(third.stats).toMatchObject({ requests: 1, cached: 2 });
    expect(server.requests.map((q) => q.path)).toEqual(['/ok']);
  });

  it('--offline reports cached results and sends nothing', async () => {
    const cache = join(dir, 'offline.json');
    await checkOccurrences([occ(`${server.origin}/gone`)], local({ cache }));
    server.reset();
    const report = await checkOccurrences([occ(`${server.origin}/gone`), occ(`${server.origin}/ok`)], local({ cache, offline: true }));
    expect(report.occurrences.map((o) => o.result.status)).toEqual(['broken', 'unchecked']);
    expect(server.connections).toBe(0);
  });
});

describe('safety guard (default configuration)', () => {
  /** Counts net.connect calls (undici opens every socket through it). */
  async function countingConnects<T>(fn: () => Promise<T>): Promise<{ value: T; connects: number }> {
    const original = net.connect;
    let connects = 0;
    (net as { connect: typeof net.connect }).connect = ((...args: Parameters<typeof net.connect>) => {
      connects++;
      return original(...args);
    }) as typeof net.connect;
    try {
      return { value: await fn(), connects };
    } finally {
      (net as { connect: typeof net.connect }).connect = original;
    }
  }

  it('refuses 127.0.0.1 without sending anything', async () => {
    const report = await checkOccurrences([occ(`${server.origin}/ok`)], { retryDelay: 10 });
    expect(report.occurrences[0]!.result).toMatchObject({
      status: 'refused',
      message: 'refused to connect to 127.0.0.1: loopback address; allow it with --allow-private',
    });
    expect(report.stats.requests).toBe(0);
    expect(server.connections).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses 169.254.169.254 before any socket is opened', async () => {
    const { value: report, connects } = await countingConnects(() => checkOccurrences([occ('http://169.254.169.254/latest/meta-data/')], { retryDelay: 10 }));
    expect(report.occurrences[0]!.result).toMatchObject({ status: 'refused', message: 'refused to connect to 169.254.169.254: link-local address; allow it with --allow-private' });
    expect(connects).toBe(0);
  });

  it('refuses IPv6 loopback and IPv4-mapped forms', async () => {
    const { value: report, connects } = await countingConnects(() =>
      checkOccurrences([occ('http://[::1]:9/'), occ('http://[::ffff:169.254.169.254]/'), occ('http://[::ffff:7f00:1]:9/')], { retryDelay: 10 }),
    );
    expect(report.occurrences.map((o) => o.result.status)).toEqual(['refused', 'refused', 'refused']);
    expect(connects).toBe(0);
  });

  it('refuses a host name whose DNS answer is private, decided on the resolved address', async () => {
    const asked: string[] = [];
    const resolver: Resolver = async (host) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const report = await checkOccurrences([occ(`http://intranet.example:${server.port}/ok`)], { resolver, retryDelay: 10 });
    expect(asked).toEqual(['intranet.example']);
    expect(report.occurrences[0]!.result).toMatchObject({ status: 'refused', message: 'refused to connect to intranet.example (127.0.0.1): loopback address; allow it with --allow-private' });
    expect(server.connections).toBe(0);
  });

  it('connects to a host name whose DNS answer is allowed', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const report = await checkOccurrences([occ(`http://public.example:${server.port}/ok`)], { resolver, allowAddresses: ['127.0.0.1/32'], retryDelay: 10 });
    expect(report.occurrences[0]!.result.status).toBe('ok');
    expect(server.requests[0]!.headers.host).toBe(`public.example:${server.port}`);
  });

  it('refuses at the redirect when an allowed host redirects to a refused address', async () => {
    const resolver: Resolver = async (host) => [{ address: host === 'public.example' ? '127.0.0.1' : '10.0.0.7', family: 4 }];
    const { value: report, connects } = await countingConnects(() =>
      checkOccurrences([occ(`http://public.example:${server.port}/to-metadata`)], { resolver, allowAddresses: ['127.0.0.1'], retryDelay: 10 }),
    );
    expect(report.occurrences[0]!.result).toMatchObject({
      status: 'refused',
      message: 'refused to connect to 169.254.169.254: link-local address; allow it with --allow-private (after redirect to http://169.254.169.254/latest/meta-data/)',
    });
    expect(server.requests.map((q) => q.path)).toEqual(['/to-metadata']);
    expect(connects).toBe(1);
  });
});
