/**
 * Which addresses the monitor may connect to. A site's name could resolve to the server's own
 * network (loopback, private ranges, the cloud metadata address), and a redirect could point
 * there: the monitor would then read internal pages on an agency's behalf. Every address is
 * checked after DNS resolution, by the lookup that the connection itself uses (no second
 * resolution that a rebinding DNS server could answer differently), and IP literals in URLs are
 * checked before connecting, on every redirect.
 */
import { isIP } from 'node:net';

/** IPv4 ranges refused: [first address as a number, prefix length, name]. */
const V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const v4num = (ip: string): number => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);
const V4_RANGES = V4.map(([base, bits]) => ({ base: v4num(base), size: 2 ** (32 - bits) }));

function forbiddenV4(ip: string): boolean {
  const n = v4num(ip);
  return V4_RANGES.some((r) => n >= r.base && n < r.base + r.size);
}

/** The 8 groups of an IPv6 address as numbers (handles `::` and a dotted IPv4 tail). */
function v6groups(ip: string): number[] {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const n = v4num(s.slice(lastColon + 1));
    tail.push(Math.floor(n / 65536), n % 65536);
    // Keep a trailing '::' (the zeros before the IPv4 part), drop a single ':'.
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const [head = '', rest] = s.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const a = parse(head);
  const b = rest === undefined ? [] : parse(rest);
  const fill = 8 - tail.length - a.length - b.length;
  return [...a, ...Array(Math.max(0, fill)).fill(0), ...b, ...tail];
}

function forbiddenV6(ip: string): boolean {
  const g = v6groups(ip);
  const first = g[0] ?? 0;
  if (g.every((x) => x === 0)) return true; // :: unspecified
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1 loopback
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique-local
  if ((first & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d carry an IPv4 address inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
    return forbiddenV4(v4(g[6] ?? 0, g[7] ?? 0));
  // NAT64 64:ff9b::/96 and 6to4 2002::/16 also embed one.
  if (first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return forbiddenV4(v4(g[6] ?? 0, g[7] ?? 0));
  if (first === 0x2002) return forbiddenV4(v4(g[1] ?? 0, g[2] ?? 0));
  return false;
}

/** True when the monitor must not connect to this IP address (v4 or v6). */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 4) return forbiddenV4(bare);
  if (family === 6) return forbiddenV6(bare);
  return true; // not an address at all: never connect blindly
}
