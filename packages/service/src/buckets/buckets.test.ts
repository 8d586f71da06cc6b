// Top crashers filters and the bucket series on real dumps: product, version, OS, kind (VM guest
// reports partitioned from the rest), third-party vs system culprit, installs and window totals.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, BufferSource } from '@culprit/core';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { culpritOf } from '../processing/culprit-module.js';
import { tempService, waitForAnswer } from '../testing/temp-service.js';
import { crashpadBody } from '../testing/client-bodies.js';
import { VERSION_LINES } from './version-series.js';

const service = await tempService({ workers: 2 });
after(() => service.dispose());

const APP = ['minidump', 'rust-minidump', 'test.dmp'];
const KERNEL = ['kernel-dump', 'rizin', 'triage_x64.dmp'];
const OOPS = ['oops', 'abrt', 'oops-module-nouveau.test'];
const facts = (file: string[]) => {
  const r = analyze(new BufferSource(readCorpus(...file)));
  return { kind: r.kind, os: r.system.os.platform, culprit: culpritOf(r)! };
};
const app = facts(APP);
const kernel = facts(KERNEL);
const oops = facts(OOPS);

async function submit(file: string[], fields: Record<string, string>) {
  const b = crashpadBody(readCorpus(...file), fields);
  const r = await service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
  assert.equal(r.statusCode, 200, r.body);
  const a = await waitForAnswer(service, r.body);
  assert.equal(a.status, 'processed');
  return a;
}
const get = async (url: string) => {
  const r = await service.app.inject({ url, headers: { authorization: `Bearer ${service.admin}` } });
  return { status: r.statusCode, json: r.json() };
};
interface ListedBucket {
  id: number;
  windowReports: number;
  installs: number;
  culprit: { name: string; thirdParty?: boolean } | null;
}
const list = async (q: string) => (await get(`/api/buckets?days=7${q}`)).json as { buckets: ListedBucket[]; totals: { reports: number; installs: number }; facets: Record<string, { value: string; count: number }[]> };
const counts = (l: { buckets: ListedBucket[] }) => Object.fromEntries(l.buckets.map((b) => [b.culprit!.name, b.windowReports]));

// 3 application crashes of two versions from two installs, 2 kernel dumps, one of them sent by
// `culprit vm watch` (kind=vm-guest), 1 kernel oops from a VM guest.
const appBucket = (await submit(APP, { prod: 'TestApp', ver: '1.0', guid: 'a' })).bucket!.id;
await submit(APP, { prod: 'TestApp', ver: '1.0', guid: 'a' });
await submit(APP, { prod: 'TestApp', ver: '2.0', guid: 'b' });
const kernelBucket = (await submit(KERNEL, { prod: 'Host', guid: 'c' })).bucket!.id;
assert.equal((await submit(KERNEL, { kind: 'vm-guest', vm_name: 'win10', guid: 'd' })).bucket!.id, kernelBucket);
await submit(OOPS, { kind: 'vm-guest', vm_name: 'debian' });

test('unfiltered: every bucket, installs per bucket, window totals and facets', async () => {
  const l = await list('');
  assert.deepEqual(counts(l), { [app.culprit.name]: 3, [kernel.culprit.name]: 2, [oops.culprit.name]: 1 });
  assert.equal(l.buckets[0]!.id, appBucket, 'most reports first');
  assert.equal(l.buckets.find((b) => b.id === appBucket)!.installs, 2);
  assert.deepEqual(l.totals, { reports: 6, installs: 4 });
  assert.deepEqual(l.facets.products, [{ value: 'TestApp', count: 3 }, { value: 'Host', count: 1 }]);
  assert.deepEqual(l.facets.versions, [{ value: '1.0', count: 2 }, { value: '2.0', count: 1 }]);
  assert.equal(l.facets.osNames!.reduce((n, f) => n + f.count, 0), 6);
});

