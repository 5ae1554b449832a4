import { sql } from 'kysely';
import type { Executor } from '../../infra/db/database.js';
import type { IdempotencyKeyTable, VoteTable } from '../../infra/db/schema.js';

export type VoteRow = VoteTable;

export interface Counts {
  likes: number;
  shares: number;
}

export const voteRepository = {
  /** Inserts a vote unless the voter already has an active one of that kind on that entry. */
  async insertIfAbsent(db: Executor, row: VoteRow): Promise<boolean> {
    const r = await db
      .insertInto('votes')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  active(
    db: Executor,
    voterId: string,
    entryId: string,
    kind: 'like' | 'share',
  ): Promise<VoteRow | undefined> {
    return db
      .selectFrom('votes')
      .selectAll()
      .where('voter_id', '=', voterId)
      .where('entry_id', '=', entryId)
      .where('kind', '=', kind)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
  },
  /** Serializes one voter's concurrent shares on PostgreSQL, so two cannot both pass the daily limit. */
  async lockVoter(db: Executor, voterId: string): Promise<void> {
    await db.selectFrom('voters').select('id').where('id', '=', voterId).forUpdate().execute();
  },
  /** Shares the voter recorded in [from, to) (ISO instants), for the daily share limit. */
  async sharesBetween(db: Executor, voterId: string, from: string, to: string): Promise<number> {
    const r = await db
      .selectFrom('votes')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('voter_id', '=', voterId)
      .where('kind', '=', 'share')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  activeKinds(db: Executor, voterId: string, entryId: string) {
    return db
      .selectFrom('votes')
      .select(['kind', 'voided'])
      .where('voter_id', '=', voterId)
      .where('entry_id', '=', entryId)
      .where('undone_at', 'is', null)
      .execute();
  },
  /** Marks the active like undone; false when there was none (already undone by a concurrent request). */
  async undo(db: Executor, id: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('votes')
      .set({ undone_at: at })
      .where('id', '=', id)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Adds to an entry's counters and returns them. */
  async bump(
    db: Executor,
    contestId: string,
    entryId: string,
    likes: number,
    shares: number,
  ): Promise<Counts> {
    const r = await db
      .insertInto('vote_counters')
      .values({ entry_id: entryId, contest_id: contestId, likes, shares })
      .onConflict((oc) =>
        oc.column('entry_id').doUpdateSet({
          likes: sql<number>`vote_counters.likes + ${likes}`,
          shares: sql<number>`vote_counters.shares + ${shares}`,
        }),
      )
      .returning(['likes', 'shares'])
      .executeTakeFirstOrThrow();
    return { likes: Number(r.likes), shares: Number(r.shares) };
  },
  async counts(db: Executor, entryId: string): Promise<Counts> {
    const r = await db
      .selectFrom('vote_counters')
      .select(['likes', 'shares'])
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
    return { likes: Number(r?.likes ?? 0), shares: Number(r?.shares ?? 0) };
  },
  async countersOfContest(db: Executor, contestId: string): Promise<Map<string, Counts>> {
    const rows = await db
      .selectFrom('vote_counters')
      .select(['entry_id', 'likes', 'shares'])
      .where('contest_id', '=', contestId)
      .execute();
    return new Map(rows.map((r) => [r.entry_id, { likes: Number(r.likes), shares: Number(r.shares) }]));
  },
  /** What the counters must be: active (not undone), not voided votes, per entry. */
  async recount(
    db: Executor,
    contestId?: string,
  ): Promise<Array<{ entryId: string; contestId: string } & Counts>> {
    let q = db
      .selectFrom('votes')
      .select((eb) => [
        'entry_id',
        'contest_id',
        eb.fn.sum<number>(eb.case().when('kind', '=', 'like').then(1).else(0).end()).as('likes'),
        eb.fn.sum<number>(eb.case().when('kind', '=', 'share').then(1).else(0).end()).as('shares'),
      ])
      .where('undone_at', 'is', null)
      .where('voided', '=', 0)
      .groupBy(['entry_id', 'contest_id']);
    if (contestId) q = q.where('contest_id', '=', contestId);
    return (await q.execute()).map((r) => ({
      entryId: r.entry_id,
      contestId: r.contest_id,
      likes: Number(r.likes),
      shares: Number(r.shares),
    }));
  },
  async allCounters(db: Executor, contestId?: string) {
    let q = db.selectFrom('vote_counters').selectAll();
    if (contestId) q = q.where('contest_id', '=', contestId);
    return (await q.execute()).map((r) => ({ ...r, likes: Number(r.likes), shares: Number(r.shares) }));
  },
  async setCounter(db: Executor, contestId: string, entryId: string, c: Counts): Promise<void> {
    await db
      .insertInto('vote_counters')
      .values({ entry_id: entryId, contest_id: contestId, ...c })
      .onConflict((oc) => oc.column('entry_id').doUpdateSet(c))
      .execute();
  },
  /** Engagement that counts at `cutoff`: cast by then, not voided, not undone by then. */
  async countedAt(db: Executor, contestId: string, cutoffIso: string) {
    const rows = await db
      .selectFrom('votes')
      .select((eb) => [
        'entry_id',
        eb.fn.sum<number>(eb.case().when('kind', '=', 'like').then(1).else(0).end()).as('likes'),
        eb.fn.sum<number>(eb.case().when('kind', '=', 'share').then(1).else(0).end()).as('shares'),
      ])
      .where('contest_id', '=', contestId)
      .where('voided', '=', 0)
      .where('created_at', '<=', cutoffIso)
      .where((eb) => eb.or([eb('undone_at', 'is', null), eb('undone_at', '>', cutoffIso)]))
      .groupBy('entry_id')
      .execute();
    return rows.map((r) => ({ entryId: r.entry_id, likes: Number(r.likes), shares: Number(r.shares) }));
  },
  listOfContest(db: Executor, contestId: string): Promise<VoteRow[]> {
    return db
      .selectFrom('votes')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('created_at')
      .execute();
  },
  byIds(db: Executor, contestId: string, ids: readonly string[]): Promise<VoteRow[]> {
    return db
      .selectFrom('votes')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('id', 'in', ids)
      .execute();
  },
  async markVoided(
    db: Executor,
    id: string,
    reason: string,
    by: string | null,
    at: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('votes')
      .set({ voided: 1, void_reason: reason, voided_by: by, voided_at: at })
      .where('id', '=', id)
      .where('voided', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  idempotent: {
    async claim(db: Executor, row: IdempotencyKeyTable): Promise<boolean> {
      const r = await db
        .insertInto('idempotency_keys')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    find(db: Executor, voterId: string, key: string) {
      return db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('voter_id', '=', voterId)
        .where('key', '=', key)
        .executeTakeFirst();
    },
    async complete(db: Executor, voterId: string, key: string, status: number, json: string): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: status, response_json: json })
        .where('voter_id', '=', voterId)
        .where('key', '=', key)
        .execute();
    },
  },
};
