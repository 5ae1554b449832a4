import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-entries.js';
import * as m0003 from './migrations/0003-jobs.js';
import * as m0005 from './migrations/0005-media.js';
import * as m0006 from './migrations/0006-judging.js';
import * as m0007 from './migrations/0007-voting.js';

// Listed explicitly (not read from a folder) so the same code runs from sources and from any bundle.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-entries': m0002,
  '0003-jobs': m0003,
  '0005-media': m0005,
  '0006-judging': m0006,
  '0007-voting': m0007,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
