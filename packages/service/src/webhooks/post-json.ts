import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup, RefusedAddressError } from './public-lookup.js';
import { literalAddressRefusal } from './url-host.js';

export interface PostOptions {
  timeoutMs: number;
  /** Connect to public addresses only (see address-policy.ts). */
  publicOnly: boolean;
  /** The lookup used when `publicOnly` (tests replace the resolver behind it). */
  lookup?: ReturnType<typeof publicOnlyLookup>;
}

const guardedLookup = publicOnlyLookup();

/**
 * POSTs a JSON body and resolves with the response status; the response body is not read.
 * Redirects are not followed (a 3xx is just a status). Built on node:http rather than fetch
 * because fetch cannot be handed a `lookup`: the address check has to sit on the connection.
 */
export function postJson(url: string, body: string, opts: PostOptions): Promise<number> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.reject(new Error(`${u.protocol} is not http(s)`));
  if (opts.publicOnly) {
    // A literal address is connected to without any lookup, so it is judged here.
    const why = literalAddressRefusal(u);
    if (why) return Promise.reject(new RefusedAddressError(`refused: the URL points at ${why}; this webhook may reach public addresses only`));
  }
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'culprit-webhooks' },
        // A fresh connection each time: a pooled socket carries no memory of the lookup that
        // opened it, so one opened for an unrestricted webhook must not serve a restricted one.
        agent: false,
        ...(opts.publicOnly && { lookup: opts.lookup ?? guardedLookup }),
        signal,
      },
      (res: IncomingMessage) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', (err) => reject(signal.aborted ? new Error(`no answer within ${opts.timeoutMs} ms`) : err));
    req.end(body);
  });
}
