import type { AppConfig } from '../config/config.js';
import { createDeps } from '../../runtime.js';
import { createAppWorker } from './app-worker.js';
import { ensureTestJobTables, testJobHandlers, testJobs } from './test-jobs.js';
import { newWorkerId, Worker } from './worker.js';
import { workerSettingsFromEnv } from './worker-settings.js';

/**
 * `clipcontest worker`: works the queue until SIGINT/SIGTERM, then finishes (or gives back) what is in
 * flight and exits. CLIPCONTEST_TEST_JOBS=1 swaps in the queue tests' jobs so they can drive processes.
 */
export async function runWorker(config: AppConfig, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const settings = workerSettingsFromEnv(env);
  const deps = await createDeps(config);
  const log = deps.log.child({ component: 'worker' });
  let worker: { id: string; start(): void; stop(): Promise<void> };
  if (env.CLIPCONTEST_TEST_JOBS === '1') {
    await ensureTestJobTables(deps.db);
    const workerId = newWorkerId();
    worker = new Worker({
      ...settings,
      db: deps.db,
      clock: deps.clock,
      log,
      catalog: testJobs,
      handlers: testJobHandlers(deps.db, deps.clock, workerId),
      workerId,
    });
  } else {
    worker = createAppWorker(deps, settings);
  }
  worker.start();
  process.stdout.write(
    `clipcontest worker ${worker.id} is working queue "${settings.queue}" (database: ${deps.db.dialect})\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down');
    void worker
      .stop()
      .then(() => deps.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          log.error({ err: e }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
