// Which IP addresses the checker refuses to connect to unless private addresses are allowed.
// Decided on the numeric address (after DNS resolution), never on a host name's text.
// Embedded IPv4 forms (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address inside.
import { isIP } from 'node:net';

export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared (CGNAT)'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'teredo'
  | 'invalid';

const V4_RANGES: [number[], number, AddressClass][] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared (CGNAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[255, 255, 255, 255], 32, 'broadcast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const V6_RANGES: [string, number, AddressClass][] = [
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  ['2001::', 32, 'teredo'],
  ['2001:db8::', 32, 'documentation'],
  ['2001:2::', 48, 'benchmarking'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i / 8] ?? 0) & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

/** The 16 bytes of an IPv6 address (zone id removed), or undefined when it does not parse. */
export function parseV6(text: string): number[] | undefined {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    const v = parseInt(g, 16);
    bytes.push(v >> 8, v & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The address without its IPv6 zone id (`fe80::1%eth0` -> `fe80::1`). */
export function withoutZone(address: string): string {
  const zone = address.indexOf('%');
  return zone === -1 ? address : address.slice(0, zone);
}

function classifyV4(bytes: number[]): AddressClass | undefined {
  for (const [prefix, bits, cls] of V4_RANGES) if (inPrefix(bytes, prefix, bits)) return cls;
  return undefined;
}

/**
 * Why an address must not be connected to by default (`loopback`, `private`, `link-local`, ...),
 * or undefined for a public unicast address. Anything that is not a valid IP literal is `invalid`.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(withoutZone(bare));
  if (family === 4) return classifyV4(parseV4(bare)!);
  if (family !== 6) return 'invalid';
  const b = parseV6(bare);
  if (!b) return 'invalid';
  if (b.every((x) => x === 0)) return 'unspecified';
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped), ::ffff:0:a.b.c.d (IPv4-translated), ::a.b.c.d (IPv4-compatible)
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12)) ;
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return classifyV4(b.slice(12));
  if (zero(0, 12) && !(b[12] === 0 && b[13] === 0 && b[14] === 0 && b[15] === 1)) return classifyV4(b.slice(12)) ?? 'reserved';
  // 64:ff9b::/96 NAT64 well-known prefix
  if (inPrefix(b, [0, 0x64, 0xff, 0x9b], 32) && zero(4, 12)) return classifyV4(b.slice(12));
  // 2002::/16 6to4 carries an IPv4 address in bits 16-47
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6));
  for (const [prefix, bits, cls] of V6_RANGES) if (inPrefix(b, parseV6(prefix)!, bits)) return cls;
  return undefined;
}
