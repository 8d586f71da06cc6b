// Answers end to end on real dumps: vendors attach solutions, each report gets the answer for the
// versions it carries, repeat crashes, the page in two languages, webhooks to a local receiver.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { tempService, waitForAnswer } from '../testing/temp-service.js';
import { crashpadBody } from '../testing/client-bodies.js';

const received: { path: string; body: { text: string; event: string; data: Record<string, unknown> } }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    received.push({ path: req.url!, body: JSON.parse(body) });
    res.end('ok');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const service = await tempService({ workers: 2, spikeMinReports: 3 });
after(async () => {
  await service.dispose();
  receiver.close();
});
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const api = async (method: string, url: string, token: string | null, payload?: unknown) => {
  const r = await service.app.inject({ method: method as 'GET', url, headers: token ? auth(token) : {}, payload: payload as object });
  return { status: r.statusCode, json: r.body && String(r.headers['content-type']).includes('json') ? r.json() : r.body };
};
async function submit(dump: Uint8Array, fields: Record<string, string>) {
  const b = crashpadBody(dump, fields);
  const r = await service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
  assert.equal(r.statusCode, 200, r.body);
  return waitForAnswer(service, r.body);
}

const testApp = readCorpus('minidump', 'rust-minidump', 'test.dmp'); // crashes in test_app.exe, the main module
const linuxMini = readCorpus('minidump', 'rust-minidump', 'linux-mini.dmp'); // crashes in `crash`, ELF build id f1c3bcc0…
const triage = readCorpus('kernel-dump', 'rizin', 'triage_x64.dmp'); // amdppm.sys, timestamp 0xC9C03000

const acme = (await api('POST', '/api/vendors', service.admin, { name: 'Acme', modules: ['test_app.exe'] })).json;
const other = (await api('POST', '/api/vendors', service.admin, { name: 'Other', modules: ['crash', 'AMDPPM.SYS'] })).json;
const acmeToken = (await api('POST', `/api/vendors/${acme.id}/tokens`, service.admin, {})).json.token;
const otherToken = (await api('POST', `/api/vendors/${other.id}/tokens`, service.admin, { name: 'other-ci' })).json.token;
await api('POST', '/api/webhooks', service.admin, { url: `${hookUrl}/all`, events: ['bucket.new', 'bucket.spike', 'solution.published', 'solution.contradicted'] });
// A vendor's own token may not point a webhook at this machine (webhooks/vendor-webhooks.test.ts);
// an admin may register one for the vendor, which is how this test's local receiver hears Acme's events.
assert.equal((await api('POST', '/api/webhooks', acmeToken, { url: `${hookUrl}/acme`, events: ['bucket.new'] })).status, 400);
await api('POST', '/api/webhooks', service.admin, { url: `${hookUrl}/acme`, events: ['bucket.new', 'solution.published', 'solution.contradicted'], vendorId: acme.id });

test('vendors and /api/me', async () => {
  assert.deepEqual(acme.modules, ['test_app.exe']);
  assert.equal((await api('POST', '/api/vendors', service.admin, { name: 'Bad', modules: ['*'] })).status, 400);
  assert.equal((await api('POST', '/api/vendors', service.admin, { name: 'Acme', modules: ['x.dll'] })).status, 409);
  assert.deepEqual((await api('GET', '/api/me', acmeToken)).json, { role: 'vendor', vendor: acme });
  assert.deepEqual((await api('GET', '/api/me', service.admin)).json, { role: 'admin' });
  const patched = (await api('PATCH', `/api/vendors/${other.id}`, service.admin, { modules: ['crash', 'amdppm.sys', 'libother.so*'] })).json;
  assert.deepEqual(patched.modules, ['crash', 'amdppm.sys', 'libother.so*']);
  assert.equal((await api('GET', '/api/vendors', service.admin)).json.vendors.length, 2);
});

let bucketId = 0;
let updateId = 0;

