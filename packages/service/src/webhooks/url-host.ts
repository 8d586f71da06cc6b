import { classifyAddress, describeAddress } from './address-policy.js';

/** The host of a parsed URL as a connection takes it: IPv6 without its brackets, no trailing dot. */
export function connectHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * Why a URL whose host is an IP address cannot reach a public address ("10.0.0.5, a private
 * address"), or null (public, or a name: only resolving it can tell, which delivery does on the
 * connection itself). WHATWG URL parsing has already turned `2130706433`, `0x7f.1` and
 * `0177.0.0.1` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`, so one form is
 * checked.
 */
export function literalAddressRefusal(url: URL): string | null {
  const host = connectHost(url);
  const c = classifyAddress(host);
  if (c === null || c.kind === 'public') return null;
  return describeAddress(host, c);
}

/**
 * At registration, also the names that are this machine by definition (RFC 6761 §6.3: localhost
 * and every name under it), whatever DNS would say at delivery time.
 */
export function registrationHostRefusal(url: URL): string | null {
  const host = connectHost(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host}, this machine`;
  return literalAddressRefusal(url);
}
