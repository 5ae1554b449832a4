import { sql } from 'kysely';
import type { Executor } from '../../infra/db/database.js';
import type { EntryTable, MediaFileTable, WindowOverrideTable } from '../../infra/db/schema.js';

export type EntryRow = EntryTable;
export type MediaFileRow = MediaFileTable;

export const entryRepository = {
  findById(db: Executor, id: string): Promise<EntryRow | undefined> {
    return db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listByContest(db: Executor, contestId: string): Promise<EntryRow[]> {
    return db
      .selectFrom('entries')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('created_at')
      .execute();
  },
  async countActiveOfTeam(db: Executor, teamId: string): Promise<number> {
    const r = await db
      .selectFrom('entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('team_id', '=', teamId)
      .where('status', 'not in', ['withdrawn'])
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  async insert(db: Executor, row: EntryRow): Promise<void> {
    await db.insertInto('entries').values(row).execute();
  },
  /** Optimistic write: applies only if the entry is still at `version` (and, if given, in `status`). */
  async update(
    db: Executor,
    id: string,
    expect: { version: number; status?: string },
    patch: Partial<Omit<EntryRow, 'id' | 'version'>>,
  ): Promise<boolean> {
    let q = db
      .updateTable('entries')
      .set({ ...patch, version: expect.version + 1 })
      .where('id', '=', id)
      .where('version', '=', expect.version);
    if (expect.status) q = q.where('status', '=', expect.status);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  nominatedInScope(
    db: Executor,
    contestId: string,
    roundKey: string,
    scopeUnitId: string,
  ): Promise<EntryRow[]> {
    return db
      .selectFrom('entries')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('round_key', '=', roundKey)
      .where('scope_unit_id', '=', scopeUnitId)
      .where('status', '=', 'nominated')
      .execute();
  },

  media(db: Executor, ids: readonly string[]): Promise<MediaFileRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('media_files').selectAll().where('id', 'in', ids).execute();
  },
  mediaByUpload(db: Executor, uploadId: string): Promise<MediaFileRow | undefined> {
    return db.selectFrom('media_files').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
  },
  async insertMedia(db: Executor, row: MediaFileRow): Promise<void> {
    await db.insertInto('media_files').values(row).execute();
  },

  /**
   * Takes one slot of a quota if one is free. A single conditional UPDATE is atomic on both SQLite and
   * PostgreSQL, so concurrent nominations can never push `used` past `limit`.
   */
  async takeQuota(db: Executor, key: string, limit: number): Promise<boolean> {
    await db
      .insertInto('quota_counters')
      .values({ key, used: 0 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const r = await db
      .updateTable('quota_counters')
      .set({ used: sql<number>`used + 1` })
      .where('key', '=', key)
      .where('used', '<', limit)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async releaseQuota(db: Executor, key: string): Promise<void> {
    await db
      .updateTable('quota_counters')
      .set({ used: sql<number>`used - 1` })
      .where('key', '=', key)
      .where('used', '>', 0)
      .execute();
  },

  overrides(db: Executor, contestId: string, roundKey: string, kind: string): Promise<WindowOverrideTable[]> {
    return db
      .selectFrom('window_overrides')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('round_key', '=', roundKey)
      .where('kind', '=', kind)
      .execute();
  },
  async insertOverride(db: Executor, row: WindowOverrideTable): Promise<void> {
    await db.insertInto('window_overrides').values(row).execute();
  },
  history(db: Executor, entryId: string) {
    return db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'action', 'actor_user_id', 'data_json'])
      .where('subject_type', '=', 'entry')
      .where('subject_id', '=', entryId)
      .orderBy('seq')
      .execute();
  },
};
