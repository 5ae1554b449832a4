import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { z } from 'zod';
import { openDatabase, type Db } from '../../src/infra/db/database.js';
import type { Clock } from '../../src/infra/db/ids.js';
import { migrateToLatest } from '../../src/infra/db/migrate.js';
import { defineJobs, PermanentJobError, type JobHandlers } from '../../src/infra/queue/job-catalog.js';
import { Worker, type WorkerOptions } from '../../src/infra/queue/worker.js';
import { sharedDatabaseUrl, type DialectName } from './databases.js';

/** Jobs whose handlers misbehave on demand; every run is appended to `runs`. */
export const qJobs = defineJobs({
  'q.record': { payload: z.object({ n: z.number().int() }) },
  /** Throws on its first `failTimes` attempts, then succeeds. */
  'q.flaky': { payload: z.object({ failTimes: z.number().int() }) },
  'q.permanent': { payload: z.object({}) },
  'q.always': { payload: z.object({}) },
  /** Waits `ms` (abortably) before recording. */
  'q.sleep': { payload: z.object({ ms: z.number().int() }) },
});
export type QJobs = (typeof qJobs)['definitions'];

export interface Run {
  jobId: string;
  workerId: string;
  attempt: number;
}

export function qHandlers(runs: Run[], workerId: () => string): JobHandlers<QJobs> {
  const record = (jobId: string, attempt: number) => runs.push({ jobId, workerId: workerId(), attempt });
  return {
    'q.record': ({ id, attempt }) => {
      record(id, attempt);
      return Promise.resolve();
    },
    'q.flaky': ({ id, attempt, payload }) => {
      if (attempt <= payload.failTimes) return Promise.reject(new Error(`flaky failure #${attempt}`));
      record(id, attempt);
      return Promise.resolve();
    },
    'q.permanent': () => Promise.reject(new PermanentJobError('the entry is gone')),
    'q.always': () => Promise.reject(new Error('always broken')),
    'q.sleep': async ({ id, attempt, payload, signal }) => {
      await delay(payload.ms, undefined, { signal });
      record(id, attempt);
    },
  };
}

/** One migrated database (shared per dialect) that several connections can open, like several processes. */
export async function openQueueDatabase(dialect: DialectName): Promise<{ url: string; db: Db }> {
  const url = sharedDatabaseUrl(dialect);
  const db = openDatabase(url);
  await migrateToLatest(db);
  return { url, db };
}

export const silentLog = pino({ level: 'silent' });

export function qWorker(
  db: Db,
  clock: Clock,
  queue: string,
  runs: Run[],
  opts: Partial<WorkerOptions<QJobs>> = {},
): Worker<QJobs> {
  let id = '';
  const w: Worker<QJobs> = new Worker({
    db,
    clock,
    log: silentLog,
    catalog: qJobs,
    handlers: qHandlers(runs, () => id),
    queue,
    pollMs: 20,
    ...opts,
  });
  id = w.id;
  return w;
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(20);
  }
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
