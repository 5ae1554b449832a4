import type { Executor } from '../../infra/db/database.js';
import type { RoleAssignmentTable, SessionTable, UserTable } from '../../infra/db/schema.js';

export type UserRow = UserTable;
export type SessionRow = SessionTable;

export interface AssignmentView extends RoleAssignmentTable {
  contest_slug: string | null;
  org_unit_name: string | null;
}

export const accountRepository = {
  findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  },
  findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listUsers(db: Executor): Promise<UserRow[]> {
    return db.selectFrom('users').selectAll().orderBy('email').execute();
  },
  async insertUser(db: Executor, row: UserRow): Promise<void> {
    await db.insertInto('users').values(row).execute();
  },
  async updateUser(db: Executor, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },

  assignmentsOf(db: Executor, userId: string): Promise<AssignmentView[]> {
    return db
      .selectFrom('role_assignments as ra')
      .leftJoin('contests as c', 'c.id', 'ra.contest_id')
      .leftJoin('org_units as o', 'o.id', 'ra.org_unit_id')
      .selectAll('ra')
      .select(['c.slug as contest_slug', 'o.name as org_unit_name'])
      .where('ra.user_id', '=', userId)
      .orderBy('ra.created_at')
      .orderBy('ra.id')
      .execute();
  },
  findAssignment(db: Executor, id: string): Promise<RoleAssignmentTable | undefined> {
    return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findSameAssignment(
    db: Executor,
    a: Omit<RoleAssignmentTable, 'id' | 'created_at'>,
  ): Promise<RoleAssignmentTable | undefined> {
    let q = db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', a.user_id)
      .where('role', '=', a.role);
    q = a.contest_id === null ? q.where('contest_id', 'is', null) : q.where('contest_id', '=', a.contest_id);
    q = a.round_key === null ? q.where('round_key', 'is', null) : q.where('round_key', '=', a.round_key);
    q =
      a.org_unit_id === null
        ? q.where('org_unit_id', 'is', null)
        : q.where('org_unit_id', '=', a.org_unit_id);
    return q.executeTakeFirst();
  },
  async insertAssignment(db: Executor, row: RoleAssignmentTable): Promise<void> {
    await db.insertInto('role_assignments').values(row).execute();
  },
  async deleteAssignment(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('role_assignments').where('id', '=', id).execute();
  },

  async insertSession(db: Executor, row: SessionRow): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  },
  findSessionByTokenHash(db: Executor, tokenHash: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },
  async deleteSession(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  async deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },

  async recordFailure(
    db: Executor,
    row: { id: string; email_key: string; ip: string; at: string },
  ): Promise<void> {
    await db.insertInto('auth_failures').values(row).execute();
  },
  /** Timestamps (ascending) of failures for this account and for this address since `since`. */
  async failuresSince(
    db: Executor,
    emailKey: string,
    ip: string,
    since: string,
  ): Promise<{ byEmail: string[]; byIp: string[] }> {
    const byEmail = await db
      .selectFrom('auth_failures')
      .select('at')
      .where('email_key', '=', emailKey)
      .where('at', '>', since)
      .orderBy('at')
      .execute();
    const byIp = await db
      .selectFrom('auth_failures')
      .select('at')
      .where('ip', '=', ip)
      .where('at', '>', since)
      .orderBy('at')
      .execute();
    return { byEmail: byEmail.map((r) => r.at), byIp: byIp.map((r) => r.at) };
  },
  /** Failures older than any throttling window are useless; dropping them keeps the table small. */
  async pruneFailures(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('auth_failures').where('at', '<', before).execute();
  },
  async deleteExpiredSessionsOfUser(db: Executor, userId: string, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
  },
  async clearFailures(db: Executor, emailKey: string): Promise<void> {
    await db.deleteFrom('auth_failures').where('email_key', '=', emailKey).execute();
  },

  async insertPasswordReset(
    db: Executor,
    row: { id: string; user_id: string; token_hash: string; created_at: string; expires_at: string },
  ): Promise<void> {
    await db
      .insertInto('password_resets')
      .values({ ...row, used_at: null })
      .execute();
  },
  async countPasswordResetsSince(db: Executor, userId: string, since: string): Promise<number> {
    const r = await db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  findPasswordReset(db: Executor, tokenHash: string) {
    return db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },
  /** Marks the token used only if it still was unused: the returned count tells whether we won. */
  async consumePasswordReset(db: Executor, id: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
