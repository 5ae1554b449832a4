import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Several independent queues can share the table (and tests isolate themselves by queue name).
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // The claim scans due queued jobs and expired leases of one queue in run_at order.
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['queue', 'status', 'run_at']).execute();
  await db.schema
    .createIndex('jobs_lease_idx')
    .on('jobs')
    .columns(['queue', 'status', 'locked_until'])
    .execute();
  // A dedupe key is unique among jobs that have not started yet: once a job is running (or waiting for a
  // retry) it may already have read the state, so a new enqueue must create a new job.
  await db.schema
    .createIndex('jobs_dedupe_uq')
    .on('jobs')
    .columns(['queue', 'dedupe_key'])
    .unique()
    .where(sql.ref('status'), '=', 'queued')
    .where(sql.ref('attempts'), '=', 0)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
}