test('the answer follows the installed version: update, already fixed (contradiction), unknown', async () => {
  const first = await submit(testApp, { prod: 'TestApp', ver: '1.0.0.0', guid: 'install-1' });
  assert.equal(first.verdict, 'new');
  assert.deepEqual(first.culprit, { name: 'test_app.exe', version: '1.0.0.0', vendor: 'Acme', thirdParty: true });
  assert.match(first.text.en, /tracked for Acme/);
  bucketId = first.bucket!.id;

  // A vendor's draft is not offered; publishing it is.
  const draft = await api('POST', '/api/solutions', acmeToken, {
    bucketId,
    kind: 'update',
    title: { en: 'TestApp 2.0 fixes this crash', ja: 'TestApp 2.0 でこのクラッシュは修正されています' },
    text: { en: 'Download 2.0 from our site.', ja: '当社サイトから 2.0 をダウンロードしてください。' },
    link: 'https://acme.example/download',
    fixedIn: '2.0.0.0',
    status: 'draft',
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.json));
  assert.equal(draft.json.author, 'Acme');
  updateId = draft.json.id;
  assert.equal((await submit(testApp, { prod: 'TestApp', ver: '1.5', guid: 'install-2' })).verdict, 'known');
  assert.equal((await api('PATCH', `/api/solutions/${updateId}`, acmeToken, { status: 'published' })).status, 200);

  const older = await submit(testApp, { prod: 'TestApp', ver: '1.9.3.0', guid: 'install-3' });
  assert.equal(older.verdict, 'update-available');
  assert.deepEqual(older.solutions.map((s) => [s.id, s.applies, s.fixedIn, s.link]), [[updateId, 'yes', '2.0.0.0', 'https://acme.example/download']]);
  assert.match(older.headline.ja, /2\.0\.0\.0 に更新すると解決します/);

  const fixed = await submit(testApp, { prod: 'TestApp', ver: '2.0.1', guid: 'install-4' });
  assert.equal(fixed.verdict, 'already-at-fixed-version');
  assert.equal(fixed.solutions[0]!.applies, 'no');
  assert.match(fixed.text.en, /different or new problem; it is now tracked for Acme/);

  const unknown = await submit(testApp, { prod: 'TestApp', guid: 'install-5' });
  assert.equal(unknown.verdict, 'version-unknown');
  assert.equal(unknown.solutions[0]!.applies, 'unknown-version');

  // Delivered: the answers that offered it (yes or unknown version), each counted once however often polled.
  await api('GET', `/api/reports/${older.reportId}/answer`, null);
  const listed = (await api('GET', `/api/solutions?bucket=${bucketId}`, service.admin)).json.solutions;
  assert.equal(listed.find((s: { id: number }) => s.id === updateId).deliveredCount, 2);
});

test('ELF build id (equality) and driver timestamp (numeric) from real reports', async () => {
  const s1 = await api('POST', '/api/solutions', otherToken, { module: 'crash', kind: 'update', title: { en: 'Fixed build' }, text: { en: 'This build has the fix.' }, fixedIn: 'build-id:F1C3BCC0279865FE3058404B2831D9E64135386C' });
  assert.equal(s1.status, 201, JSON.stringify(s1.json));
  const elf = await submit(linuxMini, { prod: 'Crash', ver: '0.1' });
  assert.equal(elf.culprit?.name, 'crash');
  assert.equal(elf.verdict, 'already-at-fixed-version');
  await api('PATCH', `/api/solutions/${s1.json.id}`, otherToken, { fixedIn: 'build-id:b5381a457906d279073822a5ceb24c4bfef94ddb' });
  assert.equal((await api('GET', `/api/reports/${elf.reportId}/answer`, null)).json.verdict, 'version-unknown');

  const s2 = await api('POST', '/api/solutions', otherToken, { module: 'amdppm.sys', kind: 'update', title: { en: 'New driver' }, text: { en: 'Update the driver.' }, fixedIn: 'timestamp:0xC9C03001' });
  assert.equal(s2.status, 201);
  const kernel = await submit(triage, {});
  assert.equal(kernel.culprit?.name, 'amdppm.sys');
  assert.equal(kernel.verdict, 'update-available');
  assert.match(kernel.text.en, /amdppm\.sys 3384815616; version timestamp:0xC9C03001 fixes/);
});

test('repeat crashes: from the third time the report is reproducible and the workaround leads', async () => {
  const w = await api('POST', '/api/solutions', service.admin, { bucketId, kind: 'workaround', title: { en: 'Run with --safe-mode', ja: '--safe-mode で起動する' }, text: { en: 'Start TestApp with --safe-mode until you can update.' } });
  assert.equal(w.status, 201);
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push(await submit(testApp, { prod: 'TestApp', ver: '1.2', guid: 'install-repeat' }));
  assert.deepEqual(answers.map((a) => [a.repeatCount, a.reproducible, a.verdict]), [
    [1, false, 'update-available'],
    [2, false, 'update-available'],
    [3, true, 'workaround'],
  ]);
  assert.equal(answers[2]!.solutions[0]!.kind, 'workaround');
  const b = (await api('GET', `/api/buckets/${bucketId}`, acmeToken)).json.bucket;
  assert.deepEqual(b.reproducible, { installs: 1, reports: 1 });
});

