import type { Executor } from '../../infra/db/database.js';
import type { NotificationTable } from '../../infra/db/schema.js';

export type NotificationRow = NotificationTable;

export const notificationRepository = {
  async insertMany(db: Executor, rows: readonly NotificationRow[]): Promise<void> {
    if (rows.length)
      await db
        .insertInto('notifications')
        .values([...rows])
        .execute();
  },
  pendingEmails(db: Executor, limit: number, entryId?: string) {
    let q = db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select([
        'n.id',
        'n.title_vi',
        'n.title_en',
        'n.body_vi',
        'n.body_en',
        'n.entry_id',
        'u.email',
        'u.name',
        'n.email_attempts',
      ])
      .where('n.email_status', '=', 'pending')
      .orderBy('n.created_at')
      .limit(limit);
    if (entryId) q = q.where('n.entry_id', '=', entryId);
    return q.execute();
  },
  /** Claims one email for sending; only the caller that flips pending → sending sends it. */
  async claimEmail(db: Executor, id: string): Promise<boolean> {
    const r = await db
      .updateTable('notifications')
      .set((eb) => ({ email_status: 'sending', email_attempts: eb('email_attempts', '+', 1) }))
      .where('id', '=', id)
      .where('email_status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async markEmail(
    db: Executor,
    id: string,
    status: 'sent' | 'pending' | 'failed',
    at: string | null,
  ): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ email_status: status, email_sent_at: at })
      .where('id', '=', id)
      .execute();
  },
  feed(db: Executor, userId: string, limit: number): Promise<NotificationRow[]> {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  async markRead(db: Executor, userId: string, at: string): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
  },
};
