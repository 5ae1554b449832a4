import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/infra/db/database.js';
import { openDatabase } from '../src/infra/db/database.js';
import { systemClock } from '../src/infra/db/ids.js';
import { jobRepository } from '../src/infra/queue/job.repository.js';
import { Worker } from '../src/infra/queue/worker.js';
import { dialects } from './support/databases.js';
import { TestClock, unique } from './support/harness.js';
import {
  countBy,
  openQueueDatabase,
  qHandlers,
  qJobs,
  qWorker,
  silentLog,
  waitFor,
  type Run,
} from './support/queue-fixtures.js';

describe.each(dialects)('job queue on %s', (dialect) => {
  let url: string;
  let db: Db;
  const jobsOf = (queue: string) =>
    db.kysely.selectFrom('jobs').selectAll().where('queue', '=', queue).orderBy('id').execute();

  beforeAll(async () => {
    ({ url, db } = await openQueueDatabase(dialect));
  });
  afterAll(async () => {
    await db.close();
  });

  it('enqueues inside the caller transaction: rolled back → no job, committed → one job', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await qJobs.enqueue(trx, { clock }, 'q.record', { n: 1 }, { queue });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await jobsOf(queue)).toHaveLength(0);

    const id = await db.kysely
      .transaction()
      .execute((trx) => qJobs.enqueue(trx, { clock }, 'q.record', { n: 2 }, { queue }));
    const rows = await jobsOf(queue);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, name: 'q.record', status: 'queued', attempts: 0, max_attempts: 5 });
    expect(JSON.parse(rows[0]?.payload_json ?? '')).toEqual({ n: 2 });
    expect(rows[0]?.run_at).toBe(clock.now().toISOString());

    // The payload is checked by the compiler and again at run time, inside the caller's transaction.
    // @ts-expect-error -- wrong payload type for q.record
    await expect(qJobs.enqueue(db.kysely, { clock }, 'q.record', { n: 'x' }, { queue })).rejects.toThrow();
    // @ts-expect-error -- undeclared job name
    await expect(qJobs.enqueue(db.kysely, { clock }, 'q.nope', {}, { queue })).rejects.toThrow('unknown job');
  });

  it('deduplicates by key while a job waits to start, not once it has started', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const opts = { queue, dedupeKey: 'entry-1' };
    const first = await qJobs.enqueue(db.kysely, { clock }, 'q.record', { n: 1 }, opts);
    expect(first).toBeTruthy();
    expect(await qJobs.enqueue(db.kysely, { clock }, 'q.record', { n: 2 }, opts)).toBeNull();
    expect(await jobsOf(queue)).toHaveLength(1);

    const now = clock.now().toISOString();
    const claimed = await jobRepository.claim(db, {
      queue,
      names: ['q.record'],
      workerId: 'w',
      limit: 5,
      now,
      lockedUntil: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    expect(claimed.map((j) => j.id)).toEqual([first]);
    const second = await qJobs.enqueue(db.kysely, { clock }, 'q.record', { n: 3 }, opts);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    // A retry of the first (back to queued) must not collide with the second waiting job.
    const ref = { id: first ?? '', workerId: 'w', attempt: 1 };
    expect(await jobRepository.retryLater(db.kysely, ref, 'boom', now, now)).toBe(true);
    expect((await jobsOf(queue)).map((j) => j.status)).toEqual(['queued', 'queued']);
  });

  it('two workers on separate connections run each of 20 jobs exactly once', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const ids = await db.kysely.transaction().execute(async (trx) => {
      const out: (string | null)[] = [];
      for (let n = 0; n < 20; n++)
        out.push(await qJobs.enqueue(trx, { clock }, 'q.record', { n }, { queue }));
      return out;
    });
    const runs: Run[] = [];
    const db2 = openDatabase(url);
    const a = qWorker(db, clock, queue, runs, { concurrency: 3, pollMs: 5 });
    const b = qWorker(db2, clock, queue, runs, { concurrency: 3, pollMs: 5 });
    try {
      a.start();
      b.start();
      await waitFor(async () => (await jobsOf(queue)).every((j) => j.status === 'succeeded'));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db2.close();
    }
    const perJob = countBy(runs, (r) => r.jobId);
    expect([...perJob.keys()].sort()).toEqual([...ids].sort());
    expect([...perJob.values()].every((c) => c === 1)).toBe(true);
    expect((await jobsOf(queue)).every((j) => j.attempts === 1 && j.locked_by === null)).toBe(true);
  });

  it('retries with exponential backoff, then succeeds', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const runs: Run[] = [];
    // Jitter pinned to its top: the delays are exactly base × 2^(attempt−1).
    const w = qWorker(db, clock, queue, runs, { random: () => 1, backoff: { baseMs: 1_000, maxMs: 60_000 } });
    const id = await qJobs.enqueue(db.kysely, { clock }, 'q.flaky', { failTimes: 2 }, { queue });
    const job = async () => (await jobsOf(queue))[0];

    expect(await w.runOnce()).toBe(1);
    expect(await job()).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'Error: flaky failure #1',
    });
    expect((await job())?.run_at).toBe(new Date(clock.now().getTime() + 1_000).toISOString());
    clock.advance(999);
    expect(await w.runOnce()).toBe(0);
    clock.advance(1);
    expect(await w.runOnce()).toBe(1);
    expect(await job()).toMatchObject({
      status: 'queued',
      attempts: 2,
      last_error: 'Error: flaky failure #2',
    });
    expect((await job())?.run_at).toBe(new Date(clock.now().getTime() + 2_000).toISOString());
    clock.advance(2_000);
    expect(await w.runOnce()).toBe(1);
    expect(await job()).toMatchObject({ id, status: 'succeeded', attempts: 3, locked_by: null });
    expect(runs).toEqual([{ jobId: id, workerId: w.id, attempt: 3 }]);
  });

  it('fails at once on PermanentJobError, and after maxAttempts otherwise', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const w = qWorker(db, clock, queue, [], { backoff: { baseMs: 10, maxMs: 10 } });
    const permanent = await qJobs.enqueue(db.kysely, { clock }, 'q.permanent', {}, { queue });
    const always = await qJobs.enqueue(db.kysely, { clock }, 'q.always', {}, { queue, maxAttempts: 2 });
    expect(await w.runOnce()).toBe(2);
    const byId = async () => new Map((await jobsOf(queue)).map((j) => [j.id, j]));
    expect((await byId()).get(permanent ?? '')).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'PermanentJobError: the entry is gone',
    });
    expect((await byId()).get(always ?? '')).toMatchObject({ status: 'queued', attempts: 1 });
    clock.advance(10);
    expect(await w.runOnce()).toBe(1);
    expect((await byId()).get(always ?? '')).toMatchObject({
      status: 'failed',
      attempts: 2,
      last_error: 'Error: always broken',
    });
    clock.advance(60_000);
    expect(await w.runOnce()).toBe(0);
  });

  it('re-claims a job whose worker died once its lease expires, and runs it exactly once', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const runs: Run[] = [];
    const leaseMs = 30_000;
    const id = await qJobs.enqueue(db.kysely, { clock }, 'q.record', { n: 1 }, { queue });
    const lastChance = await qJobs.enqueue(
      db.kysely,
      { clock },
      'q.record',
      { n: 2 },
      { queue, maxAttempts: 1 },
    );
    // The "dead" worker claims both jobs and never reports back.
    const dead = await jobRepository.claim(db, {
      queue,
      names: ['q.record'],
      workerId: 'dead',
      limit: 5,
      now: clock.now().toISOString(),
      lockedUntil: new Date(clock.now().getTime() + leaseMs).toISOString(),
    });
    expect(dead).toHaveLength(2);
    const w = qWorker(db, clock, queue, runs, { leaseMs });
    expect(await w.runOnce()).toBe(0);
    clock.advance(leaseMs - 1);
    expect(await w.runOnce()).toBe(0);
    clock.advance(1);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(runs).toEqual([{ jobId: id, workerId: w.id, attempt: 2 }]);
    const rows = new Map((await jobsOf(queue)).map((j) => [j.id, j]));
    expect(rows.get(id ?? '')).toMatchObject({ status: 'succeeded', attempts: 2 });
    // The job that had no attempt left is failed rather than run a second time.
    expect(rows.get(lastChance ?? '')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows.get(lastChance ?? '')?.last_error).toContain('lease expired');
    // Should the dead worker come back, it can no longer record an outcome.
    const stale = { id: id ?? '', workerId: 'dead', attempt: 1 };
    const now = clock.now().toISOString();
    expect(await jobRepository.fail(db.kysely, stale, 'late', now)).toBe(false);
    expect(await jobRepository.succeed(db.kysely, stale, now)).toBe(false);
  });

  it('keeps the lease of a long job alive with heartbeats (real clock)', async () => {
    const queue = unique('q');
    const runs: Run[] = [];
    const opts = { leaseMs: 300, heartbeatMs: 50, pollMs: 20 };
    const a = qWorker(db, systemClock, queue, runs, opts);
    const b = qWorker(db, systemClock, queue, runs, opts);
    const id = await qJobs.enqueue(db.kysely, { clock: systemClock }, 'q.sleep', { ms: 1_000 }, { queue });
    a.start();
    await waitFor(() => a.inFlight === 1);
    b.start();
    try {
      await waitFor(() => runs.length === 1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(runs).toEqual([{ jobId: id, workerId: a.id, attempt: 1 }]);
  });

  it('wakes up when this process enqueues instead of waiting for the next poll', async () => {
    const queue = unique('q');
    const runs: Run[] = [];
    const w = qWorker(db, systemClock, queue, runs, { pollMs: 60_000 });
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 50)); // the first poll found nothing
      const started = performance.now();
      await db.kysely
        .transaction()
        .execute((trx) => qJobs.enqueue(trx, { clock: systemClock }, 'q.record', { n: 1 }, { queue }));
      await waitFor(() => runs.length === 1, 3_000);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await w.stop();
    }
  });

  it('stop() waits for short jobs, aborts long ones past the timeout and gives them back', async () => {
    const queue = unique('q');
    const clock = new TestClock();
    const runs: Run[] = [];
    const short = await qJobs.enqueue(db.kysely, { clock }, 'q.sleep', { ms: 100 }, { queue });
    const long = await qJobs.enqueue(db.kysely, { clock }, 'q.sleep', { ms: 60_000 }, { queue });
    const w = qWorker(db, clock, queue, runs);
    w.start();
    await waitFor(() => w.inFlight === 2);
    const t0 = performance.now();
    await w.stop({ timeoutMs: 400 });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(runs.map((r) => r.jobId)).toEqual([short]);
    const rows = new Map((await jobsOf(queue)).map((j) => [j.id, j]));
    expect(rows.get(short ?? '')).toMatchObject({ status: 'succeeded' });
    expect(rows.get(long ?? '')).toMatchObject({ status: 'queued', locked_by: null, locked_until: null });
    expect(rows.get(long ?? '')?.last_error).toBeNull();
  });

  it('refuses to start without a handler for every declared job', () => {
    const handlers = qHandlers([], () => 'x');
    const { 'q.sleep': _omitted, ...incomplete } = handlers;
    const make = () =>
      new Worker({
        db,
        clock: systemClock,
        log: silentLog,
        catalog: qJobs,
        // @ts-expect-error -- the compiler already rejects a missing handler
        handlers: incomplete,
      });
    expect(make).toThrow('no handler for job(s): q.sleep');
  });
});
