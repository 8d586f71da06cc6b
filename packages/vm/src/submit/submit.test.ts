import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { submitVmReport } from './submit.js';
import { buildVmReport } from '../report/build-report.js';
import { readCorpus } from '../../../core/src/testing/corpus.js';

test('a guest crash is submitted as Breakpad multipart with the VM fields; the answer is the report id', async () => {
  const received: { path?: string; form?: FormData } = {};
  // A tiny receiver: the multipart body is parsed by the platform's own FormData parser.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      received.path = req.url;
      received.form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers['content-type']! } }).formData();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('a1b2c3d4\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const consoleText = new TextDecoder().decode(readCorpus('oops', 'abrt', 'oops-32bit-graphics.test'));
  const report = buildVmReport({
    vm: { name: 'web-1', uuid: '6e1c9d4a-0000-4000-8000-000000000001', qmp: '/run/vm/web-1.sock' },
    channel: 'pvpanic',
    events: ['{"event":"GUEST_PANICKED","data":{"action":"pause"}}'],
    console: consoleText,
    otherGuests: [{ name: 'db-1', qmp: '/run/vm/db-1.sock', status: 'running' }],
    detectedAt: new Date(0),
  });
  const id = await submitVmReport(report, { url: `http://127.0.0.1:${port}` });
  server.close();
  assert.equal(id, 'a1b2c3d4');
  assert.equal(received.path, '/submit');
  const f = received.form!;
  assert.equal(f.get('kind'), 'vm-guest');
  assert.equal(f.get('vm_name'), 'web-1');
  assert.equal(f.get('vm_uuid'), '6e1c9d4a-0000-4000-8000-000000000001');
  assert.equal(f.get('vm_qmp'), '/run/vm/web-1.sock');
  assert.equal(f.get('guest_os'), 'linux');
  assert.equal(f.get('vm_signature'), report.signature);
  assert.equal(f.get('vm_other_guests'), 'db-1=running');
  assert.ok(typeof f.get('host') === 'string' && (f.get('host') as string).length > 0);
  const file = f.get('upload_file_minidump');
  assert.ok(file instanceof Blob);
  assert.equal(await file.text(), consoleText);
});

test('a server error is reported, not swallowed', async () => {
  const server = createServer((_req, res) => res.writeHead(503).end('busy'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const report = buildVmReport({ vm: { name: 'x', qmp: '/x' }, channel: 'pvpanic', events: [], otherGuests: [], detectedAt: new Date(0) });
  await assert.rejects(submitVmReport(report, { url: `http://127.0.0.1:${port}/submit` }), /503: busy/);
  server.close();
});
