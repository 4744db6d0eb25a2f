// The safety guard: an undici connector that refuses loopback, private, link-local, unique-local
// and other non-public addresses unless allowed. The decision is taken at connect time on the
// resolved addresses (every request, every redirect hop, every new connection), and once more on
// the socket's remote address after connecting, so a host name's text never decides anything.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import { classifyAddress, withoutZone } from './address-policy.js';
import type { Resolver } from './types.js';

/** Raised (as a connect error) when the guard refuses an address. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  readonly code = 'ESELFHELP_REFUSED';
  constructor(readonly host: string, readonly address: string, readonly reason: string) {
    super(`refused to connect to ${address === host ? address : `${host} (${address})`}: ${reason} address; allow it with --allow-private`);
  }
}

export interface GuardOptions {
  allowPrivate: boolean;
  /** Addresses or CIDR ranges allowed regardless of `allowPrivate`. */
  allowAddresses: readonly string[];
  resolver?: Resolver;
  /** Connect timeout in milliseconds. */
  connectTimeout: number;
}

/** Builds the allow list; throws a one-line Error for a malformed entry (the CLI turns it into a usage error). */
export function buildAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.trim().split('/');
    const family = isIP(address);
    if (!family) throw new Error(`invalid address in allowAddresses: "${entry}"`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`invalid prefix in allowAddresses: "${entry}"`);
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

/** Returns a function telling why an address is refused, or undefined when it may be connected to. */
export function addressPolicy(options: Pick<GuardOptions, 'allowPrivate' | 'allowAddresses'>): (address: string) => string | undefined {
  const allow = buildAllowList(options.allowAddresses);
  return (address) => {
    const bare = withoutZone(address.replace(/^\[|\]$/g, ''));
    const family = isIP(bare);
    if (family && allow.check(bare, family === 4 ? 'ipv4' : 'ipv6')) return undefined;
    const cls = classifyAddress(bare);
    if (cls === 'invalid') return 'invalid';
    if (cls === undefined || options.allowPrivate) return undefined;
    return cls;
  };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

/** A `net.connect` `lookup` that resolves with the resolver and drops refused addresses; fails when none is left. */
function guardedLookup(refuse: (address: string) => string | undefined, resolver: Resolver) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (answers) => {
        const allowed = answers.filter((a) => !refuse(a.address));
        const wanted = options.family === 4 || options.family === 6 ? allowed.filter((a) => a.family === options.family) : allowed;
        if (wanted.length === 0) {
          const first = answers[0];
          const err = first
            ? new RefusedAddressError(hostname, first.address, refuse(first.address) ?? 'unusable')
            : Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
          callback(err as NodeJS.ErrnoException, '');
          return;
        }
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** An undici `connect` function enforcing the policy. */
export function guardedConnector(options: GuardOptions): buildConnector.connector {
  const refuse = addressPolicy(options);
  const base = buildConnector({
    timeout: options.connectTimeout,
    // `lookup` is passed through to net.connect / tls.connect.
    lookup: guardedLookup(refuse, options.resolver ?? systemResolver),
  } as buildConnector.BuildOptions);
  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    // net.connect skips `lookup` for IP literals, so those are judged here, before any socket exists.
    if (isIP(host)) {
      const reason = refuse(host);
      if (reason) {
        queueMicrotask(() => callback(new RefusedAddressError(host, host, reason), null));
        return;
      }
    }
    base(opts, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('connect failed'), null);
        return;
      }
      // The address actually connected to (covers any path that bypassed the lookup).
      const remote = (socket as Socket).remoteAddress;
      const reason = remote ? refuse(remote) : undefined;
      if (reason) {
        socket.destroy();
        callback(new RefusedAddressError(host, remote!, reason), null);
        return;
      }
      callback(null, socket);
    });
  };
}
