import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/infra/db/database.js';
import { systemClock } from '../src/infra/db/ids.js';
import { migrateToLatest } from '../src/infra/db/migrate.js';
import { ensureTestJobTables, testJobs, testRunsDb } from '../src/infra/queue/test-jobs.js';
import { privateDatabaseUrl } from './support/databases.js';
import { countBy, waitFor } from './support/queue-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/clipcontest.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LEASE_SECONDS = 1.5;

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl)
  console.log('queue-processes.test.ts skipped: worker processes need PostgreSQL (TEST_DATABASE_URL)');

interface WorkerProcess {
  child: ChildProcess;
  output: string;
  exited: Promise<number | null>;
}

describe.skipIf(!pgUrl)('worker processes on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Db;
  const workers: WorkerProcess[] = [];
  const jobs = () => db.kysely.selectFrom('jobs').selectAll().execute();
  const runs = () => testRunsDb(db).selectFrom('queue_test_runs').selectAll().execute();

  function startWorker(): WorkerProcess {
    const scratch = mkdtempSync(join(tmpdir(), 'cc-worker-'));
    const child = spawn(process.execPath, [BIN, 'worker'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        CLIPCONTEST_TEST_JOBS: '1',
        JOB_LEASE_SECONDS: String(LEASE_SECONDS),
        JOB_POLL_MS: '100',
        JOB_CONCURRENCY: '3',
        LOG_LEVEL: 'warn',
        MEDIA_DIR: join(scratch, 'media'),
        UPLOAD_DIR: join(scratch, 'uploads'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w: WorkerProcess = {
      child,
      output: '',
      exited: new Promise((r) => child.once('exit', (code) => r(code))),
    };
    child.stdout?.on('data', (d: Buffer) => (w.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (w.output += d.toString()));
    workers.push(w);
    return w;
  }

  const alive = (w: WorkerProcess) => w.child.exitCode === null && w.child.signalCode === null;
  // Worker ids are host:pid:suffix, so the job's lock names the process that holds it.
  const holder = (lockedBy: string) =>
    workers.find((w) => lockedBy.split(':').at(-2) === String(w.child.pid));

  beforeAll(async () => {
    database = await privateDatabaseUrl('postgres');
    db = openDatabase(database.url);
    await migrateToLatest(db);
    await ensureTestJobTables(db);
    const started = [startWorker(), startWorker()];
    // Generous: two tsx start-ups compete with the rest of the suite for the CPU.
    await waitFor(() => started.every((w) => w.output.includes('is working queue')), 50_000).catch(() => {
      throw new Error(`workers did not start:\n${started.map((w) => w.output).join('\n---\n')}`);
    });
  });

  afterAll(async () => {
    for (const w of workers) if (alive(w)) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await db?.close();
    await database?.drop();
  });

  it('two processes share 20 jobs and run each exactly once', async () => {
    const ids = await db.kysely.transaction().execute(async (trx) => {
      const out: (string | null)[] = [];
      for (let n = 0; n < 20; n++)
        out.push(await testJobs.enqueue(trx, { clock: systemClock }, 'test.record', { label: `r${n}` }));
      return out;
    });
    await waitFor(async () => (await jobs()).filter((j) => j.status === 'succeeded').length === 20, 30_000);
    const recorded = await runs();
    const perJob = countBy(recorded, (r) => r.job_id);
    expect([...perJob.keys()].sort()).toEqual([...ids].sort());
    expect([...perJob.values()].every((c) => c === 1)).toBe(true);
    console.log(
      `jobs per worker: ${JSON.stringify(Object.fromEntries(countBy(recorded, (r) => r.worker_id)))}`,
    );
  }, 40_000);

  it('a worker SIGKILLed mid-job loses the job to the other once its lease expires; it runs once', async () => {
    const id = await testJobs.enqueue(db.kysely, { clock: systemClock }, 'test.sleep', {
      label: 'long',
      ms: 3_000,
    });
    let lockedBy = '';
    await waitFor(async () => {
      const job = (await jobs()).find((j) => j.id === id);
      lockedBy = job?.status === 'running' ? (job.locked_by ?? '') : '';
      return lockedBy !== '';
    });
    const victim = holder(lockedBy);
    expect(victim).toBeDefined();
    await new Promise((r) => setTimeout(r, 500)); // well inside the 3 s handler
    victim?.child.kill('SIGKILL');
    await victim?.exited;
    const killedAt = performance.now();

    await waitFor(async () => (await jobs()).find((j) => j.id === id)?.status === 'succeeded', 30_000);
    const elapsed = performance.now() - killedAt;
    // The survivor waited for the lease to lapse and then ran the whole 3 s handler.
    expect(elapsed).toBeGreaterThan(3_000);
    const job = (await jobs()).find((j) => j.id === id);
    expect(job).toMatchObject({ attempts: 2, locked_by: null });
    const mine = (await runs()).filter((r) => r.job_id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.worker_id).not.toBe(lockedBy);
    expect(mine[0]?.attempt).toBe(2);
  }, 60_000);

  it('SIGTERM stops the surviving worker cleanly', async () => {
    const survivor = workers.find(alive);
    expect(survivor).toBeDefined();
    survivor?.child.kill('SIGTERM');
    expect(await survivor?.exited).toBe(0);
  });
});
