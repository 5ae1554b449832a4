import type { Deps } from '../context.js';
import { flushEmails } from '../../modules/notifications/notification.service.js';
import { mediaJobHandlers } from '../../modules/media/media-jobs.js';
import { appJobs, type AppJobs } from './app-jobs.js';
import type { JobHandlers } from './job-catalog.js';
import { Worker } from './worker.js';
import { workerSettingsFromEnv, type WorkerSettings } from './worker-settings.js';

/** The handler of every app job; each one must be safe to run again (delivery is at least once). */
export function appJobHandlers(deps: Deps): JobHandlers<AppJobs> {
  return {
    'notifications.flush': async ({ payload, log }) => {
      const sent = await flushEmails(deps, payload.entryId ? { entryId: payload.entryId } : undefined);
      if (sent) log.info({ sent }, 'notification emails sent');
    },
    ...mediaJobHandlers(deps),
  };
}

/** A worker for the app's jobs: `clipcontest worker`, or in-process in the embedded shape. */
export function createAppWorker(deps: Deps, settings: Partial<WorkerSettings> = {}): Worker<AppJobs> {
  const s = { ...workerSettingsFromEnv(), ...settings };
  return new Worker({
    db: deps.db,
    clock: deps.clock,
    log: deps.log.child({ component: 'worker' }),
    catalog: appJobs,
    handlers: appJobHandlers(deps),
    queue: s.queue,
    concurrency: s.concurrency,
    pollMs: s.pollMs,
    leaseMs: s.leaseMs,
    shutdownTimeoutMs: s.shutdownTimeoutMs,
  });
}