test('editing and withdrawing are recorded; a withdrawn solution is no longer offered', async () => {
  assert.equal((await api('PATCH', `/api/solutions/${updateId}`, acmeToken, { fixedIn: '2.0.0.1', title: { en: 'TestApp 2.0.0.1 fixes this crash' } })).status, 200);
  assert.equal((await api('PATCH', `/api/solutions/${updateId}`, acmeToken, { kind: 'update', fixedIn: 'soon' })).status, 400);
  assert.equal((await api('POST', `/api/solutions/${updateId}/withdraw`, acmeToken)).json.status, 'withdrawn');
  assert.equal((await api('PATCH', `/api/solutions/${updateId}`, acmeToken, { status: 'published' })).status, 409);
  const h = (await api('GET', `/api/solutions/${updateId}/history`, acmeToken)).json.history;
  assert.deepEqual(h.map((x: { action: string }) => x.action), ['created', 'edited', 'edited', 'withdrawn']);
  assert.deepEqual(h[1].changes, { status: { from: 'draft', to: 'published' } });
  assert.deepEqual(h[2].changes.fixedIn, { from: '2.0.0.0', to: '2.0.0.1' });
  assert.ok(h.every((x: { author: string }) => x.author === 'Acme'));
  const a = await submit(testApp, { prod: 'TestApp', ver: '1.0', guid: 'install-6' });
  assert.ok(!a.solutions.some((s) => s.id === updateId));
  assert.equal(a.verdict, 'workaround');
  // Solutions validate: an update names its fixed version; links are http(s).
  assert.equal((await api('POST', '/api/solutions', service.admin, { bucketId, kind: 'update', title: { en: 'Update' }, text: { en: 'Get the latest.' } })).status, 400);
  assert.equal((await api('POST', '/api/solutions', service.admin, { bucketId, kind: 'information', title: { en: 'js' }, text: { en: 'y' }, link: 'javascript:alert(1)' })).status, 400);
});

test('vendor isolation: another vendor cannot read, list, search, export or change Acme’s data', async () => {
  const acmeReport = (await api('GET', `/api/reports?bucket=${bucketId}&limit=1`, service.admin)).json.reports[0].id;
  const mine = (await api('GET', '/api/buckets?days=30', otherToken)).json.buckets.map((b: { culprit: { name: string } }) => b.culprit.name).sort();
  assert.deepEqual(mine, ['amdppm.sys', 'crash']);
  assert.deepEqual((await api('GET', '/api/buckets?days=30', acmeToken)).json.buckets.map((b: { id: number }) => b.id), [bucketId]);
  const acmeSolution = (await api('GET', `/api/solutions?bucket=${bucketId}`, acmeToken)).json.solutions[0].id;
  const refused: [string, string, unknown, number][] = [
    ['GET', `/api/buckets/${bucketId}`, undefined, 404],
    ['GET', '/api/reports', undefined, 403],
    ['GET', `/api/reports?module=test_app.exe`, undefined, 403],
    ['GET', `/api/reports?signature=test_app.exe`, undefined, 403],
    ['GET', `/api/reports/${acmeReport}`, undefined, 403],
    ['GET', `/api/reports/${acmeReport}/raw`, undefined, 403],
    ['DELETE', `/api/reports/${acmeReport}`, undefined, 403],
    ['GET', '/api/symbols/missing', undefined, 403],
    ['GET', '/metrics', undefined, 403],
    ['GET', '/api/vendors', undefined, 403],
    ['PATCH', `/api/vendors/${acme.id}`, { modules: ['test_app.exe', 'crash'] }, 403],
    ['POST', `/api/vendors/${acme.id}/tokens`, {}, 403],
    ['POST', '/api/tokens', { role: 'admin', name: 'x' }, 403],
    ['GET', `/api/solutions/${acmeSolution}/history`, undefined, 404],
    ['PATCH', `/api/solutions/${acmeSolution}`, { title: { en: 'hijacked' } }, 404],
    ['POST', `/api/solutions/${acmeSolution}/withdraw`, undefined, 404],
    ['POST', '/api/solutions', { bucketId, kind: 'information', title: { en: 'x' }, text: { en: 'y' } }, 404],
    ['POST', '/api/solutions', { module: 'test_app.exe', kind: 'information', title: { en: 'x' }, text: { en: 'y' } }, 403],
    ['POST', '/api/solutions', { module: '*.exe', kind: 'information', title: { en: 'x' }, text: { en: 'y' } }, 403],
    ['POST', '/api/webhooks', { url: `${hookUrl}/steal`, events: ['bucket.new'], vendorId: acme.id }, 403],
  ];
  for (const [method, url, payload, status] of refused) {
    const r = await api(method, url, otherToken, payload);
    assert.equal(r.status, status, `${method} ${url}: ${JSON.stringify(r.json).slice(0, 200)}`);
  }
  // Nothing was created or changed by the refused writes.
  const all = (await api('GET', '/api/solutions', service.admin)).json.solutions;
  assert.ok(!all.some((s: { title: { en: string } }) => s.title.en === 'x' || s.title.en === 'hijacked'), JSON.stringify(all.map((s: { title: unknown }) => s.title)));
  assert.deepEqual((await api('GET', '/api/vendors', service.admin)).json.vendors.find((v: { id: number }) => v.id === acme.id).modules, ['test_app.exe']);
  // Listing and searching solutions shows none of Acme's.
  for (const q of [`bucket=${bucketId}`, 'module=test_app.exe', '']) {
    const ids = (await api('GET', `/api/solutions?${q}`, otherToken)).json.solutions.map((s: { module?: string; bucketId?: number }) => s.module ?? s.bucketId);
    assert.ok(!ids.includes(bucketId) && !ids.includes('test_app.exe'), `${q}: ${ids}`);
  }
  const hooks = (await api('GET', '/api/webhooks', otherToken)).json.webhooks;
  assert.equal(hooks.length, 0);
  assert.equal((await api('GET', '/api/webhooks', acmeToken)).json.webhooks.length, 1);
});

