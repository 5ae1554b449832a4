import { lockSequence, type Dialect, type Executor } from '../../infra/db/database.js';
import type { AuditLogTable } from '../../infra/db/schema.js';
import { GENESIS_HASH, chainHash, type AuditEvent, type StoredAuditRow } from './audit-chain.js';

const AUDIT_LOCK_KEY = 0x0a0d17;

function toStored(r: AuditLogTable): StoredAuditRow {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    contestId: r.contest_id,
    data: JSON.parse(r.data_json) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export const auditRepository = {
  /** Must run inside the transaction of the change it records; the lock keeps the chain linear. */
  async append(trx: Executor, dialect: Dialect, event: Omit<AuditEvent, 'seq'>): Promise<StoredAuditRow> {
    await lockSequence(trx, dialect, AUDIT_LOCK_KEY);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = last ? Number(last.seq) + 1 : 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Round-trip the data through JSON so the hashed value is exactly what is stored and read back.
    const data = JSON.parse(JSON.stringify(event.data ?? null)) as unknown;
    const full: AuditEvent = { ...event, seq, data };
    const hash = chainHash(prevHash, full);
    await trx
      .insertInto('audit_log')
      .values({
        seq,
        id: full.id,
        at: full.at,
        actor_user_id: full.actorUserId,
        action: full.action,
        subject_type: full.subjectType,
        subject_id: full.subjectId,
        contest_id: full.contestId,
        data_json: JSON.stringify(data),
        prev_hash: prevHash,
        hash,
      })
      .execute();
    return { ...full, prevHash, hash };
  },

  async *streamAll(db: Executor, pageSize = 1000): AsyncGenerator<StoredAuditRow> {
    let after = 0;
    for (;;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of page) yield toStored(r);
      if (page.length < pageSize) return;
      after = Number(page[page.length - 1]?.seq);
    }
  },

  async list(
    db: Executor,
    filter: { contestId?: string; limit: number; beforeSeq?: number },
  ): Promise<StoredAuditRow[]> {
    let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.contestId) q = q.where('contest_id', '=', filter.contestId);
    if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
    return (await q.execute()).map(toStored);
  },
};
