import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { AppConfig } from './infra/config/config.js';
import type { Deps } from './infra/context.js';
import { openDatabase } from './infra/db/database.js';
import { systemClock, type Clock } from './infra/db/ids.js';
import { migrateToLatest } from './infra/db/migrate.js';
import { createMailer, type Mailer } from './infra/mail/mailer.js';
import { memoryPubSub, redisPubSub, type PubSub } from './infra/pubsub/pubsub.js';
import { createStorage } from './infra/storage/create-storage.js';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function createLogger(config: AppConfig): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'clipcontest' } });
}

/** Opens the database, migrates it, and wires the services' dependencies. */
export async function createDeps(
  config: AppConfig,
  overrides: { log?: Logger; clock?: Clock; mailer?: Mailer; pubsub?: PubSub } = {},
): Promise<Deps & { close(): Promise<void> }> {
  const log = overrides.log ?? createLogger(config);
  const db = openDatabase(config.DATABASE_URL);
  const applied = await migrateToLatest(db);
  if (applied.length) log.info({ applied }, 'database migrated');
  const mailer = overrides.mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log });
  const storage = createStorage(config.STORAGE_URL, resolve(config.MEDIA_DIR));
  const uploadDir = resolve(config.UPLOAD_DIR);
  mkdirSync(uploadDir, { recursive: true });
  const pubsub =
    overrides.pubsub ??
    (config.REDIS_URL
      ? redisPubSub(config.REDIS_URL, { onError: (err) => log.warn({ err }, 'redis pub/sub') })
      : memoryPubSub());
  return {
    db,
    log,
    config,
    clock: overrides.clock ?? systemClock,
    mailer,
    storage,
    uploadDir,
    pubsub,
    close: async () => {
      await pubsub.close();
      await db.close();
    },
  };
}
