import type { ExpressionBuilder } from 'kysely';
import type { Db, Executor } from '../db/database.js';
import type { Database, JobTable } from '../db/schema.js';

export type JobRow = JobTable;

export interface ClaimRequest {
  queue: string;
  /** Only jobs this worker has handlers for: an unknown name waits for a worker that knows it. */
  names: readonly string[];
  workerId: string;
  limit: number;
  now: string;
  lockedUntil: string;
}

/** Identifies one attempt of one job by one worker: a worker that lost its lease can no longer write. */
export interface LeaseRef {
  id: string;
  workerId: string;
  attempt: number;
}

const LEASE_EXPIRED_ERROR = 'lease expired: the worker stopped or crashed during the last attempt';

function claimable(now: string) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
      // A running job whose lease expired belongs to a dead worker: it may run again while attempts remain.
      eb.and([
        eb('status', '=', 'running'),
        eb('locked_until', '<=', now),
        eb('attempts', '<', eb.ref('max_attempts')),
      ]),
    ]);
}

function exhausted(now: string) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('status', '=', 'running'),
      eb('locked_until', '<=', now),
      eb('attempts', '>=', eb.ref('max_attempts')),
    ]);
}

function held(ref: LeaseRef) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('id', '=', ref.id),
      eb('status', '=', 'running'),
      eb('locked_by', '=', ref.workerId),
      eb('attempts', '=', ref.attempt),
    ]);
}

const updated = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

export const jobRepository = {
  /** False when a not-yet-started job holds the same dedupe key (the partial unique index). */
  async insert(trx: Executor, row: JobRow): Promise<boolean> {
    const r = await trx
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  },

  /**
   * Moves up to `limit` due jobs to running under this worker's lease, atomically with respect to other
   * workers. PostgreSQL: the candidates are row-locked with SKIP LOCKED, so concurrent claimers take
   * disjoint sets without waiting. SQLite: one UPDATE … RETURNING re-checking the status runs under the
   * database's single write lock, so two claimers can never take the same row.
   */
  async claim(db: Db, req: ClaimRequest): Promise<JobRow[]> {
    if (req.names.length === 0 || req.limit < 1) return [];
    const k = db.kysely;
    const start = (exec: Executor, ids: readonly string[] | null) => {
      let q = exec
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: req.workerId,
          locked_until: req.lockedUntil,
          updated_at: req.now,
        }))
        .where(claimable(req.now));
      q = ids
        ? q.where('id', 'in', ids)
        : q.where('id', 'in', candidates(exec).limit(req.limit).orderBy('run_at').orderBy('id'));
      return q.returningAll().execute();
    };
    const candidates = (exec: Executor) =>
      exec
        .selectFrom('jobs')
        .select('id')
        .where('queue', '=', req.queue)
        .where('name', 'in', req.names)
        .where(claimable(req.now));

    if (db.dialect === 'sqlite') return start(k, null);
    return k.transaction().execute(async (trx) => {
      const ids = await candidates(trx)
        .orderBy('run_at')
        .orderBy('id')
        .limit(req.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return ids.length
        ? start(
            trx,
            ids.map((r) => r.id),
          )
        : [];
    });
  },

  /** Running jobs whose lease expired on their last allowed attempt end failed instead of running again. */
  async failExhausted(db: Db, req: Pick<ClaimRequest, 'queue' | 'names' | 'now'>): Promise<number> {
    if (req.names.length === 0) return 0;
    const k = db.kysely;
    let ids = k
      .selectFrom('jobs')
      .select('id')
      .where('queue', '=', req.queue)
      .where('name', 'in', req.names)
      .where(exhausted(req.now))
      .limit(100);
    // Skip rows another worker is sweeping or claiming right now rather than queue behind its lock.
    if (db.dialect === 'postgres') ids = ids.forUpdate().skipLocked();
    const r = await k
      .updateTable('jobs')
      .set({
        status: 'failed',
        last_error: LEASE_EXPIRED_ERROR,
        locked_by: null,
        locked_until: null,
        finished_at: req.now,
        updated_at: req.now,
      })
      .where('id', 'in', ids)
      .where(exhausted(req.now))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Pushes the lease forward; false when the job is no longer this attempt's (lease lost). */
  async extend(db: Executor, ref: LeaseRef, lockedUntil: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ locked_until: lockedUntil, updated_at: now })
      .where(held(ref))
      .executeTakeFirst();
    return updated(r);
  },

  async succeed(db: Executor, ref: LeaseRef, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ status: 'succeeded', locked_by: null, locked_until: null, finished_at: now, updated_at: now })
      .where(held(ref))
      .executeTakeFirst();
    return updated(r);
  },

  async fail(db: Executor, ref: LeaseRef, error: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({
        status: 'failed',
        last_error: error,
        locked_by: null,
        locked_until: null,
        finished_at: now,
        updated_at: now,
      })
      .where(held(ref))
      .executeTakeFirst();
    return updated(r);
  },

  async retryLater(db: Executor, ref: LeaseRef, error: string, runAt: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({
        status: 'queued',
        last_error: error,
        run_at: runAt,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where(held(ref))
      .executeTakeFirst();
    return updated(r);
  },

  /** Gives an interrupted job back at once (graceful shutdown); the interrupted attempt still counts. */
  async release(db: Executor, ref: LeaseRef, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ status: 'queued', run_at: now, locked_by: null, locked_until: null, updated_at: now })
      .where(held(ref))
      .executeTakeFirst();
    return updated(r);
  },

  find(db: Executor, id: string): Promise<JobRow | undefined> {
    return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Housekeeping: finished jobs are kept for inspection, then removed after a while. */
  async pruneFinished(db: Executor, finishedBefore: string): Promise<number> {
    const r = await db
      .deleteFrom('jobs')
      .where('status', 'in', ['succeeded', 'failed'])
      .where('finished_at', '<', finishedBefore)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