test('product, version and OS select reports: the counts are those of the matching reports', async () => {
  assert.deepEqual(counts(await list('&product=TestApp')), { [app.culprit.name]: 3 });
  const v2 = await list('&product=TestApp&version=2.0');
  assert.deepEqual(counts(v2), { [app.culprit.name]: 1 });
  assert.deepEqual(v2.totals, { reports: 1, installs: 1 });
  assert.deepEqual(counts(await list('&product=Nothing')), {});
  const byOs = await list(`&os=${encodeURIComponent(kernel.os)}`);
  const expected = [app, kernel, oops].filter((f) => f.os === kernel.os);
  assert.ok(expected.length >= 1);
  assert.deepEqual(Object.keys(counts(byOs)).sort(), expected.map((f) => f.culprit.name).sort());
});

test('kind: VM guest reports are their own kind, not counted as kernel dumps or oopses', async () => {
  assert.equal(kernel.kind, 'windows-kernel-dump');
  assert.equal(oops.kind, 'linux-kernel-log');
  assert.deepEqual(counts(await list('&kind=vm-guest')), { [kernel.culprit.name]: 1, [oops.culprit.name]: 1 });
  assert.deepEqual(counts(await list('&kind=kernel-dump')), { [kernel.culprit.name]: 1 });
  assert.deepEqual(counts(await list('&kind=oops')), {});
  assert.deepEqual(counts(await list('&kind=application')), { [app.culprit.name]: 3 });
});

test('culprit: third-party or the operating system’s own, as the processed result says', async () => {
  const all = (await list('')).buckets;
  for (const f of [app, kernel, oops]) assert.equal(all.find((b) => b.culprit!.name === f.culprit.name)!.culprit!.thirdParty, f.culprit.thirdParty ?? undefined, f.culprit.name);
  const third = [app, kernel, oops].filter((f) => f.culprit.thirdParty === true).map((f) => f.culprit.name).sort();
  const system = [app, kernel, oops].filter((f) => f.culprit.thirdParty === false).map((f) => f.culprit.name).sort();
  assert.ok(third.length > 0 && system.length > 0, 'the corpus files give both answers');
  assert.deepEqual(Object.keys(counts(await list('&culprit=third-party'))).sort(), third);
  assert.deepEqual(Object.keys(counts(await list('&culprit=system'))).sort(), system);
});

test('filters are validated by the schema', async () => {
  for (const q of ['kind=bsod', 'culprit=vendor', 'days=0', `product=${'x'.repeat(201)}`, 'product=']) {
    assert.equal((await get(`/api/buckets?${q}`)).status, 400, q);
  }
});

test('bucket page: daily counts per version from the server, other versions summed', async () => {
  // Move one 1.0 report to yesterday: the series must put it on its own day.
  const DAY = 86_400_000;
  const r = await service.ctx.db.selectFrom('reports').select(['id', 'received_at']).where('bucket_id', '=', appBucket).where('version', '=', '1.0').executeTakeFirstOrThrow();
  const earlier = Number(r.received_at) - DAY;
  await service.ctx.db.updateTable('reports').set({ received_at: earlier, received_day: new Date(earlier).toISOString().slice(0, 10) }).where('id', '=', r.id).execute();
  const today = (await service.ctx.db.selectFrom('reports').select('received_day').where('bucket_id', '=', appBucket).where('version', '=', '2.0').executeTakeFirstOrThrow()).received_day;
  const yesterday = new Date(earlier).toISOString().slice(0, 10);
  const d = (await get(`/api/buckets/${appBucket}?days=30`)).json;
  assert.deepEqual(d.versionSeries, [
    { version: '1.0', points: [{ day: yesterday, count: 1 }, { day: today, count: 1 }] },
    { version: '2.0', points: [{ day: today, count: 1 }] },
  ]);
  assert.deepEqual(d.bucket.reproducible, { installs: 0, reports: 0 });
  // More versions than lines: the least frequent are summed into one line.
  for (let i = 0; i < VERSION_LINES; i++) await submit(APP, { prod: 'TestApp', ver: `3.${i}` });
  const many = (await get(`/api/buckets/${appBucket}?days=30`)).json.versionSeries as { version: string | null; other?: boolean; points: { count: number }[] }[];
  assert.equal(many.length, VERSION_LINES + 1);
  assert.equal(many[0]!.version, '1.0');
  const other = many.at(-1)!;
  assert.equal(other.other, true);
  const total = many.reduce((n, l) => n + l.points.reduce((m, p) => m + p.count, 0), 0);
  assert.equal(total, 3 + VERSION_LINES);
});
