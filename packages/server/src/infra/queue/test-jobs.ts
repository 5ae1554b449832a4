import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { nowIso, type Clock } from '../db/ids.js';
import { defineJobs, type JobHandlers } from './job-catalog.js';

/**
 * Jobs for the queue's own tests, worked by `clipcontest worker` when CLIPCONTEST_TEST_JOBS=1 so that
 * tests can drive real worker processes. Each run is recorded in `queue_test_runs` (created on demand,
 * never by a migration): the tests count rows per job id to prove every job ran exactly once.
 */
export const testJobs = defineJobs({
  'test.record': { payload: z.object({ label: z.string() }) },
  /** Sleeps (abortably) before recording: a "long" job to kill a worker in the middle of. */
  'test.sleep': { payload: z.object({ label: z.string(), ms: z.number().int().min(0) }) },
});

export type TestJobs = (typeof testJobs)['definitions'];

export interface QueueTestRunTable {
  job_id: string;
  label: string;
  worker_id: string;
  attempt: number;
  at: string;
}

type TestDb = Kysely<{ queue_test_runs: QueueTestRunTable }>;

export function testRunsDb(db: Db): TestDb {
  return db.kysely.withTables<{ queue_test_runs: QueueTestRunTable }>() as unknown as TestDb;
}

export async function ensureTestJobTables(db: Db): Promise<void> {
  await testRunsDb(db)
    .schema.createTable('queue_test_runs')
    .ifNotExists()
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export function testJobHandlers(db: Db, clock: Clock, workerId: string): JobHandlers<TestJobs> {
  const record = (jobId: string, label: string, attempt: number) =>
    testRunsDb(db)
      .insertInto('queue_test_runs')
      .values({ job_id: jobId, label, worker_id: workerId, attempt, at: nowIso(clock) })
      .execute();
  return {
    'test.record': async ({ id, payload, attempt }) => {
      await record(id, payload.label, attempt);
    },
    'test.sleep': async ({ id, payload, attempt, signal }) => {
      await delay(payload.ms, undefined, { signal });
      await record(id, payload.label, attempt);
    },
  };
}
