/**
 * IP addresses as bytes, for matching them against CIDR ranges and keying clients.
 * IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, what a dual-stack socket reports) are
 * read as the IPv4 address they carry.
 */

/** 4 bytes for IPv4, 16 for IPv6; null when the text is not an address. */
export function parseIp(text: string): Uint8Array | null {
  const address = text.trim().replace(/%.*/, '');
  const v4 = parseIpv4(address);
  if (v4) return v4;
  const v6 = parseIpv6(address);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  // `endsAddress`: this half holds the address's last groups, where the last 32 bits may be an IPv4 address.
  const groups = (half: string, endsAddress: boolean): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      const v4 = endsAddress && i === parts.length - 1 ? parseIpv4(part) : null;
      if (v4) out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(parseInt(part, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1], true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

/** An address range: `10.0.0.0/8`, `::1/128`, or one address. */
export interface IpRange {
  bytes: Uint8Array;
  prefix: number;
}

/** Parses `address` or `address/prefix`; null when either part is wrong. */
export function parseRange(text: string): IpRange | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = parseIp(address);
  if (!bytes) return null;
  const bits = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
  return { bytes, prefix: Number(prefixText) };
}

/** Whether `address` (bytes) lies in `range`; IPv4 never matches an IPv6 range, nor the reverse. */
export function inRange(address: Uint8Array, range: IpRange): boolean {
  if (address.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((address[byte] & mask) !== (range.bytes[byte] & mask)) return false;
  }
  return true;
}

/**
 * The key a client is counted under by rate limits and sign-in lockouts: its IPv4
 * address, or the /64 of its IPv6 address (one subscriber line or server gets a /64, so
 * counting single IPv6 addresses would let one client rotate through billions).
 * Text that is not an address is its own key.
 */
export function clientKey(address: string): string {
  const bytes = parseIp(address);
  if (!bytes) return address;
  if (bytes.length === 4) return bytes.join('.');
  const groups = [0, 2, 4, 6].map((i) => ((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return `${groups.join(':')}::/64`;
}
