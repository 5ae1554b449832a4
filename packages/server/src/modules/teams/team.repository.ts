import type { Executor } from '../../infra/db/database.js';
import type { TeamMemberTable, TeamTable } from '../../infra/db/schema.js';

export type TeamRow = TeamTable;
export type TeamMemberRow = TeamMemberTable;

export const teamRepository = {
  findById(db: Executor, id: string): Promise<TeamRow | undefined> {
    return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByUnit(db: Executor, contestId: string, orgUnitId: string): Promise<TeamRow | undefined> {
    return db
      .selectFrom('teams')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('org_unit_id', '=', orgUnitId)
      .executeTakeFirst();
  },
  listInUnits(db: Executor, contestId: string, unitIds: readonly string[]): Promise<TeamRow[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('teams')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('org_unit_id', 'in', unitIds)
      .orderBy('name')
      .execute();
  },
  listByContest(db: Executor, contestId: string): Promise<TeamRow[]> {
    return db.selectFrom('teams').selectAll().where('contest_id', '=', contestId).orderBy('name').execute();
  },
  members(db: Executor, teamIds: readonly string[]): Promise<TeamMemberRow[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('team_members')
      .selectAll()
      .where('team_id', 'in', teamIds)
      .orderBy('sort')
      .execute();
  },
  async insert(db: Executor, team: TeamRow, members: readonly TeamMemberRow[]): Promise<void> {
    await db.insertInto('teams').values(team).execute();
    if (members.length)
      await db
        .insertInto('team_members')
        .values([...members])
        .execute();
  },
  async approve(db: Executor, id: string, by: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('teams')
      .set({ status: 'approved', approved_by: by, approved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async linkMemberUser(db: Executor, memberId: string, userId: string): Promise<void> {
    await db.updateTable('team_members').set({ user_id: userId }).where('id', '=', memberId).execute();
  },
};
