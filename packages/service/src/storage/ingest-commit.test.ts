// A report whose row committed while its file name was lost (crash between the two halves of a
// group commit) was never acknowledged: the next start drops it; complete reports stay queued.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { createService } from '../service.js';
import { crashpadBody } from '../testing/client-bodies.js';

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
    const rows = await first.ctx.db.selectFrom('reports').select(['id', 'dump_key']).execute();
    const keyOf = (id: string) => rows.find((r) => r.id === id)!.dump_key;
    await first.ctx.blobs.delete(keyOf(ids[1]!));
    // An attachment key recorded on the third report that never reached the disk.
    await first.ctx.db.updateTable('reports').set({ attachments: JSON.stringify([{ name: 'upload_file_log', filename: 'a.log', key: 'dumps/gone/x.1', size: 3 }]) }).where('id', '=', ids[2]!).execute();
    await first.close();

    const second = await createService({ dataDir, processing: false });
    try {
      const left = await second.ctx.db.selectFrom('reports').select('id').execute();
      assert.deepEqual(left.map((r) => r.id), [ids[0]]);
      const jobs = await second.ctx.db.selectFrom('jobs').select('report_id').execute();
      assert.deepEqual(jobs.map((j) => j.report_id), [ids[0]]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
