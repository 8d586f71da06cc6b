// Start-up recovery of the intake, from the two halves of a group commit that a crash can split:
// a journal record whose row never committed (acknowledged: replayed), a row whose record never
// reached the disk (never acknowledged: dropped), and a large upload whose file lost its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { createService } from '../service.js';
import { IntakeJournal } from './intake-journal.js';
import { journalKey } from './journal-key.js';
import { randomUUID } from 'node:crypto';
import { crashpadBody, multipart } from '../testing/client-bodies.js';

test('start replays records without rows, drops rows without records or files, keeps the rest', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-recover-'));
  try {
    const dump = readCorpus('minidump', 'rust-minidump', 'test.dmp');
    const first = await createService({ dataDir, processing: false });
    const submit = async (body: { payload: Buffer; headers: Record<string, string> }): Promise<string> => {
      const r = await first.app.inject({ method: 'POST', url: '/submit', payload: body.payload, headers: body.headers });
      assert.equal(r.statusCode, 200, r.body);
      return r.body;
    };
    const kept = await submit(crashpadBody(dump, { prod: 'Kept' }));
    const replayed = await submit(crashpadBody(dump, { prod: 'Replayed', ver: '7.1' }));
    // Over 1 MiB: written to a file of its own, which then loses its name.
    const large = new Uint8Array(1536 * 1024);
    large.set(dump);
    const lostLarge = await submit(crashpadBody(large, { prod: 'LostLarge' }));
    // A file-less VM guest bug check: a record with no bytes, and nothing to lose.
    const fileless = await submit(multipart(Object.entries({ kind: 'vm-guest', vm_name: 'win', host: 'h', bugcheck_code: '0x0000007E', bugcheck_parameters: '0x1,0x2,0x3,0x4' }).map(([name, value]) => ({ name, value }))));
    const torn = await submit(crashpadBody(dump, { prod: 'Torn' }));

    const rows = await first.ctx.db.selectFrom('reports').selectAll().execute();
    const row = (id: string) => rows.find((r) => r.id === id)!;
    assert.match(row(kept).dump_key, /^journal\//);
    assert.match(row(lostLarge).dump_key, /^dumps\//);
    // The replayed report's transaction "never committed"...
    await first.ctx.db.deleteFrom('jobs').where('report_id', '=', replayed).execute();
    await first.ctx.db.deleteFrom('reports').where('id', '=', replayed).execute();
    await first.ctx.blobs.delete(row(lostLarge).dump_key);
    await first.close();
    // ...and the last record was cut off in the middle of its dump.
    const tornRow = row(torn);
    const segment = first.ctx.journal.pathOf(tornRow.journal_segment!);
    truncateSync(segment, tornRow.journal_offset! + 200);
    // A record written by a later version, with a column this schema does not have (and no row).
    const later = new IntakeJournal(join(dataDir, 'journal'));
    await later.recover(null, async () => undefined);
    const future = randomUUID();
    later.append([[dump]], (at) => new TextEncoder().encode(JSON.stringify({ v: 1, row: { ...row(kept), id: future, product: 'Future', dump_key: journalKey({ segment: at.segment, record: at.offset, start: at.files[0]!.start, length: dump.length }), journal_segment: at.segment, journal_offset: at.offset, column_of_the_future: 42 } })));
    await later.flush();
    later.close();

    const second = await createService({ dataDir, processing: false });
    try {
      assert.deepEqual(second.recovery, { replayed: 2, dropped: 2, cutBytes: 0, journalRead: true }); // the later version's start cut the torn tail
      const left = await second.ctx.db.selectFrom('reports').selectAll().execute();
      assert.deepEqual(left.map((r) => r.id).sort(), [kept, replayed, fileless, future].sort());
      const jobs = await second.ctx.db.selectFrom('jobs').select('report_id').execute();
      assert.deepEqual(jobs.map((j) => j.report_id).sort(), [kept, replayed, fileless, future].sort());
      const fromFuture = left.find((r) => r.id === future)!;
      assert.equal(fromFuture.product, 'Future');
      assert.deepEqual(new Uint8Array(await second.ctx.blobs.read(fromFuture.dump_key)), dump);
      const back = left.find((r) => r.id === replayed)!;
      assert.deepEqual({ ...back }, { ...row(replayed) }, 'the replayed row is the row as it was committed');
      assert.deepEqual(new Uint8Array(await second.ctx.blobs.read(back.dump_key)), dump);
      

      // Uploads go on from the cut, and survive the next start.
      const next = await second.app.inject({ method: 'POST', url: '/submit', ...crashpadBody(dump, { prod: 'After' }) });
      assert.equal(next.statusCode, 200, next.body);
      const after = await second.ctx.db.selectFrom('reports').select(['journal_offset', 'dump_key']).where('id', '=', next.body).executeTakeFirstOrThrow();
      assert.ok(after.journal_offset! > tornRow.journal_offset!, 'appending goes on after the last good record');
      await second.close();
      const third = await createService({ dataDir, processing: false });
      try {
        const ids = (await third.ctx.db.selectFrom('reports').select('id').execute()).map((r) => r.id);
        assert.deepEqual(ids.sort(), [kept, replayed, fileless, future, next.body].sort());
        assert.deepEqual(new Uint8Array(await third.ctx.blobs.read(after.dump_key)), dump);
      } finally {
        await third.close();
      }
    } finally {
      await second.close().catch(() => undefined);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a deleted report is erased from the journal and stays deleted after a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-erase-'));
  try {
    const dump = readCorpus('minidump', 'rust-minidump', 'test.dmp');
    const first = await createService({ dataDir, processing: false });
    const auth = { authorization: `Bearer ${first.bootstrapToken}` };
    const ids: string[] = [];
    for (const prod of ['Gone', 'Stays']) {
      const r = await first.app.inject({ method: 'POST', url: '/submit', ...crashpadBody(dump, { prod }) });
      ids.push(r.body);
    }
    const gone = await first.ctx.db.selectFrom('reports').selectAll().where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    const del = await first.app.inject({ method: 'DELETE', url: `/api/reports/${ids[0]}`, headers: auth });
    assert.equal(del.statusCode, 204, del.body);
    const bytes = await first.ctx.blobs.read(gone.dump_key);
    assert.ok(bytes.every((b) => b === 0), 'the dump bytes are overwritten');
    await first.close();

    const second = await createService({ dataDir, processing: false });
    try {
      const left = (await second.ctx.db.selectFrom('reports').select('id').execute()).map((r) => r.id);
      assert.deepEqual(left, [ids[1]]);
      const raw = await second.app.inject({ url: `/api/reports/${ids[1]}/raw`, headers: auth });
      assert.deepEqual(new Uint8Array(raw.rawPayload), dump);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('uploads committed together keep their own bytes, before and after a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-batch-'));
  try {
    const base = readCorpus('minidump', 'rust-minidump', 'test.dmp');
    const first = await createService({ dataDir, processing: false });
    // Each upload a different dump (its index stamped into the bytes) and a different size.
    const sent = Array.from({ length: 120 }, (_, i) => {
      const dump = new Uint8Array(base.length + i * 37);
      dump.set(base);
      new DataView(dump.buffer).setUint32(dump.length - 4, i, true);
      return dump;
    });
    const ids = await Promise.all(
      sent.map(async (dump, i) => {
        const body = crashpadBody(dump, { prod: 'Batch', ver: String(i) });
        const r = await first.app.inject({ method: 'POST', url: '/submit', payload: body.payload, headers: body.headers });
        assert.equal(r.statusCode, 200, r.body);
        return r.body;
      }),
    );
    const check = async (service: typeof first): Promise<void> => {
      const rows = await service.ctx.db.selectFrom('reports').select(['id', 'version', 'dump_key', 'journal_offset']).execute();
      assert.equal(rows.length, sent.length);
      for (const [i, id] of ids.entries()) {
        const row = rows.find((r) => r.id === id)!;
        assert.equal(row.version, String(i));
        assert.deepEqual(new Uint8Array(await service.ctx.blobs.read(row.dump_key)), sent[i]);
      }
      assert.equal(new Set(rows.map((r) => r.journal_offset)).size, sent.length, 'one record each');
    };
    await check(first);
    const batches = /^culprit_intake_commit_reports_count (\d+)$/m.exec(await first.ctx.metrics.registry.metrics())![1];
    assert.ok(Number(batches) < sent.length, `uploads arriving together share commits (${batches} commits for ${sent.length})`);
    await first.close();
    const second = await createService({ dataDir, processing: false });
    try {
      assert.deepEqual(second.recovery, { replayed: 0, dropped: 0, cutBytes: 0, journalRead: false }, 'after a clean stop the journal is not read');
      await check(second);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
