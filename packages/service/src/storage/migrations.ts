import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? 'unknown error'}`);
  }
}
