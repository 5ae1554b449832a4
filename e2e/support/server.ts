import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoPhase } from '@clipcontest/core';
import { pino } from 'pino';
import { buildApp } from '../../packages/server/src/app.js';
import { loadConfig } from '../../packages/server/src/infra/config/config.js';
import { nowIso } from '../../packages/server/src/infra/db/ids.js';
import { seedDemo } from '../../packages/server/src/modules/demo/demo.service.js';
import {
  SETTING_REQUIRE_TOTP,
  settingRepository,
} from '../../packages/server/src/modules/settings/setting.repository.js';
import { createDeps, DEFAULT_WEB_DIST } from '../../packages/server/src/runtime.js';

export { DEMO_PASSWORD } from '../../packages/server/src/modules/demo/demo.service.js';

export interface RunningServer {
  url: string;
  deps: Awaited<ReturnType<typeof createDeps>>;
  /** Shifts the demo contest's dates so that now falls in `phase` (entries and accounts are kept). */
  retime(phase: DemoPhase): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server (built web app, API, SQLite file) on a free port, seeded with the demo contest.
 * `requireTotp` restores the production default that the demo seed turns off.
 */
export async function startServer(
  opts: { requireTotp?: boolean; phase?: DemoPhase } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'clipcontest-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    PORT: '0',
  });
  const deps = await createDeps(config, { log: pino({ level: 'silent' }) });
  await seedDemo(deps, opts.phase ?? 'voting');
  if (opts.requireTotp)
    await settingRepository.set(deps.db.kysely, SETTING_REQUIRE_TOTP, true, nowIso(deps.clock));
  const app = await buildApp(deps, { webDistDir: DEFAULT_WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    retime: (phase) => seedDemo(deps, phase).then(() => undefined),
    async close() {
      await app.close();
      await deps.close();
    },
  };
}
