import type { Executor } from '../../infra/db/database.js';
import type { FanpageSnapshotTable } from '../../infra/db/schema.js';

export type SnapshotRow = FanpageSnapshotTable;

export const fanpageRepository = {
  async insert(db: Executor, row: SnapshotRow): Promise<void> {
    await db.insertInto('fanpage_snapshots').values(row).execute();
  },
  findById(db: Executor, id: string): Promise<SnapshotRow | undefined> {
    return db.selectFrom('fanpage_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listByContest(db: Executor, contestId: string): Promise<SnapshotRow[]> {
    return db
      .selectFrom('fanpage_snapshots')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('taken_at', 'desc')
      .execute();
  },
  /** Confirms unless already confirmed or the confirmer recorded it (the rule holds under races too). */
  async confirm(db: Executor, id: string, userId: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('fanpage_snapshots')
      .set({ confirmed_by: userId, confirmed_at: at })
      .where('id', '=', id)
      .where('confirmed_by', 'is', null)
      .where('recorded_by', '!=', userId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
