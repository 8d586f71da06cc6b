import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress, describeAddress } from './address-policy.js';

/** A delivery the address policy stopped before any byte was sent; sending it again will not help. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
}

/** The slice of `dns.lookup` used: every address of a name. Tests pass their own to play a DNS server. */
export type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for `http.request` / `net.connect` that hands the socket public addresses only.
 * The socket connects to exactly what this returns, so a name that resolves to a public address
 * when checked and to 127.0.0.1 a moment later (DNS rebinding) gains nothing: there is no second
 * resolution. Private addresses among public ones are dropped; a name with no public address
 * fails the connection with a `RefusedAddressError` (the address itself goes to the log only).
 */
export function publicOnlyLookup(resolve: Resolver = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      // The callback's type is the union of the one-address and all-addresses forms.
      const done = callback as (err: NodeJS.ErrnoException | null, address?: string | LookupAddress[], family?: number) => void;
      if (err) return done(err);
      const usable = addresses.filter((a) => classifyAddress(a.address)?.kind === 'public');
      if (usable.length === 0) {
        // The text is recorded with the delivery, which the webhook's registrant reads: it says no
        // more than "not public", so a vendor cannot map internal names to addresses through it.
        // The operator's log gets the address.
        const first = addresses[0];
        if (first) process.emitWarning(`culprit: webhook delivery to ${hostname} refused: it resolves to ${describeAddress(first.address, classifyAddress(first.address)!)}`);
        return done(new RefusedAddressError(`refused: ${hostname} has no public address; this webhook may reach public addresses only`));
      }
      // net.connect asks for every address when it tries IPv4 and IPv6 in turn (autoSelectFamily).
      if (options.all) return done(null, usable);
      return done(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
