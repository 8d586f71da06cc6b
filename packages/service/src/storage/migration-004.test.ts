// Migration 004 on a database at the 003 schema: each VM guest report gets its guest key from the
// stored annotations (UUID, else name@host; the nil UUID names no guest); other reports get none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { openSqlite } from './sqlite/open.js';
import { migrateToLatest, migrationProvider } from './migrations.js';

test('004 backfills reports.vm_guest for vm-guest reports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-migration-'));
  const db = openSqlite(join(dir, 'culprit.sqlite'));
  try {
    const r = await new Migrator({ db, provider: migrationProvider }).migrateTo('003-crasher-filters');
    assert.equal(r.error, undefined);
    const report = (id: string, annotations: Record<string, string>) => ({
      id,
      received_at: 1,
      received_day: '1970-01-01',
      annotations: JSON.stringify(annotations),
      attachments: '[]',
      dump_key: id,
      dump_size: 1,
      status: 'queued' as const,
      client_kind: annotations.kind?.toLowerCase() ?? null,
    });
    await db
      .insertInto('reports')
      .values([
        report('r1', { kind: 'vm-guest', vm_name: 'web-1', vm_uuid: '6E1C9D4A-0000-4000-8000-000000000001', host: 'h1' }),
        report('r2', { kind: 'vm-guest', vm_name: 'win10', vm_uuid: '00000000-0000-0000-0000-000000000000', host: 'h1' }),
        report('r3', { kind: 'vm-guest', vm_name: 'db-1', host: 'h2' }),
        report('r4', { prod: 'App', vm_name: 'not-a-guest' }),
        report('r5', { kind: 'vm-guest' }),
      ])
      .execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom('reports').select(['id', 'vm_guest']).orderBy('id').execute();
    assert.deepEqual(rows.map((k) => k.vm_guest), ['6e1c9d4a-0000-4000-8000-000000000001', 'win10@h1', 'db-1@h2', null, null]);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
