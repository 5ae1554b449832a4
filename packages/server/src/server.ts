import type { AppConfig } from './infra/config/config.js';
import { buildApp } from './app.js';
import { contestRepository } from './modules/contests/contest.repository.js';
import { formatDemoBanner, seedDemo } from './modules/demo/demo.service.js';
import { createDeps, DEFAULT_WEB_DIST } from './runtime.js';
import { createAppWorker } from './infra/queue/app-worker.js';
import { workerSettingsFromEnv } from './infra/queue/worker-settings.js';
import { forwardDueNominations } from './modules/entries/nomination.service.js';
import { flushEmails } from './modules/notifications/notification.service.js';

/** `clipcontest serve`: migrate, seed the demo contest into an empty database, listen, stop cleanly. */
export async function serve(config: AppConfig): Promise<void> {
  const deps = await createDeps(config);
  const empty = (await contestRepository.list(deps.db.kysely)).length === 0;
  let banner = '';
  if (empty && config.SEED_DEMO) {
    const { logins } = await seedDemo(deps, config.DEMO_PHASE);
    banner = formatDemoBanner(logins, config.publicUrl);
  }
  const app = await buildApp(deps, {
    webDistDir: config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
    trustProxy: config.TRUST_PROXY,
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  // Embedded shape: this process also works the job queue (JOBS_IN_PROCESS=false leaves it to `clipcontest worker`).
  const jobSettings = workerSettingsFromEnv();
  const worker = jobSettings.inProcess ? createAppWorker(deps, jobSettings) : undefined;
  worker?.start();
  if (banner) process.stdout.write(`${banner}\n`);
  process.stdout.write(`clipcontest is serving ${config.publicUrl} (database: ${deps.db.dialect})\n`);

  // Housekeeping until the job queue arrives: deadline-time forwarding and email retries, once a minute.
  const tick = () => {
    void forwardDueNominations(deps)
      .then(() => flushEmails(deps))
      .catch((e: unknown) => deps.log.error({ err: e }, 'housekeeping failed'));
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  tick();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    deps.log.info({ signal }, 'shutting down');
    void Promise.all([app.close(), worker?.stop()])
      .then(() => deps.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
