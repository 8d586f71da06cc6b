// Migration 006 on a database at the 005 schema: webhooks scoped to a vendor (whose deliveries the
// vendor reads back) are taken as the vendor's and held to public addresses; the others stay admins'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { openSqlite } from './sqlite/open.js';
import { migrateToLatest, migrationProvider } from './migrations.js';

test('006 backfills webhooks.registered_by from vendor_id', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-migration-'));
  const db = openSqlite(join(dir, 'culprit.sqlite'));
  try {
    const r = await new Migrator({ db, provider: migrationProvider }).migrateTo('005-intake-journal');
    assert.equal(r.error, undefined);
    const old = db as unknown as Kysely<any>; // the 005 schema has no registered_by yet
    const hook = (url: string, vendor_id: number | null) => ({ url, events: '["bucket.new"]', vendor_id, author: 'someone', created_at: 1 });
    await old.insertInto('webhooks').values([hook('http://10.0.0.1/lan', null), hook('http://10.0.0.2/vendor', 7), hook('https://example.com/', null)]).execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom('webhooks').select(['url', 'registered_by']).orderBy('id').execute();
    assert.deepEqual(rows.map((w) => w.registered_by), ['admin', 'vendor', 'admin']);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
