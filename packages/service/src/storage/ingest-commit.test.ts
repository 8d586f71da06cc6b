// A report whose row committed while its file name was lost (crash between the two halves of a
// group commit) was never acknowledged: the next start drops it; complete reports stay queued.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { createService } from '../service.js';
import { crashpadBody, multipart } from '../testing/client-bodies.js';

test('start drops queued reports whose dump or attachment file is missing, keeps the rest', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-recover-'));
  try {
    const dump = readCorpus('minidump', 'rust-minidump', 'test.dmp');
    const first = await createService({ dataDir, processing: false });
    const ids: string[] = [];
    for (const prod of ['Kept', 'LostDump', 'LostAttachment']) {
      const b = crashpadBody(dump, { prod });
      const r = await first.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
      assert.equal(r.statusCode, 200, r.body);
      ids.push(r.body);
    }
    // A file-less VM guest bug check: nothing on disk, and nothing lost.
    const fileless = multipart(Object.entries({ kind: 'vm-guest', vm_name: 'win', host: 'h', bugcheck_code: '0x0000007E', bugcheck_parameters: '0x1,0x2,0x3,0x4' }).map(([name, value]) => ({ name, value })));
    const f = await first.app.inject({ method: 'POST', url: '/submit', payload: fileless.payload, headers: fileless.headers });
    assert.equal(f.statusCode, 200, f.body);
    const rows = await first.ctx.db.selectFrom('reports').select(['id', 'dump_key']).execute();
    const keyOf = (id: string) => rows.find((r) => r.id === id)!.dump_key;
    await first.ctx.blobs.delete(keyOf(ids[1]!));
    // An attachment key recorded on the third report that never reached the disk.
    await first.ctx.db.updateTable('reports').set({ attachments: JSON.stringify([{ name: 'upload_file_log', filename: 'a.log', key: 'dumps/gone/x.1', size: 3 }]) }).where('id', '=', ids[2]!).execute();
    await first.close();

    const second = await createService({ dataDir, processing: false });
    try {
      const left = await second.ctx.db.selectFrom('reports').select('id').execute();
      assert.deepEqual(left.map((r) => r.id).sort(), [ids[0], f.body].sort());
      const jobs = await second.ctx.db.selectFrom('jobs').select('report_id').execute();
      assert.deepEqual(jobs.map((j) => j.report_id).sort(), [ids[0], f.body].sort());
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
