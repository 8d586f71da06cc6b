// Reports through the worker pool into buckets and answers; the JSON API over what was stored;
// symbols uploaded as symupload does; tokens and roles; the OpenAPI document and metrics.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { tempService, waitForAnswer } from '../testing/temp-service.js';
import { crashpadBody, multipart } from '../testing/client-bodies.js';

const service = await tempService({ workers: 2 });
after(() => service.dispose());
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function submit(dump: Uint8Array, fields: Record<string, string>): Promise<string> {
  const b = crashpadBody(dump, fields);
  const r = await service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
  assert.equal(r.statusCode, 200, r.body);
  return r.body;
}

const testApp = readCorpus('minidump', 'rust-minidump', 'test.dmp');
const linuxMini = readCorpus('minidump', 'rust-minidump', 'linux-mini.dmp');

test('first report of a signature is a new problem; the next ones are known, with counts', async () => {
  const first = await submit(testApp, { prod: 'App', ver: '1.0', guid: 'install-a' });
  const a1 = await waitForAnswer(service, first);
  assert.equal(a1.status, 'processed');
  assert.equal(a1.verdict, 'new');
  assert.match(a1.headline.en, /^A new problem, now tracked/);

  const more = await Promise.all([
    submit(testApp, { prod: 'App', ver: '1.1', guid: 'install-b' }),
    submit(testApp, { prod: 'App', ver: '1.1', guid: 'install-b' }),
  ]);
  for (const id of more) {
    const a = await waitForAnswer(service, id);
    assert.equal(a.verdict, 'known');
  }
  const last = await waitForAnswer(service, more[1]!);
  assert.equal(last.bucket?.count, 3);
  assert.match(last.text.en, /has been reported 3 times/);

  const rep = (await service.app.inject({ url: `/api/reports/${first}`, headers: auth(service.admin) })).json();
  assert.equal(rep.kind, 'minidump');
  assert.equal(rep.crashReason, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
  assert.equal(rep.result.crash.reason, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
  assert.ok(rep.result.modules.length > 0);

  const buckets = (await service.app.inject({ url: '/api/buckets?days=1', headers: auth(service.admin) })).json().buckets;
  const b = buckets.find((x: { signature: string }) => x.signature === rep.signature);
  assert.equal(b.reports, 3);
  assert.equal(b.installs, 2);
  const detail = (await service.app.inject({ url: `/api/buckets/${b.id}`, headers: auth(service.admin) })).json();
  assert.equal(detail.series.reduce((n: number, s: { count: number }) => n + s.count, 0), 3);
  assert.deepEqual(detail.versions, [
    { value: '1.1', count: 2 },
    { value: '1.0', count: 1 },
  ]);
  assert.deepEqual(detail.products, [{ value: 'App', count: 3 }]);
  assert.equal(detail.osVersions[0].count, 3);
  assert.deepEqual(detail.osNames, [{ value: 'Windows NT', count: 3 }]);
  assert.deepEqual(detail.cpuArchs, [{ value: 'x86', count: 3 }]);
});

test('a file that is not a crash report fails once, with the parser’s reason, and is not retried', async () => {
  const id = await submit(new TextEncoder().encode('hello, this is not a dump'), { prod: 'App' });
  const a = await waitForAnswer(service, id);
  assert.equal(a.status, 'failed');
  assert.match(a.text.en, /not a format Culprit reads/);
  assert.equal(await service.ctx.queue.depth(), 0);
});

test('report list filters: product, version, kind, module, signature, date range', async () => {
  const other = await submit(linuxMini, { prod: 'Other', ver: '7' });
  await waitForAnswer(service, other);
  const list = async (q: string) => (await service.app.inject({ url: `/api/reports?${q}`, headers: auth(service.admin) })).json().reports.map((r: { id: string }) => r.id);
  assert.deepEqual(await list('product=Other'), [other]);
  assert.deepEqual(await list('product=Other&version=8'), []);
  assert.equal((await list('product=App&version=1.1')).length, 2);
  assert.equal((await list('kind=minidump')).length, 4);
  assert.equal((await list('module=test_app.exe')).length, 3);
  assert.equal((await list('module=crash')).length, 1);
  assert.equal((await list(`from=${new Date(Date.now() + 60_000).toISOString()}`)).length, 0);
  const sig = (await service.app.inject({ url: `/api/reports/${other}`, headers: auth(service.admin) })).json().signature;
  assert.deepEqual(await list(`signature=${encodeURIComponent(sig)}`), [other]);
  const bad = await service.app.inject({ url: '/api/reports?limit=0', headers: auth(service.admin) });
  assert.equal(bad.statusCode, 400); // request schema validation
});

test('symbols: missing list ranks modules; a symupload of one reprocesses the reports lacking it', async () => {
  const missing = (await service.app.inject({ url: '/api/symbols/missing', headers: auth(service.admin) })).json().modules;
  const testAppModule = missing.find((m: { debugFile: string }) => m.debugFile === 'test_app.pdb');
  assert.equal(testAppModule.reports, 3);
  assert.ok(missing.every((m: { reports: number }, i: number) => i === 0 || missing[i - 1].reports >= m.reports));

  const sym = readCorpus('minidump', 'breakpad', 'symbols', 'test_app.pdb', '5A9832E5287241C1838ED98914E9B7FF1', 'test_app.sym');
  const developer = (await service.app.inject({ method: 'POST', url: '/api/tokens', headers: auth(service.admin), payload: { role: 'developer', name: 'ci' } })).json().token;
  // symupload (v1): multipart with the module's identity fields and the file as `symbol_file`; key in the URL.
  const body = multipart([
    { name: 'code_file', value: 'test_app.exe' },
    { name: 'debug_file', value: 'test_app.pdb' },
    { name: 'debug_identifier', value: '5A9832E5287241C1838ED98914E9B7FF1' },
    { name: 'os', value: 'windows' },
    { name: 'cpu', value: 'x86' },
    { name: 'symbol_file', value: sym, filename: 'test_app.sym', contentType: 'application/octet-stream' },
  ]);
  const up = await service.app.inject({ method: 'POST', url: `/api/symbols?token=${developer}`, payload: body.payload, headers: body.headers });
  assert.equal(up.statusCode, 200, up.body);
  assert.deepEqual(up.json().stored, [{ debugFile: 'test_app.pdb', debugId: '5A9832E5287241C1838ED98914E9B7FF1', path: 'test_app.pdb/5A9832E5287241C1838ED98914E9B7FF1/test_app.sym' }]);
  assert.equal(up.json().requeued, 3);
  // Once reprocessed, nothing lacks test_app.pdb any more.
  for (;;) {
    const now = (await service.app.inject({ url: '/api/symbols/missing', headers: auth(service.admin) })).json().modules;
    if (!now.some((m: { debugFile: string }) => m.debugFile === 'test_app.pdb') && (await service.ctx.queue.depth()) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // Reprocessing moves a report between buckets, never counts it twice.
  const b = (await service.app.inject({ url: '/api/buckets', headers: auth(service.admin) })).json().buckets;
  const processed = (await service.app.inject({ url: '/api/reports?status=processed&limit=500', headers: auth(service.admin) })).json().reports;
  assert.equal(b.reduce((n: number, x: { reports: number }) => n + x.reports, 0), processed.length);

  // A zip of a store tree, as a raw body.
  const zip = zipSync({ 'store/test_app.pdb/5A9832E5287241C1838ED98914E9B7FF1/test_app.sym': sym, 'store/readme.txt': strToU8('not symbols') });
  const z = await service.app.inject({ method: 'POST', url: '/api/symbols', payload: Buffer.from(zip), headers: { ...auth(developer), 'content-type': 'application/zip' } });
  assert.equal(z.statusCode, 200, z.body);
  assert.equal(z.json().stored.length, 1);
  const junk = await service.app.inject({ method: 'POST', url: '/api/symbols', payload: Buffer.from('MODULE nonsense'), headers: { ...auth(developer), 'content-type': 'application/octet-stream' } });
  assert.equal(junk.statusCode, 400);
});

test('tokens and roles: ingest is open, everything else needs a token of the right role', async () => {
  const read = (await service.app.inject({ method: 'POST', url: '/api/tokens', headers: auth(service.admin), payload: { role: 'read', name: 'dashboard' } })).json().token;
  const id = (await service.app.inject({ url: '/api/reports?limit=1', headers: auth(read) })).json().reports[0].id;
  const cases: [string, string, Record<string, string>, number][] = [
    ['GET', '/api/reports', {}, 401],
    ['GET', '/api/reports', auth('cul_not-a-token'), 401],
    ['GET', '/api/reports', auth(read), 200],
    ['GET', `/api/reports/${id}`, auth(read), 200],
    ['GET', `/api/reports/${id}/raw`, auth(read), 403],
    ['GET', `/api/reports/${id}/raw`, auth(service.admin), 200],
    ['GET', '/api/buckets', {}, 401],
    ['GET', '/api/symbols/missing', {}, 401],
    ['GET', '/metrics', {}, 401],
    ['POST', '/api/symbols', auth(read), 403],
    ['POST', '/api/tokens', auth(read), 403],
    ['DELETE', `/api/reports/${id}`, auth(read), 403],
    ['GET', '/healthz', {}, 200],
    ['GET', `/api/answers/${id}`, {}, 200],
  ];
  for (const [method, url, headers, status] of cases) {
    const r = await service.app.inject({ method: method as 'GET', url, headers, payload: method === 'POST' ? {} : undefined });
    assert.equal(r.statusCode, status, `${method} ${url}: ${r.body.slice(0, 200)}`);
  }
  const del = await service.app.inject({ method: 'DELETE', url: `/api/reports/${id}`, headers: auth(service.admin) });
  assert.equal(del.statusCode, 204);
  assert.equal((await service.app.inject({ url: `/api/reports/${id}`, headers: auth(service.admin) })).statusCode, 404);
});

test('metrics in Prometheus text; an OpenAPI document describing the routes', async () => {
  const m = await service.app.inject({ url: '/metrics', headers: auth(service.admin) });
  assert.equal(m.statusCode, 200);
  assert.match(m.body, /^culprit_uploads_total\{route="submit"\} \d+$/m);
  assert.match(m.body, /^culprit_queue_depth \d+$/m);
  assert.match(m.body, /^culprit_processing_failures_total\{kind="parse"\} 1$/m);
  assert.match(m.body, /^culprit_processing_seconds_count\{kind="minidump"\} \d+$/m);
  // Group commits: as many reports acknowledged through them as uploads accepted.
  const uploads = Number(/^culprit_uploads_total\{route="submit"\} (\d+)$/m.exec(m.body)![1]);
  assert.equal(Number(/^culprit_intake_commit_reports_sum (\d+)$/m.exec(m.body)?.[1]), uploads);
  assert.match(m.body, /^culprit_intake_commit_seconds_count \d+$/m);
  const doc = (await service.app.inject({ url: '/openapi.json' })).json();
  assert.equal(doc.openapi.slice(0, 2), '3.');
  for (const path of ['/submit', '/api/answers/{id}', '/api/reports', '/api/reports/{id}', '/api/reports/{id}/raw', '/api/buckets', '/api/buckets/{id}', '/api/symbols', '/api/symbols/missing', '/healthz', '/metrics']) {
    assert.ok(doc.paths[path], `OpenAPI lists ${path}`);
  }
});

test('per-product ingest keys, when required', async () => {
  const keyed = await tempService({ processing: false, requireIngestKeys: true });
  try {
    const key = (await keyed.app.inject({ method: 'POST', url: '/api/ingest-keys', headers: auth(keyed.admin), payload: { product: 'App' } })).json().key;
    const send = (fields: Record<string, string>, headers: Record<string, string>) => {
      const b = crashpadBody(testApp, fields);
      return keyed.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: { ...b.headers, ...headers } });
    };
    assert.equal((await send({ prod: 'App' }, {})).statusCode, 401);
    assert.equal((await send({ prod: 'App' }, { 'x-culprit-ingest-key': 'ing_wrong' })).statusCode, 401);
    assert.equal((await send({ prod: 'Other' }, { 'x-culprit-ingest-key': key })).statusCode, 403);
    assert.equal((await send({ prod: 'App' }, { 'x-culprit-ingest-key': key })).statusCode, 200);
  } finally {
    await keyed.dispose();
  }
});
