import type { Logger } from 'pino';
import type { AppConfig } from './config/config.js';
import type { Db, Executor } from './db/database.js';
import type { Clock } from './db/ids.js';
import type { Mailer } from './mail/mailer.js';

/** What every service receives explicitly: no module reaches for globals. */
export interface Deps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: AppConfig;
  log: Logger;
}

/** Services open the transaction; repositories run inside whatever executor they are handed. */
export function inTransaction<T>(deps: Deps, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return deps.db.kysely.transaction().execute(fn);
}
