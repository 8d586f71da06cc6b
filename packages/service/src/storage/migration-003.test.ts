// Migration 003 on a database written by the schema before it: the VM guest marker comes out of
// the stored annotations, and each bucket's third-party flag out of its reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { openSqlite } from './sqlite/open.js';
import { migrateToLatest, migrationProvider } from './migrations.js';

test('003 backfills reports.client_kind and buckets.culprit_third_party', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-migration-'));
  const db = openSqlite(join(dir, 'culprit.sqlite'));
  try {
    const r = await new Migrator({ db, provider: migrationProvider }).migrateTo('002-answers');
    assert.equal(r.error, undefined);
    const report = (id: string, annotations: object, bucket: number, thirdParty: number | null) => ({
      id,
      received_at: 1,
      received_day: '1970-01-01',
      annotations: JSON.stringify(annotations),
      attachments: '[]',
      dump_key: id,
      dump_size: 1,
      status: 'processed' as const,
      bucket_id: bucket,
      culprit_third_party: thirdParty,
    });
    for (const [sig, first] of [['a', 'r1'], ['b', 'r3'], ['c', 'r4']] as const) {
      await db.insertInto('buckets').values({ signature: sig, first_seen: 1, last_seen: 1, report_count: 1, first_report_id: first }).execute();
    }
    await db
      .insertInto('reports')
      .values([
        report('r1', { kind: 'vm-guest', vm_name: 'win10' }, 1, 1),
        report('r2', { prod: 'App', kind: 'VM-Guest' }, 1, 1),
        report('r3', { prod: 'App' }, 2, 0),
        report('r4', { kind: 'x'.repeat(100) }, 3, null),
      ])
      .execute();
    await migrateToLatest(db);
    const kinds = await db.selectFrom('reports').select(['id', 'client_kind']).orderBy('id').execute();
    assert.deepEqual(kinds.map((k) => k.client_kind), ['vm-guest', 'vm-guest', null, null]);
    const buckets = await db.selectFrom('buckets').select(['signature', 'culprit_third_party']).orderBy('signature').execute();
    assert.deepEqual(buckets.map((b) => b.culprit_third_party), [1, 0, null]);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
