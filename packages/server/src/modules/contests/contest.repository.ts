import type { Executor } from '../../infra/db/database.js';
import type { ContestTable } from '../../infra/db/schema.js';

export type ContestRow = ContestTable;

export const contestRepository = {
  findBySlug(db: Executor, slug: string): Promise<ContestRow | undefined> {
    return db.selectFrom('contests').selectAll().where('slug', '=', slug).executeTakeFirst();
  },
  findById(db: Executor, id: string): Promise<ContestRow | undefined> {
    return db.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirst();
  },
  list(db: Executor): Promise<ContestRow[]> {
    return db.selectFrom('contests').selectAll().orderBy('created_at', 'desc').execute();
  },
  async insert(db: Executor, row: ContestRow): Promise<void> {
    await db.insertInto('contests').values(row).execute();
  },
  /** Optimistic concurrency: only writes when the stored version is still the one the editor saw. */
  async updateConfig(
    db: Executor,
    id: string,
    expectedVersion: number,
    configJson: string,
    at: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('contests')
      .set({ config_json: configJson, version: expectedVersion + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
