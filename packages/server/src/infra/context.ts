import type { Logger } from 'pino';
import type { AppConfig } from './config/config.js';
import type { Db, Executor } from './db/database.js';
import type { Clock } from './db/ids.js';
import type { Mailer } from './mail/mailer.js';
import type { PubSub } from './pubsub/pubsub.js';
import type { Storage } from './storage/storage.js';

/** What every service receives explicitly: no module reaches for globals. */
export interface Deps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: AppConfig;
  log: Logger;
  storage: Storage;
  /** Where resumable upload chunks land before the finished file moves to storage. */
  uploadDir: string;
  /** Messages between server instances (Redis when `REDIS_URL` is set, this process otherwise). */
  pubsub: PubSub;
}

/** Services open the transaction; repositories run inside whatever executor they are handed. */
export function inTransaction<T>(deps: Deps, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return deps.db.kysely.transaction().execute(fn);
}
