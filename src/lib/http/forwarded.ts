import { parseIp, parseRange, inRange, type IpRange } from './ip.ts';

/** Whether a peer (by address) is a proxy whose X-Forwarded-* headers are believed. */
export type TrustProxy = (address: string) => boolean;

/** The names Express's "trust proxy" setting understands, with the ranges they stand for. */
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads TRUST_PROXY: empty (trust no one, the default), or a comma list of `loopback`,
 * `linklocal`, `uniquelocal`, addresses and CIDR ranges. Throws naming a wrong entry.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const ranges: IpRange[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    for (const text of NAMED[entry.toLowerCase()] ?? [entry]) {
      const range = parseRange(text);
      if (!range)
        throw new Error(`has "${entry}", which is not loopback, linklocal, uniquelocal, an address or a CIDR`);
      ranges.push(range);
    }
  }
  return (address) => {
    const bytes = parseIp(address);
    return bytes !== null && ranges.some((r) => inRange(bytes, r));
  };
}

/** What the request says of its client, as received by the server. */
export interface RequestFacts {
  /** The address of the peer that opened the connection. */
  peer: string;
  /** Whether the connection itself is TLS. */
  encrypted: boolean;
  host: string | null;
  forwardedFor: string | null;
  forwardedProto: string | null;
  forwardedHost: string | null;
}

/** The client as the site should see it: where it is, and the origin its browser used. */
export interface Client {
  address: string;
  https: boolean;
  /** `https://www.example.it`, as the browser sees the site. */
  origin: string;
}

const first = (header: string | null) => header?.split(',')[0].trim() || null;

/**
 * The real client behind trusted proxies, with Express's rules: X-Forwarded-For is read
 * from the right, each hop believed only while the one that added it is trusted, and the
 * first untrusted address is the client; X-Forwarded-Proto and -Host count only when the
 * peer itself is trusted. An untrusted peer cannot change anything by sending them.
 */
export function clientOf(facts: RequestFacts, trust: TrustProxy): Client {
  const peerTrusted = trust(facts.peer);
  let address = facts.peer;
  if (peerTrusted && facts.forwardedFor) {
    const hops = facts.forwardedFor
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      address = hops[i];
      if (!trust(address)) break;
    }
  }
  const proto = peerTrusted ? first(facts.forwardedProto)?.toLowerCase() : undefined;
  const https = proto ? proto === 'https' : facts.encrypted;
  const host = (peerTrusted ? first(facts.forwardedHost) : null) ?? facts.host ?? 'localhost';
  return { address, https, origin: originOf(https ? 'https' : 'http', host) };
}

/** `scheme://host[:port]` the way a browser writes it in `Origin` (default port left out). */
function originOf(scheme: string, host: string): string {
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return 'null';
  }
}
