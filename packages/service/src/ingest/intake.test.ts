// What real clients send, through Fastify's inject (no socket): Crashpad, Breakpad, Electron's
// gzip body, curl -F forms and raw bodies; then what the door refuses, and why.
import { scanSegment } from '../storage/intake-journal.js';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { tempService } from '../testing/temp-service.js';
import { breakpadBody, crashpadBody, electronBody, multipart } from '../testing/client-bodies.js';

const dump = readCorpus('minidump', 'rust-minidump', 'test.dmp');
const service = await tempService({
  processing: false,
  limits: { maxBodyBytes: 512 * 1024, maxDecompressedBytes: 1024 * 1024, maxParts: 20, maxFieldValueBytes: 1024 },
});
after(() => service.dispose());

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function submit(body: { payload: Buffer; headers: Record<string, string> }, url = '/submit') {
  return service.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

async function stored(id: string) {
  const r = await service.app.inject({ url: `/api/reports/${id}`, headers: { authorization: `Bearer ${service.admin}` } });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

async function rawDump(id: string, attachment?: number): Promise<Buffer> {
  const q = attachment === undefined ? '' : `?attachment=${attachment}`;
  const r = await service.app.inject({ url: `/api/reports/${id}/raw${q}`, headers: { authorization: `Bearer ${service.admin}` } });
  assert.equal(r.statusCode, 200);
  return r.rawPayload;
}

test('Crashpad: fields without Content-Type are annotations; the reply is the bare report id', async () => {
  const r = await submit(crashpadBody(dump, { prod: 'Widget', ver: '5.0.1', plat: 'Win64', guid: 'install-1' }));
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.headers['content-type'] as string, /^text\/plain/);
  assert.match(r.body, ID);
  const rep = await stored(r.body);
  assert.deepEqual(rep.annotations, { prod: 'Widget', ver: '5.0.1', plat: 'Win64', guid: 'install-1' });
  assert.equal(rep.product, 'Widget');
  assert.equal(rep.version, '5.0.1');
  assert.equal(rep.guid, 'install-1');
  assert.equal(rep.status, 'queued');
  assert.equal(rep.answer.verdict, 'received');
  assert.deepEqual(rep.answer.solutions, []);
  assert.deepEqual(await rawDump(r.body), Buffer.from(dump));
});

test("Electron: gzip body, the app's name and version come from _productName/_version", async () => {
  const body = electronBody(dump, 'e1ec7a0b-guid');
  assert.equal(body.headers['content-encoding'], 'gzip');
  const r = await submit(body);
  assert.equal(r.statusCode, 200, r.body);
  const rep = await stored(r.body);
  assert.equal(rep.product, 'Acme');
  assert.equal(rep.version, '2.4.1');
  assert.equal(rep.platform, 'win32');
  assert.equal(rep.processType, 'renderer');
  assert.equal(rep.guid, 'e1ec7a0b-guid');
  assert.equal(rep.annotations.prod, 'Electron');
  assert.deepEqual(await rawDump(r.body), Buffer.from(dump));
});

test('Breakpad: ptime/email/comments kept; a second file part becomes an attachment', async () => {
  const log = Buffer.from('line 1\nline 2\n');
  const r = await submit(breakpadBody(dump, { prod: 'Tool', ver: '1.0', guid: 'g-2', ptime: '1234', email: 'a@example.org', comments: 'it crashed when saving' }, log));
  assert.equal(r.statusCode, 200, r.body);
  const rep = await stored(r.body);
  assert.equal(rep.annotations.comments, 'it crashed when saving');
  assert.equal(rep.annotations.ptime, '1234');
  assert.deepEqual(rep.attachments, [{ name: 'upload_file_log', filename: 'app.log', size: log.length }]);
  assert.deepEqual(await rawDump(r.body, 0), log);
  assert.deepEqual(await rawDump(r.body), Buffer.from(dump));
});

test('curl -F: a text/plain field is still an annotation; the dump may come first', async () => {
  const r = await submit(
    multipart([
      { name: 'upload_file_minidump', value: dump, filename: 'x.dmp', contentType: 'application/octet-stream' },
      { name: 'prod', value: 'Curl', contentType: 'text/plain' },
      { name: 'ver', value: '9' },
    ]),
  );
  assert.equal(r.statusCode, 200, r.body);
  const rep = await stored(r.body);
  assert.deepEqual([rep.product, rep.version], ['Curl', '9']);
});

test('raw body: bytes as the dump, query string as annotations; gzip undone', async () => {
  const r = await service.app.inject({ method: 'POST', url: '/submit?product=Agent&version=3', payload: gzipSync(dump), headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' } });
  assert.equal(r.statusCode, 200, r.body);
  const rep = await stored(r.body);
  assert.deepEqual([rep.product, rep.version], ['Agent', '3']);
  assert.deepEqual(await rawDump(r.body), Buffer.from(dump));
});

test('refusals: size, gzip bomb, parts, field length, damaged bodies, no dump', async () => {
  const cases: [string, () => Promise<{ statusCode: number; json(): { code: string; message: string } }>, number, string][] = [
    ['body over the limit', () => submit(crashpadBody(new Uint8Array(600 * 1024), {})), 413, 'CULPRIT_ERR_BODY_TOO_LARGE'],
    ['gzip bomb', () => submit(crashpadBody(new Uint8Array(8 * 1024 * 1024), {}, true)), 413, 'CULPRIT_ERR_DECOMPRESSED_TOO_LARGE'],
    ['too many parts', () => submit(crashpadBody(dump, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 'v'])))), 413, 'CULPRIT_ERR_TOO_MANY_PARTS'],
    ['field value too long', () => submit(crashpadBody(dump, { comments: 'x'.repeat(2000) })), 413, 'CULPRIT_ERR_FIELD_VALUE_TOO_LONG'],
    ['damaged gzip', () => service.app.inject({ method: 'POST', url: '/submit', payload: Buffer.from('\x1f\x8bnot really gzip'), headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-encoding': 'gzip' } }), 400, 'CULPRIT_ERR_BAD_GZIP'],
    ['unsupported encoding', () => service.app.inject({ method: 'POST', url: '/submit', payload: dump, headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'br' } }), 415, 'CULPRIT_ERR_UNSUPPORTED_ENCODING'],
    ['multipart without boundary', () => service.app.inject({ method: 'POST', url: '/submit', payload: Buffer.from('junk'), headers: { 'content-type': 'multipart/form-data' } }), 400, 'CULPRIT_ERR_BAD_MULTIPART'],
    ['fields only', () => submit(multipart([{ name: 'prod', value: 'X' }])), 400, 'CULPRIT_ERR_NO_DUMP'],
    ['empty raw body', () => service.app.inject({ method: 'POST', url: '/submit', payload: Buffer.alloc(0), headers: { 'content-type': 'application/octet-stream' } }), 400, 'CULPRIT_ERR_EMPTY_DUMP'],
  ];
  for (const [what, send, status, code] of cases) {
    const r = await send();
    assert.equal(r.statusCode, status, `${what}: ${JSON.stringify(r.json())}`);
    assert.equal(r.json().code, code, what);
    assert.ok(r.json().message.length > 10, what);
  }
  // Nothing refused was kept: the journal holds one record per accepted report, and no large
  // upload left a file behind (every dump here is small enough to go into the journal).
  const list = await service.app.inject({ url: '/api/reports?limit=500', headers: { authorization: `Bearer ${service.admin}` } });
  const reports = list.json().reports as { id: string }[];
  let records = 0;
  for (const segment of service.ctx.journal.segments()) {
    await scanSegment(service.ctx.journal.pathOf(segment), async (batch) => void (records += batch.length));
  }
  assert.equal(records, reports.length);
  assert.deepEqual(await service.ctx.blobs.list('dumps'), []);
});
