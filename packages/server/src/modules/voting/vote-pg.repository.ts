import { sql } from 'kysely';
import type { Executor } from '../../infra/db/database.js';
import type { Counts, VoteRow } from './vote.repository.js';

/**
 * A like or share on PostgreSQL in one round trip: claim the Idempotency-Key, insert the ledger row (only
 * if the key was claimed), bump the counter (only if the row was inserted), and read the voter's other
 * active votes on the entry. The unique indexes decide exactly as in the step-by-step path: a concurrent
 * duplicate waits for the first transaction, then inserts nothing.
 */
export interface PgVoteOutcome {
  claimed: boolean;
  counted: boolean;
  counts: Counts;
  /** The voter's active vote kinds on the entry after this vote. */
  kinds: string[];
}

interface Row {
  claimed: number;
  counted: number;
  likes: number | null;
  shares: number | null;
  old_likes: number | null;
  old_shares: number | null;
  kinds: string | null;
}

export async function pgLikeOrShare(
  db: Executor,
  row: VoteRow,
  idempotency: { key: string; requestHash: string } | undefined,
): Promise<PgVoteOutcome> {
  const withKey = idempotency ? 1 : 0;
  const dl = row.kind === 'like' ? 1 : 0;
  const ds = row.kind === 'share' ? 1 : 0;
  const r = await sql<Row>`
    with claim as (
      insert into idempotency_keys (voter_id, key, request_hash, status_code, response_json, created_at)
      select ${row.voter_id}, ${idempotency?.key ?? ''}, ${idempotency?.requestHash ?? ''}, null, null, ${row.created_at}
      where ${withKey}::int = 1
      on conflict do nothing
      returning 1 as one
    ), ins as (
      insert into votes (id, contest_id, entry_id, voter_id, kind, target, created_at, ip, undone_at, voided, void_reason, voided_by, voided_at)
      select ${row.id}, ${row.contest_id}, ${row.entry_id}, ${row.voter_id}, ${row.kind}, ${row.target}, ${row.created_at}, ${row.ip}, null, 0, null, null, null
      where ${withKey}::int = 0 or exists (select 1 from claim)
      on conflict do nothing
      returning kind
    ), bump as (
      insert into vote_counters (entry_id, contest_id, likes, shares)
      select ${row.entry_id}, ${row.contest_id}, ${dl}::int, ${ds}::int from ins
      on conflict (entry_id) do update
        set likes = vote_counters.likes + excluded.likes, shares = vote_counters.shares + excluded.shares
      returning likes, shares
    )
    select
      (select count(*) from claim)::int as claimed,
      (select count(*) from ins)::int as counted,
      (select likes from bump) as likes,
      (select shares from bump) as shares,
      (select likes from vote_counters where entry_id = ${row.entry_id}) as old_likes,
      (select shares from vote_counters where entry_id = ${row.entry_id}) as old_shares,
      (select string_agg(kind, ',') from votes
        where voter_id = ${row.voter_id} and entry_id = ${row.entry_id} and undone_at is null) as kinds
  `.execute(db);
  const o = r.rows[0];
  if (!o) throw new Error('vote statement returned no row');
  const counted = o.counted === 1;
  // The statement's snapshot does not show its own insert; a like that was not inserted met an active like.
  const kinds = new Set((o.kinds ?? '').split(',').filter((k) => k !== ''));
  if (counted || o.claimed === 1 || !idempotency) kinds.add(row.kind);
  return {
    claimed: o.claimed === 1,
    counted,
    counts: counted
      ? { likes: Number(o.likes ?? 0), shares: Number(o.shares ?? 0) }
      : { likes: Number(o.old_likes ?? 0), shares: Number(o.old_shares ?? 0) },
    kinds: [...kinds],
  };
}

/**
 * Group commit on PostgreSQL: the likes and shares that queue up while a batch runs are executed in one
 * transaction, each in its own savepoint (a failing vote rolls back alone), and answered only after that
 * transaction committed. A burst on one entry then takes that entry's counter row lock and pays the WAL
 * flush once per batch instead of once per vote. Each vote still runs its own statements in order, so it
 * sees the votes before it exactly as if they had committed just before it.
 */
interface PgPending {
  work: (trx: Executor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
interface PgQueue {
  pending: PgPending[];
  running: boolean;
}
const pgQueues = new WeakMap<object, PgQueue>();
const PG_MAX_BATCH = 200;

export function pgGroupCommit<R>(
  db: { transaction(): { execute<T>(fn: (trx: Executor) => Promise<T>): Promise<T> } },
  work: (trx: Executor) => Promise<R>,
): Promise<R> {
  let q = pgQueues.get(db);
  if (!q) {
    q = { pending: [], running: false };
    pgQueues.set(db, q);
  }
  const queue = q;
  return new Promise<R>((resolve, reject) => {
    queue.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!queue.running) {
      queue.running = true;
      setImmediate(() => void runBatches(db, queue));
    }
  });
}

async function runBatches(
  db: { transaction(): { execute<T>(fn: (trx: Executor) => Promise<T>): Promise<T> } },
  q: PgQueue,
): Promise<void> {
  while (q.pending.length > 0) {
    const batch = q.pending.splice(0, PG_MAX_BATCH);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of batch) {
          await sql`savepoint vote`.execute(trx);
          try {
            const value = await p.work(trx);
            await sql`release savepoint vote`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint vote`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is acknowledged.
      for (const p of batch) p.reject(error);
      continue;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o?.ok) p.resolve(o.value);
      else p.reject(o?.error);
    });
  }
  q.running = false;
}