test('the answer page in the reader’s language; JSON without a token', async () => {
  const a = await submit(testApp, { prod: 'TestApp', ver: '1.0', guid: 'install-7' });
  const ja = await service.app.inject({ url: `/r/${a.reportId}`, headers: { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' } });
  assert.equal(ja.statusCode, 200);
  assert.match(ja.headers['content-type'] as string, /text\/html/);
  assert.match(ja.body, /<html lang="ja">/);
  assert.ok(ja.body.includes(a.headline.ja));
  assert.ok(ja.body.includes('--safe-mode で起動する'));
  const en = await service.app.inject({ url: `/r/${a.reportId}`, headers: { 'accept-language': 'fr-FR, en;q=0.5, ja;q=0.2' } });
  assert.match(en.body, /<html lang="en">/);
  assert.ok(en.body.includes(a.headline.en));
  assert.equal((await service.app.inject({ url: '/r/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
  const alias = await api('GET', `/api/answers/${a.reportId}`, null);
  assert.deepEqual(alias.json, (await api('GET', `/api/reports/${a.reportId}/answer`, null)).json);
});

test('webhooks reached the local receiver, Slack-compatible, each vendor only its own', async () => {
  await service.ctx.webhooks.drain();
  const events = (path: string) => received.filter((r) => r.path === path).map((r) => r.body.event);
  const all = events('/all');
  assert.deepEqual(all.filter((e) => e === 'bucket.new').length, 3); // test_app.exe, crash, amdppm.sys
  assert.ok(all.includes('bucket.spike'));
  assert.equal(all.filter((e) => e === 'bucket.spike').length, 1); // once per bucket per day
  assert.ok(all.includes('solution.published'));
  assert.ok(all.includes('solution.contradicted'));
  assert.ok(received.every((r) => typeof r.body.text === 'string' && r.body.text.length > 0));
  const acmeEvents = received.filter((r) => r.path === '/acme');
  assert.ok(acmeEvents.length >= 3);
  assert.ok(acmeEvents.every((r) => r.body.data.module === 'test_app.exe'), JSON.stringify(acmeEvents.map((r) => r.body.data)));
  const contradiction = acmeEvents.find((r) => r.body.event === 'solution.contradicted')!;
  assert.equal(contradiction.body.data.installedVersion, '2.0.1');
  assert.equal(contradiction.body.data.fixedIn, '2.0.0.0');
  const deliveries = (await api('GET', '/api/webhooks', service.admin)).json.webhooks.flatMap((h: { deliveries: { statusCode: number }[] }) => h.deliveries);
  assert.ok(deliveries.length > 0 && deliveries.every((d: { statusCode: number }) => d.statusCode === 200));
});
