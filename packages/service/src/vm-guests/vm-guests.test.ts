// VM guest crashes as `culprit vm watch` sends them (its own report builder and submission fields):
// a Linux guest's kernel log, a Windows guest's kernel dump, and a Windows guest that reported only
// its bug check (no file part). Listed and filtered as kind vm-guest, grouped per guest with their
// buckets, each report showing its VM, host and channel.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, BufferSource, lookupBugCheck } from '@culprit/core';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { buildVmReport, type CrashEvidence } from '../../../vm/src/report/build-report.js';
import { submissionFields } from '../../../vm/src/submit/submit.js';
import { tempService, waitForAnswer } from '../testing/temp-service.js';
import { crashpadBody, multipart } from '../testing/client-bodies.js';

const service = await tempService({ workers: 1 });
after(() => service.dispose());

const OOPS_A = ['oops', 'abrt', 'oops-module-nouveau.test'];
const OOPS_B = ['oops', 'abrt', 'oops-32bit-graphics.test'];
const KERNEL = ['kernel-dump', 'rizin', 'triage_x64.dmp'];
const text = (file: string[]) => new TextDecoder().decode(readCorpus(...file));
const signatureOf = (file: string[]) => analyze(new BufferSource(readCorpus(...file))).signature!;

const WEB = { name: 'web-1', uuid: '6e1c9d4a-0000-4000-8000-000000000001', qmp: '/run/vm/web-1.sock' };
const DB = { name: 'db-1', qmp: '/run/vm/db-1.sock' };
const WIN = { name: 'win10', uuid: '00000000-0000-0000-0000-000000000000', qmp: '/run/vm/win10.sock' };
const others = [{ name: 'db-1', qmp: DB.qmp, status: 'running' }];

function evidence(vm: CrashEvidence['vm'], rest: Partial<CrashEvidence>): CrashEvidence {
  return { vm, channel: 'pvpanic', events: [], otherGuests: others, detectedAt: new Date(), ...rest };
}

/** Posts what the watcher posts: its fields, and the crash file as upload_file_minidump when it has one. */
async function send(ev: CrashEvidence, file?: Uint8Array) {
  const fields = submissionFields(buildVmReport(ev));
  const b = file ? crashpadBody(file, fields) : multipart(Object.entries(fields).map(([name, value]) => ({ name, value })));
  return service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
}
async function accepted(ev: CrashEvidence, file?: Uint8Array) {
  const r = await send(ev, file);
  assert.equal(r.statusCode, 200, r.body);
  const answer = await waitForAnswer(service, r.body);
  assert.equal(answer.status, 'processed', JSON.stringify(answer));
  return { id: r.body, answer };
}
const get = async (url: string) => {
  const r = await service.app.inject({ url, headers: { authorization: `Bearer ${service.admin}` } });
  return { status: r.statusCode, json: r.json() };
};

// web-1 (Linux, with a UUID) crashes twice in one bucket and once in another; db-1 (no UUID) once;
// win10 (nil UUID) once with a kernel dump and once with only its Hyper-V bug check.
const oopsA = text(OOPS_A);
const web1 = await accepted(evidence(WEB, { console: oopsA }), new TextEncoder().encode(oopsA));
await accepted(evidence(WEB, { console: oopsA, channel: 'console' }), new TextEncoder().encode(oopsA));
await accepted(evidence(WEB, { console: text(OOPS_B) }), readCorpus(...OOPS_B));
await accepted(evidence(DB, { console: oopsA, otherGuests: [] }), new TextEncoder().encode(oopsA));
const winDump = await accepted(evidence(WIN, { guestOsHint: 'windows', channel: 'unexpected-reset' }), readCorpus(...KERNEL));
// SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M (0x7E raised through the bit-28 path), parameters beyond 2^53.
const P = [0xffffffffc0000005n, 0xfffff80512345679n, 0xffffd0813a5f7e38n, 0xffffd0813a5f7680n];
const bugCheckEvidence = evidence(WIN, { channel: 'hyper-v', guestOsHint: 'windows', panicInfo: { type: 'hyper-v', bugCheck: { code: 0x1000007e, parameters: P } } });
const winBugCheck = await accepted(bugCheckEvidence);
// A report sent without culprit vm watch, to be left out.
const app = crashpadBody(readCorpus('minidump', 'rust-minidump', 'test.dmp'), { prod: 'App' });
await waitForAnswer(service, (await service.app.inject({ method: 'POST', url: '/submit', payload: app.payload, headers: app.headers })).body);

