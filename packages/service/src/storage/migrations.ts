import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { identityFrom, type ReportIdentity } from '../ingest/fields.js';
import { VM_GUEST_KIND } from '../vm-guests/vm-facts.js';

/**
 * Schema migrations, run on every start (Kysely records applied ones in its own table). Written
 * with the schema builder only, so the PostgreSQL dialect runs the same list.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('received_day', 'text', (c) => c.notNull())
        .addColumn('product', 'text')
        .addColumn('version', 'text')
        .addColumn('platform', 'text')
        .addColumn('process_type', 'text')
        .addColumn('guid', 'text')
        .addColumn('annotations', 'text', (c) => c.notNull())
        .addColumn('attachments', 'text', (c) => c.notNull())
        .addColumn('dump_key', 'text', (c) => c.notNull())
        .addColumn('dump_size', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('kind', 'text')
        .addColumn('format', 'text')
        .addColumn('signature', 'text')
        .addColumn('bucket_id', 'integer')
        .addColumn('crash_reason', 'text')
        .addColumn('os_name', 'text')
        .addColumn('os_version', 'text')
        .addColumn('cpu_arch', 'text')
        .addColumn('culprit_name', 'text')
        .addColumn('culprit_version', 'text')
        .addColumn('result_key', 'text')
        .addColumn('processed_at', 'bigint')
        .execute();
      for (const col of ['received_at', 'product', 'signature', 'bucket_id', 'status']) {
        await db.schema.createIndex(`reports_${col}`).on('reports').column(col).execute();
      }
      await db.schema
        .createTable('jobs')
        .addColumn('report_id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('available_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('jobs_state').on('jobs').columns(['state', 'available_at']).execute();
      await db.schema
        .createTable('buckets')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('signature', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text')
        .addColumn('first_seen', 'bigint', (c) => c.notNull())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addColumn('report_count', 'integer', (c) => c.notNull())
        .addColumn('first_report_id', 'text', (c) => c.notNull())
        .addColumn('culprit_name', 'text')
        .addColumn('culprit_version', 'text')
        .execute();
      await db.schema
        .createTable('report_modules')
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('code_file', 'text', (c) => c.notNull())
        .addColumn('debug_file', 'text')
        .addColumn('debug_id', 'text')
        .addColumn('version', 'text')
        .addColumn('has_symbols', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('report_modules_report').on('report_modules').column('report_id').execute();
      await db.schema.createIndex('report_modules_module').on('report_modules').columns(['debug_file', 'debug_id']).execute();
      await db.schema.createIndex('report_modules_code').on('report_modules').column('code_file').execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ingest_keys')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('product', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      void sql;
    },
  },
  '002-answers': {
    // Vendors, solutions, webhooks, and the culprit facts answers compare versions with.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reports').addColumn('culprit_timestamp', 'bigint').execute();
      await db.schema.alterTable('reports').addColumn('culprit_build_id', 'text').execute();
      await db.schema.alterTable('reports').addColumn('culprit_main', 'integer').execute();
      await db.schema.alterTable('reports').addColumn('culprit_third_party', 'integer').execute();
      await db.schema.createIndex('reports_guid_bucket').on('reports').columns(['guid', 'bucket_id']).execute();
      await db.schema.alterTable('buckets').addColumn('spike_notified_at', 'bigint').execute();
      await db.schema.alterTable('tokens').addColumn('vendor_id', 'integer').execute();
      await db.schema
        .createTable('vendors')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('modules', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('solutions')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('bucket_id', 'integer')
        .addColumn('module', 'text')
        .addColumn('version_from', 'text')
        .addColumn('version_to', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_ja', 'text')
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('text_ja', 'text')
        .addColumn('link', 'text')
        .addColumn('fixed_in', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('vendor_id', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('solutions_bucket').on('solutions').column('bucket_id').execute();
      await db.schema.createIndex('solutions_module').on('solutions').column('module').execute();
      await db.schema
        .createTable('solution_history')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('solution_id', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('solution_history_solution').on('solution_history').column('solution_id').execute();
      await db.schema
        .createTable('solution_reports')
        .addColumn('solution_id', 'integer', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('solution_reports_pk', ['solution_id', 'report_id'])
        .execute();
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('vendor_id', 'integer')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('webhook_id', 'integer', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '003-crasher-filters': {
    // Top crashers filter by VM guest reports and by third-party culprits.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reports').addColumn('client_kind', 'text').execute();
      await db.schema.createIndex('reports_client_kind').on('reports').column('client_kind').execute();
      await db.schema.alterTable('buckets').addColumn('culprit_third_party', 'integer').execute();
      await db
        .updateTable('buckets')
        .set((eb) => ({
          culprit_third_party: eb.selectFrom('reports').select((r) => r.fn.max('reports.culprit_third_party').as('t')).whereRef('reports.bucket_id', '=', 'buckets.id'),
        }))
        .execute();
      // The sender's `kind` annotation, from the stored annotations (JSON text), a page at a time.
      let after = '';
      for (;;) {
        const rows: { id: string; annotations: string }[] = await db
          .selectFrom('reports')
          .select(['id', 'annotations'])
          .where('id', '>', after)
          .where('annotations', 'like', '%"kind"%')
          .orderBy('id')
          .limit(MIGRATION_PAGE)
          .execute();
        for (const r of rows) {
          const kind = clientKindOf(r.annotations);
          if (kind !== null) await db.updateTable('reports').set({ client_kind: kind }).where('id', '=', r.id).execute();
        }
        if (rows.length < MIGRATION_PAGE) break;
        after = rows[rows.length - 1]!.id;
      }
    },
  },
  '004-vm-guests': {
    // VM guest crashes are listed per guest (GET /api/vm-guests).
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reports').addColumn('vm_guest', 'text').execute();
      await db.schema.createIndex('reports_vm_guest').on('reports').columns(['vm_guest', 'received_at']).execute();
      let after = '';
      for (;;) {
        const rows: { id: string; annotations: string }[] = await db
          .selectFrom('reports')
          .select(['id', 'annotations'])
          .where('id', '>', after)
          .where('client_kind', '=', VM_GUEST_KIND)
          .orderBy('id')
          .limit(MIGRATION_PAGE)
          .execute();
        for (const r of rows) {
          const key = identityOf(r.annotations)?.vmGuest ?? null;
          if (key !== null) await db.updateTable('reports').set({ vm_guest: key }).where('id', '=', r.id).execute();
        }
        if (rows.length < MIGRATION_PAGE) break;
        after = rows[rows.length - 1]!.id;
      }
    },
  },
  '005-intake-journal': {
    // Uploads are records of the intake journal; start-up recovery looks for the newest one a row knows.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reports').addColumn('journal_segment', 'integer').execute();
      await db.schema.alterTable('reports').addColumn('journal_offset', 'integer').execute();
      await db.schema.createIndex('reports_journal_place').on('reports').columns(['journal_segment', 'journal_offset']).execute();
    },
  },
  '006-webhook-registrant': {
    // Webhooks a vendor registered may reach public addresses only (webhooks/address-policy.ts).
    // Who registered the older ones was not kept: those scoped to a vendor, whose deliveries the
    // vendor reads back, are taken as the vendor's (an admin re-registers one that must reach the LAN).
    async up(db: Kysely<any>) {
      await db.schema.alterTable('webhooks').addColumn('registered_by', 'text', (c) => c.notNull().defaultTo('admin')).execute();
      await db.updateTable('webhooks').set({ registered_by: 'vendor' }).where('vendor_id', 'is not', null).execute();
    },
  },
};

const MIGRATION_PAGE = 1000;

function clientKindOf(annotations: string): string | null {
  return identityOf(annotations)?.clientKind ?? null;
}

function identityOf(annotations: string): ReportIdentity | null {
  try {
    return identityFrom(JSON.parse(annotations) as Record<string, string>);
  } catch {
    return null;
  }
}

/** Exported for the migration tests, which stop at an older schema first. */
export const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? 'unknown error'}`);
  }
}
