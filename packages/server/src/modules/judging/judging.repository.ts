import type { Executor } from '../../infra/db/database.js';
import type {
  JuryAssignmentTable,
  JuryJudgeTable,
  JuryPanelTable,
  JuryRecusalTable,
  JurySheetTable,
} from '../../infra/db/schema.js';

export type PanelRow = JuryPanelTable;
export type JudgeRow = JuryJudgeTable;
export type SheetRow = JurySheetTable;
export type RecusalRow = JuryRecusalTable;
export type AssignmentRow = JuryAssignmentTable;

export const judgingRepository = {
  findPanel(db: Executor, contestId: string, roundKey: string, pool: string): Promise<PanelRow | undefined> {
    return db
      .selectFrom('jury_panels')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('round_key', '=', roundKey)
      .where('pool', '=', pool)
      .executeTakeFirst();
  },
  findPanelById(db: Executor, id: string): Promise<PanelRow | undefined> {
    return db.selectFrom('jury_panels').selectAll().where('id', '=', id).executeTakeFirst();
  },
  panelsOfContest(db: Executor, contestId: string): Promise<PanelRow[]> {
    return db
      .selectFrom('jury_panels')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('round_key')
      .orderBy('pool')
      .execute();
  },
  /** Creates the panel unless it exists (concurrent creators race on the unique key harmlessly). */
  async ensurePanel(db: Executor, row: PanelRow): Promise<void> {
    await db
      .insertInto('jury_panels')
      .values(row)
      .onConflict((oc) => oc.columns(['contest_id', 'round_key', 'pool']).doNothing())
      .execute();
  },
  /** Optimistic write on the panel's version. */
  async updatePanel(
    db: Executor,
    id: string,
    version: number,
    patch: Partial<Omit<PanelRow, 'id' | 'version'>>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('jury_panels')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  judges(db: Executor, panelId: string) {
    return db
      .selectFrom('jury_judges')
      .innerJoin('users', 'users.id', 'jury_judges.user_id')
      .select([
        'jury_judges.id',
        'jury_judges.panel_id',
        'jury_judges.user_id',
        'jury_judges.home_unit_id',
        'jury_judges.title',
        'jury_judges.created_at',
        'users.email',
        'users.name',
      ])
      .where('jury_judges.panel_id', '=', panelId)
      .orderBy('users.name')
      .orderBy('jury_judges.user_id')
      .execute();
  },
  panelsOfJudge(db: Executor, userId: string): Promise<PanelRow[]> {
    return db
      .selectFrom('jury_panels')
      .innerJoin('jury_judges', 'jury_judges.panel_id', 'jury_panels.id')
      .selectAll('jury_panels')
      .where('jury_judges.user_id', '=', userId)
      .execute();
  },
  async insertJudge(db: Executor, row: JudgeRow): Promise<boolean> {
    const r = await db
      .insertInto('jury_judges')
      .values(row)
      .onConflict((oc) => oc.columns(['panel_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  assignments(db: Executor, panelId: string): Promise<AssignmentRow[]> {
    return db.selectFrom('jury_assignments').selectAll().where('panel_id', '=', panelId).execute();
  },
  async isAssigned(db: Executor, panelId: string, judgeUserId: string, entryId: string): Promise<boolean> {
    const r = await db
      .selectFrom('jury_assignments')
      .select('id')
      .where('panel_id', '=', panelId)
      .where('judge_user_id', '=', judgeUserId)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
    return r !== undefined;
  },
  async replaceAssignments(db: Executor, panelId: string, rows: AssignmentRow[]): Promise<void> {
    await db.deleteFrom('jury_assignments').where('panel_id', '=', panelId).execute();
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('jury_assignments')
        .values(rows.slice(i, i + 200))
        .execute();
  },
  async removeAssignment(db: Executor, panelId: string, judgeUserId: string, entryId: string): Promise<void> {
    await db
      .deleteFrom('jury_assignments')
      .where('panel_id', '=', panelId)
      .where('judge_user_id', '=', judgeUserId)
      .where('entry_id', '=', entryId)
      .execute();
  },

  recusals(db: Executor, panelId: string): Promise<RecusalRow[]> {
    return db.selectFrom('jury_recusals').selectAll().where('panel_id', '=', panelId).execute();
  },
  async insertRecusal(db: Executor, row: RecusalRow): Promise<boolean> {
    const r = await db
      .insertInto('jury_recusals')
      .values(row)
      .onConflict((oc) => oc.columns(['panel_id', 'judge_user_id', 'entry_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  sheets(db: Executor, panelId: string): Promise<SheetRow[]> {
    return db
      .selectFrom('jury_sheets')
      .selectAll()
      .where('panel_id', '=', panelId)
      .orderBy('entry_id')
      .orderBy('judge_user_id')
      .execute();
  },
  sheetsOfJudge(db: Executor, panelId: string, judgeUserId: string): Promise<SheetRow[]> {
    return db
      .selectFrom('jury_sheets')
      .selectAll()
      .where('panel_id', '=', panelId)
      .where('judge_user_id', '=', judgeUserId)
      .execute();
  },
  findSheet(db: Executor, id: string): Promise<SheetRow | undefined> {
    return db.selectFrom('jury_sheets').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findSheetOf(
    db: Executor,
    panelId: string,
    judgeUserId: string,
    entryId: string,
  ): Promise<SheetRow | undefined> {
    return db
      .selectFrom('jury_sheets')
      .selectAll()
      .where('panel_id', '=', panelId)
      .where('judge_user_id', '=', judgeUserId)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
  },
  async insertSheet(db: Executor, row: SheetRow): Promise<boolean> {
    const r = await db
      .insertInto('jury_sheets')
      .values(row)
      .onConflict((oc) => oc.columns(['panel_id', 'judge_user_id', 'entry_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  /** Optimistic write: only if the sheet is still at `version` and in `status`. */
  async updateSheet(
    db: Executor,
    id: string,
    expect: { version: number; status: SheetRow['status'] },
    patch: Partial<Omit<SheetRow, 'id' | 'version'>>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('jury_sheets')
      .set({ ...patch, version: expect.version + 1 })
      .where('id', '=', id)
      .where('version', '=', expect.version)
      .where('status', '=', expect.status)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
