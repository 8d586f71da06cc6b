import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses count as public, for webhooks that must not reach the service's own network
 * (a vendor's webhook could otherwise probe 127.0.0.1, cloud metadata at 169.254.169.254 or the
 * LAN, and read what answered from the delivery records).
 *
 * The ranges follow the IANA special-purpose address registries (RFC 6890 and its updates):
 * https://www.iana.org/assignments/iana-ipv4-special-registry/
 * https://www.iana.org/assignments/iana-ipv6-special-registry/
 * Anything special-purpose counts as not public, even the few entries IANA marks globally
 * reachable (they are anycast or protocol helpers, never a webhook receiver).
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'shared' | 'reserved';

export interface AddressClass {
  kind: AddressKind;
  /** The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4), which decided `kind`. */
  embeddedIPv4?: string;
}

interface Range {
  prefix: Uint8Array;
  bits: number;
  kind: Exclude<AddressKind, 'public'>;
}

const IPV4_RANGES: readonly Range[] = [
  range('0.0.0.0/8', 'unspecified'), // "this network"; connecting to 0.0.0.0 reaches this host on Linux
  range('10.0.0.0/8', 'private'), // RFC 1918
  range('100.64.0.0/10', 'shared'), // RFC 6598, carrier-grade NAT
  range('127.0.0.0/8', 'loopback'), // all of it, not only 127.0.0.1
  range('169.254.0.0/16', 'link-local'), // RFC 3927; cloud metadata endpoints live here
  range('172.16.0.0/12', 'private'), // RFC 1918
  range('192.0.0.0/24', 'reserved'), // RFC 6890, IETF protocol assignments
  range('192.0.2.0/24', 'reserved'), // RFC 5737, documentation (TEST-NET-1)
  range('192.88.99.0/24', 'reserved'), // RFC 7526, former 6to4 relay anycast
  range('192.168.0.0/16', 'private'), // RFC 1918
  range('198.18.0.0/15', 'reserved'), // RFC 2544, benchmarking
  range('198.51.100.0/24', 'reserved'), // RFC 5737, documentation (TEST-NET-2)
  range('203.0.113.0/24', 'reserved'), // RFC 5737, documentation (TEST-NET-3)
  range('224.0.0.0/4', 'multicast'), // RFC 5771
  range('240.0.0.0/4', 'reserved'), // RFC 1112, future use, and 255.255.255.255 broadcast
];

const IPV6_RANGES: readonly Range[] = [
  range('::/128', 'unspecified'), // RFC 4291
  range('::1/128', 'loopback'), // RFC 4291
  range('64:ff9b:1::/48', 'private'), // RFC 8215, local-use NAT64: translates into the operator's own IPv4 space
  range('2001::/23', 'reserved'), // RFC 2928, IETF protocol assignments (Teredo, benchmarking, ORCHID…)
  range('2001:db8::/32', 'reserved'), // RFC 3849, documentation
  range('3fff::/20', 'reserved'), // RFC 9637, documentation
  range('fc00::/7', 'unique-local'), // RFC 4193
  range('fe80::/10', 'link-local'), // RFC 4291
  range('fec0::/10', 'private'), // RFC 3879, deprecated site-local
  range('ff00::/8', 'multicast'), // RFC 4291
];

/** Global unicast (RFC 4291 §2.4): every other IPv6 address is unassigned or special. */
const IPV6_GLOBAL_UNICAST = range('2000::/3', 'reserved');

/** IPv6 prefixes that carry an IPv4 address, which then decides: where the packet really goes. */
const IPV4_CARRIERS: readonly { prefix: Range; at: number }[] = [
  { prefix: range('::ffff:0:0/96', 'reserved'), at: 12 }, // RFC 4291 §2.5.5.2, IPv4-mapped
  { prefix: range('64:ff9b::/96', 'reserved'), at: 12 }, // RFC 6052, NAT64 well-known prefix (DNS64 networks)
  { prefix: range('2002::/16', 'reserved'), at: 2 }, // RFC 3056, 6to4
];

/** The class of an IP address (dotted IPv4 or IPv6, an optional `%zone` allowed); null if `ip` is not one. */
export function classifyAddress(ip: string): AddressClass | null {
  const bare = ip.replace(/%.*$/, '');
  if (isIPv4(bare)) return { kind: matchRange(ipv4Bytes(bare), IPV4_RANGES) ?? 'public' };
  if (!isIPv6(bare)) return null;
  const bytes = ipv6Bytes(bare);
  for (const c of IPV4_CARRIERS) {
    if (!inRange(bytes, c.prefix)) continue;
    const v4 = bytes.subarray(c.at, c.at + 4);
    const embeddedIPv4 = v4.join('.');
    return { kind: matchRange(v4, IPV4_RANGES) ?? 'public', embeddedIPv4 };
  }
  const kind = matchRange(bytes, IPV6_RANGES);
  if (kind) return { kind };
  return { kind: inRange(bytes, IPV6_GLOBAL_UNICAST) ? 'public' : 'reserved' };
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip)?.kind === 'public';
}

/** "a private address", for messages that say why a webhook was refused. */
export function describeKind(kind: AddressKind): string {
  switch (kind) {
    case 'public':
      return 'a public address';
    case 'unspecified':
      return 'the unspecified address (this machine)';
    case 'shared':
      return 'a carrier-grade NAT (shared) address';
    case 'reserved':
      return 'a reserved special-purpose address';
    default:
      return `a ${kind} address`;
  }
}

/** `10.0.0.5, a private address` or `::ffff:a00:5 (10.0.0.5), a private address`. */
export function describeAddress(ip: string, c: AddressClass): string {
  return `${ip}${c.embeddedIPv4 ? ` (${c.embeddedIPv4})` : ''}, ${describeKind(c.kind)}`;
}

function matchRange(bytes: Uint8Array, ranges: readonly Range[]): Range['kind'] | null {
  // Most specific first: 2001:db8::/32 names itself before 2001::/23 would.
  let best: Range | null = null;
  for (const r of ranges) if (r.prefix.length === bytes.length && inRange(bytes, r) && (!best || r.bits > best.bits)) best = r;
  return best?.kind ?? null;
}

function inRange(bytes: Uint8Array, r: Range): boolean {
  if (bytes.length !== r.prefix.length) return false;
  const whole = r.bits >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== r.prefix[i]) return false;
  const rest = r.bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (bytes[whole]! & mask) === (r.prefix[whole]! & mask);
}

function range(cidr: string, kind: Range['kind']): Range {
  const [addr, bits] = cidr.split('/') as [string, string];
  return { prefix: isIPv4(addr) ? ipv4Bytes(addr) : ipv6Bytes(addr), bits: Number(bits), kind };
}

/** Only for text `isIPv4` accepted (four decimal parts). */
function ipv4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

/** Only for text `isIPv6` accepted: groups, at most one `::`, perhaps a dotted IPv4 tail. */
function ipv6Bytes(text: string): Uint8Array {
  const out = new Uint8Array(16);
  let s = text;
  let ipv4Tail: Uint8Array | null = null;
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    ipv4Tail = ipv4Bytes(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}0:0`; // two placeholder groups, overwritten below
  }
  const gap = s.indexOf('::');
  const head = (gap === -1 ? s : s.slice(0, gap)).split(':').filter((g) => g !== '');
  const tail = gap === -1 ? [] : s.slice(gap + 2).split(':').filter((g) => g !== '');
  const groups = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  if (ipv4Tail) out.set(ipv4Tail, 12);
  return out;
}