test('GET /api/reports?kind=vm-guest lists the VM guest reports only, whatever their analysed kind', async () => {
  const all = (await get('/api/reports?limit=500')).json.reports as { id: string; clientKind: string | null; kind: string; vmGuest: string | null }[];
  assert.equal(all.length, 7);
  const vm = (await get('/api/reports?kind=vm-guest')).json.reports as typeof all;
  assert.equal(vm.length, 6);
  assert.ok(vm.every((r) => r.clientKind === 'vm-guest'));
  assert.deepEqual(new Set(vm.map((r) => r.kind)), new Set(['linux-kernel-log', 'windows-kernel-dump']));
  assert.equal((await get('/api/reports?kind=minidump')).json.reports.length, 1, 'report kinds filter as before');
  const web = (await get(`/api/reports?guest=${WEB.uuid}`)).json.reports as typeof all;
  assert.equal(web.length, 3);
  assert.ok(web.some((r) => r.id === web1.id));
});

test('a report shows which VM, which host, the channel, and that the host and other guests kept running', async () => {
  const d = (await get(`/api/reports/${web1.id}`)).json;
  assert.equal(d.clientKind, 'vm-guest');
  assert.equal(d.vm.name, 'web-1');
  assert.equal(d.vm.uuid, WEB.uuid);
  assert.equal(d.vm.key, WEB.uuid);
  assert.equal(d.vm.qmp, WEB.qmp);
  assert.equal(d.vm.host, d.annotations.host);
  assert.ok(d.vm.host.length > 0);
  assert.equal(d.vm.channel, 'pvpanic');
  assert.equal(d.vm.guestOs, 'linux');
  assert.equal(d.vm.hostKeptRunning, true);
  assert.deepEqual(d.vm.otherGuests, [{ name: 'db-1', status: 'running' }]);
  assert.equal(d.signature, signatureOf(OOPS_A), 'the bucket comes from the analysed log');
  const win = (await get(`/api/reports/${winDump.id}`)).json;
  assert.equal(win.vm.uuid, null, 'the nil UUID names no guest');
  assert.equal(win.vm.channel, 'unexpected-reset');
  assert.equal(win.signature, signatureOf(KERNEL));
  const plain = (await get('/api/reports?kind=minidump')).json.reports[0];
  assert.equal((await get(`/api/reports/${plain.id}`)).json.vm, null);
});

interface Guest {
  key: string;
  name: string;
  host: string;
  qmp: string;
  crashes: number;
  lastCrash: string;
  buckets: { id: number; signature: string; count: number }[];
}

test('GET /api/vm-guests groups crashes by UUID, else name@host, with their buckets', async () => {
  const guests = (await get('/api/vm-guests')).json.guests as Guest[];
  const host = (await get(`/api/reports/${web1.id}`)).json.vm.host as string;
  assert.deepEqual(guests.map((g) => g.key).sort(), [WEB.uuid, `db-1@${host}`, `win10@${host}`].sort());
  assert.equal(guests[0]!.key, `win10@${host}`, 'latest crash first');
  const web = guests.find((g) => g.key === WEB.uuid)!;
  assert.equal(web.name, 'web-1');
  assert.equal(web.qmp, WEB.qmp);
  assert.equal(web.crashes, 3);
  assert.deepEqual(web.buckets.map((b) => [b.signature, b.count]), [[signatureOf(OOPS_A), 2], [signatureOf(OOPS_B), 1]]);
  const db = guests.find((g) => g.name === 'db-1')!;
  assert.equal(db.buckets[0]!.id, web.buckets[0]!.id, 'the same oops on two guests is one bucket');
  const win = guests.find((g) => g.name === 'win10')!;
  assert.equal(win.crashes, 2);
  assert.deepEqual(win.buckets.map((b) => b.signature).sort(), [signatureOf(KERNEL), '0x7E_SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M'].sort());
});

