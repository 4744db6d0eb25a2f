// The link checker's address guard against hostile link targets, beyond packages/links' own tests
// (which cover 127.0.0.1, 169.254.169.254, IPv6 loopback and mapped forms, a private DNS answer, and
// a redirect from an allowed host to the metadata address): private and unique-local ranges,
// alternative spellings of loopback, DNS answers that mix allowed and refused addresses, and a
// redirect to a host name whose DNS answer is private. A real server on 127.0.0.1 stands in for a
// public host (allowed explicitly); the socket count proves nothing else was connected to.
import net from 'node:net';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress, loadChecker, type LinkOccurrence, type Resolver } from '@selfhelp/links';

const { checkOccurrences } = await loadChecker();

let server: Server;
let port = 0;
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    if (req.url === '/to-private-name') res.writeHead(302, { location: `http://rebind.example:${port}/ok` }).end();
    else if (req.url === '/to-unique-local') res.writeHead(301, { location: `http://[fd00::1]:${port}/ok` }).end();
    else res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
const occ = (href: string): LinkOccurrence => ({ path: 'a.md', href, range });

/** Counts the sockets opened (undici connects through net.connect). */
async function countingConnects<T>(fn: () => Promise<T>): Promise<{ value: T; connects: string[] }> {
  const original = net.connect;
  const connects: string[] = [];
  (net as { connect: typeof net.connect }).connect = ((...args: Parameters<typeof net.connect>) => {
    const o = args[0] as { host?: string };
    connects.push(String(o?.host));
    return original(...args);
  }) as typeof net.connect;
  try {
    return { value: await fn(), connects };
  } finally {
    (net as { connect: typeof net.connect }).connect = original;
  }
}

describe('link checker address guard', () => {
  it('classifies private, unique-local, link-local and embedded forms as refused', () => {
    expect(
      Object.fromEntries(
        ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '127.0.0.53', 'fd00::1', 'fc12::1', 'fe80::1', '::1', '::', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:c0a8:101::1', '8.8.8.8', '2606:4700::1111', '172.32.0.1'].map((a) => [a, classifyAddress(a) ?? 'public']),
      ),
    ).toEqual({
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.0.1': 'private',
      '100.64.0.1': 'shared (CGNAT)',
      '169.254.169.254': 'link-local',
      '0.0.0.0': 'unspecified',
      '127.0.0.53': 'loopback',
      'fd00::1': 'unique-local',
      'fc12::1': 'unique-local',
      'fe80::1': 'link-local',
      '::1': 'loopback',
      '::': 'unspecified',
      '::ffff:10.0.0.1': 'private',
      '64:ff9b::7f00:1': 'loopback',
      '2002:c0a8:101::1': 'private',
      '8.8.8.8': 'public',
      '2606:4700::1111': 'public',
      '172.32.0.1': 'public',
    });
  });

  it('refuses private and unique-local literals and alternative spellings of loopback without opening a socket', async () => {
    const hrefs = [
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/admin',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      `http://2130706433:${port}/ok`, // 127.0.0.1 as one number
      `http://0x7f.0.0.1:${port}/ok`,
      `http://0177.0.0.1:${port}/ok`,
      `http://127.1:${port}/ok`,
      'http://[::ffff:169.254.169.254]/latest/meta-data/',
      'https://169.254.169.254/metadata/instance',
    ];
    const { value: report, connects } = await countingConnects(() => checkOccurrences(hrefs.map(occ), { retryDelay: 10, timeout: 2_000 }));
    expect(report.occurrences.map((o) => o.result.status)).toEqual(hrefs.map(() => 'refused'));
    expect(report.occurrences[6]!.result.message).toBe('refused to connect to 127.0.0.1: loopback address; allow it with --allow-private');
    expect(connects).toEqual([]);
    expect(report.stats.requests).toBe(0);
  });

  it('a DNS answer mixing refused and allowed addresses connects only to the allowed one', async () => {
    seen.length = 0;
    const resolver: Resolver = async () => [
      { address: '10.0.0.7', family: 4 },
      { address: 'fd00::7', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ];
    const { value: report, connects } = await countingConnects(() =>
      checkOccurrences([occ(`http://mixed.example:${port}/ok`)], { resolver, allowAddresses: ['127.0.0.1/32'], retryDelay: 10 }),
    );
    expect(report.occurrences[0]!.result.status).toBe('ok');
    expect(connects).toEqual(['mixed.example']);
    expect(seen).toEqual([`mixed.example:${port} /ok`]);
  });

  it('a DNS answer with only refused addresses is refused before any connection is made', async () => {
    seen.length = 0;
    // 127.0.0.1 is where the test server listens: any connection would show in `seen`.
    const resolver: Resolver = async () => [
      { address: '192.168.10.10', family: 4 },
      { address: 'fd12:3456::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ];
    const { value: report, connects } = await countingConnects(() => checkOccurrences([occ(`http://intranet.example:${port}/ok`)], { resolver, retryDelay: 10 }));
    expect(report.occurrences[0]!.result).toMatchObject({
      status: 'refused',
      message: 'refused to connect to intranet.example (192.168.10.10): private address; allow it with --allow-private',
    });
    // net.connect is called with the name; the guarded lookup fails it before a socket connects anywhere.
    expect(connects).toEqual(['intranet.example']);
    expect(seen).toEqual([]);
  });

  it('a redirect from an allowed host to a name whose DNS answer is private is refused at the redirect', async () => {
    seen.length = 0;
    const resolver: Resolver = async (host) => [{ address: host === 'public.example' ? '127.0.0.1' : '10.9.8.7', family: 4 }];
    const report = await checkOccurrences([occ(`http://public.example:${port}/to-private-name`)], { resolver, allowAddresses: ['127.0.0.1'], retryDelay: 10 });
    expect(report.occurrences[0]!.result).toMatchObject({
      status: 'refused',
      message: `refused to connect to rebind.example (10.9.8.7): private address; allow it with --allow-private (after redirect to http://rebind.example:${port}/ok)`,
    });
    expect(seen).toEqual([`public.example:${port} /to-private-name`]);
  });

  it('a redirect to a unique-local literal is refused at the redirect', async () => {
    seen.length = 0;
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const report = await checkOccurrences([occ(`http://public.example:${port}/to-unique-local`)], { resolver, allowAddresses: ['127.0.0.1'], retryDelay: 10 });
    expect(report.occurrences[0]!.result).toMatchObject({
      status: 'refused',
      message: `refused to connect to fd00::1: unique-local address; allow it with --allow-private (after redirect to http://[fd00::1]:${port}/ok)`,
    });
    expect(seen).toEqual([`public.example:${port} /to-unique-local`]);
  });
});
