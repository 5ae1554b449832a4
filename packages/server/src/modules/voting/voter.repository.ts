import type SqliteDatabase from 'better-sqlite3';
import type { Executor } from '../../infra/db/database.js';
import type { VoterOtpTable, VoterSessionTable, VoterTable } from '../../infra/db/schema.js';

export type VoterRow = VoterTable;
export type VoterOtpRow = VoterOtpTable;

const sessionStatements = new WeakMap<
  SqliteDatabase.Database,
  SqliteDatabase.Statement<[string, string], VoterRow & { session_id: string }>
>();

export const voterRepository = {
  findByIdentity(db: Executor, identity: string): Promise<VoterRow | undefined> {
    return db.selectFrom('voters').selectAll().where('identity', '=', identity).executeTakeFirst();
  },
  /** Creates the voter unless the identity exists (a concurrent verification of the same address). */
  async insertIfAbsent(db: Executor, row: VoterRow): Promise<VoterRow> {
    await db
      .insertInto('voters')
      .values(row)
      .onConflict((oc) => oc.column('identity').doNothing())
      .execute();
    const found = await voterRepository.findByIdentity(db, row.identity);
    if (!found) throw new Error('voter vanished after insert');
    return found;
  },
  otpOf(db: Executor, identity: string): Promise<VoterOtpRow | undefined> {
    return db.selectFrom('voter_otps').selectAll().where('identity', '=', identity).executeTakeFirst();
  },
  async saveOtp(db: Executor, row: VoterOtpRow): Promise<void> {
    const { identity: _identity, ...rest } = row;
    await db
      .insertInto('voter_otps')
      .values(row)
      .onConflict((oc) => oc.column('identity').doUpdateSet(rest))
      .execute();
  },
  async insertSession(db: Executor, row: VoterSessionTable): Promise<void> {
    await db.insertInto('voter_sessions').values(row).execute();
  },
  sessionVoter(
    db: Executor,
    tokenHash: string,
    nowIso: string,
  ): Promise<(VoterRow & { session_id: string }) | undefined> {
    return db
      .selectFrom('voter_sessions as s')
      .innerJoin('voters as v', 'v.id', 's.voter_id')
      .select(['v.id', 'v.channel', 'v.identity', 'v.created_at', 'v.created_ip', 's.id as session_id'])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', nowIso)
      .executeTakeFirst();
  },
  /**
   * The same lookup as `sessionVoter` as one prepared statement on SQLite: run synchronously, it does not
   * queue behind Kysely's single connection (a burst of first votes would otherwise wait for every batch).
   */
  sessionVoterSqlite(
    raw: SqliteDatabase.Database,
    tokenHash: string,
    nowIso: string,
  ): (VoterRow & { session_id: string }) | undefined {
    let st = sessionStatements.get(raw);
    if (!st) {
      st = raw.prepare<[string, string], VoterRow & { session_id: string }>(
        `select v.id, v.channel, v.identity, v.created_at, v.created_ip, s.id as session_id
         from voter_sessions s join voters v on v.id = s.voter_id
         where s.token_hash = ? and s.expires_at > ?`,
      );
      sessionStatements.set(raw, st);
    }
    return st.get(tokenHash, nowIso);
  },
  async deleteSession(db: Executor, tokenHash: string): Promise<void> {
    await db.deleteFrom('voter_sessions').where('token_hash', '=', tokenHash).execute();
  },
  /** Records a solved challenge; false when it was already used (a replay). */
  async useChallenge(db: Executor, signature: string, expiresAt: string, nowIso: string): Promise<boolean> {
    await db.deleteFrom('altcha_used').where('expires_at', '<', nowIso).execute();
    const r = await db
      .insertInto('altcha_used')
      .values({ signature, expires_at: expiresAt })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
};
