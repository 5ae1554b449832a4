import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // One row per normalized email / phone: the vote belongs to the verified identity, not to a session.
  await db.schema
    .createTable('voters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('identity', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_ip', 'text')
    .execute();

  // The code in flight and the lockout state of one address (kept across new codes, so asking for a
  // fresh code does not reset the attempts).
  await db.schema
    .createTable('voter_otps')
    .addColumn('identity', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('voter_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('voter_id', 'text', (c) => c.notNull().references('voters.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // A solved proof-of-work challenge is good once.
  await db.schema
    .createTable('altcha_used')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // The vote ledger: rows are never deleted. An undone like keeps its row (undone_at); a voided vote keeps
  // its row (voided = 1, with who and why).
  await db.schema
    .createTable('votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
    .addColumn('voter_id', 'text', (c) => c.notNull().references('voters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('undone_at', 'text')
    .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('void_reason', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('voided_at', 'text')
    .execute();
  // One active like and one share per voter per entry; concurrent duplicates lose on this index.
  await db.schema
    .createIndex('votes_active_uq')
    .on('votes')
    .columns(['voter_id', 'entry_id', 'kind'])
    .unique()
    .where(sql.ref('undone_at'), 'is', null)
    .execute();
  await db.schema.createIndex('votes_entry_idx').on('votes').columns(['entry_id', 'created_at']).execute();
  await db.schema
    .createIndex('votes_contest_idx')
    .on('votes')
    .columns(['contest_id', 'created_at'])
    .execute();

  // Live counters, updated in the same transaction as the ledger; `votes recount` proves them.
  await db.schema
    .createTable('vote_counters')
    .addColumn('entry_id', 'text', (c) => c.primaryKey().references('entries.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shares', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['voter_id', 'key'])
    .execute();

  await db.schema
    .createTable('fanpage_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('post_url', 'text')
    .addColumn('evidence_key', 'text')
    .addColumn('evidence_type', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema
    .createIndex('fanpage_snapshots_entry_idx')
    .on('fanpage_snapshots')
    .columns(['contest_id', 'entry_id', 'taken_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'fanpage_snapshots',
    'idempotency_keys',
    'vote_counters',
    'votes',
    'altcha_used',
    'voter_sessions',
    'voter_otps',
    'voters',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
