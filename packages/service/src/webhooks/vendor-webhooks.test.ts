// Through the service: vendors' webhooks reach public addresses only (refused at registration when
// the URL says so, refused on the connection when DNS does); an admin's may reach the LAN unless
// CULPRIT_WEBHOOKS_PUBLIC_ONLY holds every webhook to the same rule.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tempService } from '../testing/temp-service.js';

const received: string[] = [];
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received.push(req.url!);
    res.end('ok');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const port = (receiver.address() as AddressInfo).port;

const service = await tempService({ processing: false });
const strict = await tempService({ processing: false, webhooksPublicOnly: true });
after(async () => {
  await service.dispose();
  await strict.dispose();
  receiver.close();
});

type Svc = typeof service;
const register = async (svc: Svc, token: string, payload: object) => {
  const r = await svc.app.inject({ method: 'POST', url: '/api/webhooks', headers: { authorization: `Bearer ${token}` }, payload });
  return { status: r.statusCode, json: r.json() };
};
const vendorToken = async (svc: Svc) => {
  const vendor = (await svc.app.inject({ method: 'POST', url: '/api/vendors', headers: { authorization: `Bearer ${svc.admin}` }, payload: { name: 'Acme', modules: ['acme.dll'] } })).json();
  const token = (await svc.app.inject({ method: 'POST', url: `/api/vendors/${vendor.id}/tokens`, headers: { authorization: `Bearer ${svc.admin}` }, payload: {} })).json().token as string;
  return { id: vendor.id as number, token };
};
const acme = await vendorToken(service);
const deliveries = async (svc: Svc, token: string) =>
  ((await svc.app.inject({ url: '/api/webhooks', headers: { authorization: `Bearer ${token}` } })).json().webhooks as { url: string; deliveries: { statusCode: number | null; error: string | null; attempts: number }[] }[]).map((h) => ({ url: h.url, ...h.deliveries[0] }));
const emit = async (svc: Svc) => {
  svc.ctx.webhooks.emit({ event: 'bucket.new', module: 'acme.dll', text: 'New crash bucket in acme.dll', data: { module: 'acme.dll' } });
  await svc.ctx.webhooks.drain();
};

test('a vendor token cannot register a webhook to a private, loopback or local address', async () => {
  const urls = [
    `http://127.0.0.1:${port}/a`,
    'http://127.0.0.2/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.5/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:10.0.0.5]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://224.0.0.1/',
    'http://localhost/',
    'http://LocalHost.:8080/',
  ];
  for (const url of urls) {
    const r = await register(service, acme.token, { url, events: ['bucket.new'] });
    assert.equal(r.status, 400, url);
    assert.equal(r.json.code, 'CULPRIT_ERR_WEBHOOK_NOT_PUBLIC', url);
    assert.match(r.json.message, /points at .+; webhooks registered by a vendor may reach public addresses only\. Give the receiver's public host name or address\.$/, url);
  }
  const one = await register(service, acme.token, { url: 'http://169.254.169.254/', events: ['bucket.new'] });
  assert.equal(one.json.message, "'http://169.254.169.254/' points at 169.254.169.254, a link-local address; webhooks registered by a vendor may reach public addresses only. Give the receiver's public host name or address.");
  // Public addresses and names (judged at delivery) are accepted.
  for (const url of ['https://hooks.slack.com/services/T0/B0/x', 'http://93.184.216.34/hook', 'https://[2606:4700:4700::1111]/']) {
    assert.equal((await register(service, acme.token, { url, events: ['solution.published'] })).status, 201, url);
  }
  assert.equal((await deliveries(service, acme.token)).length, 3);
});

test('delivery: a vendor webhook whose name resolves to loopback is refused on the connection; an admin one reaches the receiver', async () => {
  // Registration refuses `localhost` by name, so this row stands for a vendor name whose DNS answer
  // turned to loopback after registration; delivery resolves it on the connection and refuses.
  await service.ctx.db.insertInto('webhooks').values({ url: `http://localhost:${port}/vendor`, events: '["bucket.new"]', vendor_id: acme.id, author: 'acme', registered_by: 'vendor', created_at: Date.now() }).execute();
  assert.equal((await register(service, service.admin, { url: `http://localhost:${port}/admin`, events: ['bucket.new'] })).status, 201);
  assert.equal((await register(service, service.admin, { url: `http://127.0.0.1:${port}/admin-for-acme`, events: ['bucket.new'], vendorId: acme.id })).status, 201);
  await emit(service);
  assert.deepEqual(received.sort(), ['/admin', '/admin-for-acme']);
  const vendorRow = (await deliveries(service, acme.token)).find((d) => d.url.endsWith('/vendor'))!;
  assert.equal(vendorRow.statusCode, null);
  assert.equal(vendorRow.attempts, 1, 'a refusal is not retried');
  assert.equal(vendorRow.error!, 'refused: localhost has no public address; this webhook may reach public addresses only');
  const adminRows = (await deliveries(service, service.admin)).filter((d) => d.url.includes('/admin'));
  assert.deepEqual(adminRows.map((d) => [d.statusCode, d.error]), [[200, null], [200, null]]);
});

test('CULPRIT_WEBHOOKS_PUBLIC_ONLY: admins are held to the same rule, at registration and delivery', async () => {
  const r = await register(strict, strict.admin, { url: `http://127.0.0.1:${port}/strict`, events: ['bucket.new'] });
  assert.equal(r.status, 400);
  assert.match(r.json.message, /this service lets webhooks reach public addresses only \(CULPRIT_WEBHOOKS_PUBLIC_ONLY=1\)/);
  // A row from before the option was set: delivery refuses it too.
  await strict.ctx.db.insertInto('webhooks').values({ url: `http://127.0.0.1:${port}/strict-old`, events: '["bucket.new"]', vendor_id: null, author: 'admin', created_at: Date.now() }).execute();
  const before = received.length;
  await emit(strict);
  assert.equal(received.length, before);
  const [d] = await deliveries(strict, strict.admin);
  assert.equal(d!.error, 'refused: the URL points at 127.0.0.1, a loopback address; this webhook may reach public addresses only');
});
