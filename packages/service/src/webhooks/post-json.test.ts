// Public-only deliveries: the check sits on the connection (the socket's own lookup), not before it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { postJson } from './post-json.js';
import { publicOnlyLookup, RefusedAddressError, type Resolver } from './public-lookup.js';

let hits = 0;
const receiver = createServer((req, res) => {
  hits++;
  req.resume();
  req.on('end', () => res.writeHead(req.url === '/moved' ? 302 : 204, { location: 'http://127.0.0.1:1/' }).end());
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const port = (receiver.address() as AddressInfo).port;
after(() => receiver.close());

/** A DNS server in a function: each name answers with the listed addresses, and calls are counted. */
function fakeDns(answers: Record<string, string[]>): Resolver & { calls: number } {
  const resolve = ((hostname, _options, callback) => {
    resolve.calls++;
    const list = answers[hostname];
    if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as Resolver & { calls: number };
  resolve.calls = 0;
  return resolve;
}

function lookupOnce(resolve: Resolver, hostname: string, all: boolean): Promise<{ err: Error | null; result: unknown }> {
  return new Promise((done) => publicOnlyLookup(resolve)(hostname, { all }, (err, address, family) => done({ err, result: all ? address : [address, family] })));
}

test('the lookup keeps public addresses, drops private ones, and fails when none is left', async () => {
  const dns = fakeDns({ mixed: ['10.0.0.5', '93.184.216.34', '::1', '2606:4700::1'], inside: ['10.0.0.5', '192.168.1.2'], mapped: ['::ffff:7f00:1'], empty: [] });
  assert.deepEqual((await lookupOnce(dns, 'mixed', true)).result, [
    { address: '93.184.216.34', family: 4 },
    { address: '2606:4700::1', family: 6 },
  ]);
  assert.deepEqual((await lookupOnce(dns, 'mixed', false)).result, ['93.184.216.34', 4]);
  const inside = await lookupOnce(dns, 'inside', false);
  assert.ok(inside.err instanceof RefusedAddressError);
  assert.equal(inside.err.message, 'refused: inside has no public address; this webhook may reach public addresses only');
  assert.match((await lookupOnce(dns, 'mapped', true)).err!.message, /^refused: mapped has no public address/);
  assert.match((await lookupOnce(dns, 'empty', true)).err!.message, /^refused: empty has no public address/);
  const missing = await lookupOnce(dns, 'nowhere', false);
  assert.ok(!(missing.err instanceof RefusedAddressError));
  assert.match(missing.err!.message, /ENOTFOUND/);
});

test('a name resolving to loopback is refused on the connection, and nothing reaches the receiver', async () => {
  const dns = fakeDns({ 'hooks.example': ['127.0.0.1'] });
  const before = hits;
  await assert.rejects(postJson(`http://hooks.example:${port}/x`, '{}', { timeoutMs: 5000, publicOnly: true, lookup: publicOnlyLookup(dns) }), (err: Error) => {
    assert.ok(err instanceof RefusedAddressError, String(err));
    assert.match(err.message, /^refused: hooks\.example has no public address/);
    return true;
  });
  assert.ok(dns.calls >= 1, 'the connection asked the guarded lookup');
  assert.equal(hits, before);
});

test('a literal private address is refused before connecting (sockets skip lookup for literals)', async () => {
  const before = hits;
  for (const url of [`http://127.0.0.1:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://2130706433:${port}/`]) {
    await assert.rejects(postJson(url, '{}', { timeoutMs: 5000, publicOnly: true }), (err: Error) => err instanceof RefusedAddressError && /^refused: the URL points at .*loopback/.test(err.message));
  }
  assert.equal(hits, before);
});

test('unrestricted: posts to the local receiver; a redirect is a status, not followed', async () => {
  const before = hits;
  assert.equal(await postJson(`http://127.0.0.1:${port}/ok`, '{"text":"hi"}', { timeoutMs: 5000, publicOnly: false }), 204);
  assert.equal(await postJson(`http://127.0.0.1:${port}/moved`, '{}', { timeoutMs: 5000, publicOnly: false }), 302);
  assert.equal(hits, before + 2);
});