test("GET /api/vm-guests/:key: one guest's crashes over time", async () => {
  const r = await get(`/api/vm-guests/${WEB.uuid}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.guest.crashes, 3);
  assert.equal(r.json.crashes.length, 3);
  assert.deepEqual(r.json.crashes.map((c: { channel: string }) => c.channel).sort(), ['console', 'pvpanic', 'pvpanic']);
  assert.ok(r.json.crashes.every((c: { hostKeptRunning: boolean; bucketId: number }) => c.hostKeptRunning && c.bucketId > 0));
  const times = r.json.crashes.map((c: { receivedAt: string }) => c.receivedAt);
  assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  assert.equal(r.json.series.reduce((n: number, d: { count: number }) => n + d.count, 0), 3);
  const host = r.json.guest.host as string;
  assert.equal((await get(`/api/vm-guests/${encodeURIComponent(`db-1@${host}`)}`)).json.crashes.length, 1);
  assert.equal((await get('/api/vm-guests/nobody')).status, 404);
  assert.equal((await service.app.inject({ url: '/api/vm-guests' })).statusCode, 401);
});

test('a Windows guest that sent only its bug check: stored, analysed from the catalogue, answered', async () => {
  const d = (await get(`/api/reports/${winBugCheck.id}`)).json;
  assert.equal(d.dumpSize, 0);
  assert.equal(d.format, 'hyper-v-bugcheck');
  assert.equal(d.vm.channel, 'hyper-v');
  assert.equal(d.annotations.bugcheck_code, '0x1000007E');
  const info = lookupBugCheck(0x1000007e, P);
  assert.equal(d.signature, `0x7E_${info.name}`);
  assert.equal(info.name, 'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M', 'the bit-28 variant keeps its own name');
  assert.equal(d.crashReason, `${info.name} (0x1000007E)`);
  assert.equal(d.culprit, null, 'no driver to blame without a dump');
  // Exact 64-bit parameters (a double would round 0xfffff80512345679).
  assert.deepEqual(d.result.crash.parameters, P.map((p) => '0x' + p.toString(16)));
  const details = d.result.details['hyper-v-bugcheck'];
  assert.deepEqual(details.parameters.map((p: { role: string }) => p.role), info.roles);
  assert.equal(details.parameters[1].value, '0xfffff80512345679');
  assert.equal(winBugCheck.answer.verdict, 'new');
  assert.equal(winBugCheck.answer.bucket!.signature, d.signature);
  // A second identical bug check joins the bucket; its answer knows the crash.
  const again = await accepted(bugCheckEvidence);
  assert.equal(again.answer.verdict, 'known');
  assert.equal(again.answer.bucket!.id, winBugCheck.answer.bucket!.id);
  // Nothing to download; deleting works without a file.
  const raw = await service.app.inject({ url: `/api/reports/${winBugCheck.id}/raw`, headers: { authorization: `Bearer ${service.admin}` } });
  assert.equal(raw.statusCode, 404);
  const del = await service.app.inject({ method: 'DELETE', url: `/api/reports/${again.id}`, headers: { authorization: `Bearer ${service.admin}` } });
  assert.equal(del.statusCode, 204);
});

test('file-less submissions: only a vm-guest bug check is accepted, and only a well-formed one', async () => {
  const fields = submissionFields(buildVmReport(bugCheckEvidence));
  const post = async (f: Record<string, string>) => {
    const b = multipart(Object.entries(f).map(([name, value]) => ({ name, value })));
    const r = await service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
    return { status: r.statusCode, code: r.statusCode === 200 ? null : (r.json() as { code: string }).code };
  };
  const { kind: _kind, ...notVm } = fields;
  const { bugcheck_code: _code, ...noCode } = fields;
  const cases: [string, Record<string, string>, number, string | null][] = [
    ['not a vm-guest', notVm, 400, 'CULPRIT_ERR_NO_DUMP'],
    ['vm-guest without a bug check', noCode, 400, 'CULPRIT_ERR_NO_DUMP'],
    ['decimal code', { ...fields, bugcheck_code: '126' }, 400, 'CULPRIT_ERR_BAD_BUGCHECK'],
    ['code over 32 bits', { ...fields, bugcheck_code: '0x1000000007E' }, 400, 'CULPRIT_ERR_BAD_BUGCHECK'],
    ['parameter over 64 bits', { ...fields, bugcheck_parameters: '0x1,0x10000000000000000' }, 400, 'CULPRIT_ERR_BAD_BUGCHECK'],
    ['five parameters', { ...fields, bugcheck_parameters: '0x1,0x2,0x3,0x4,0x5' }, 400, 'CULPRIT_ERR_BAD_BUGCHECK'],
    ['no parameters', { ...fields, bugcheck_parameters: '' }, 200, null],
  ];
  for (const [name, f, status, code] of cases) assert.deepEqual(await post(f), { status, code }, name);
});
