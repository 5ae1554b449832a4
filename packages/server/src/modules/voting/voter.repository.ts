import type { Executor } from '../../infra/db/database.js';
import type { VoterOtpTable, VoterSessionTable, VoterTable } from '../../infra/db/schema.js';

export type VoterRow = VoterTable;
export type VoterOtpRow = VoterOtpTable;

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
