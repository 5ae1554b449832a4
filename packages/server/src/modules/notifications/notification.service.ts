import type { LocalizedText } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { appJobs } from '../../infra/queue/app-jobs.js';
import { notificationRepository } from './notification.repository.js';

export interface NotificationInput {
  userIds: readonly string[];
  contestId: string | null;
  entryId: string | null;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
}

/**
 * Writes the in-app feed rows (one per person) inside the caller's transaction, each with an email
 * waiting to go out: the change and its notice commit together, and the email is sent after commit.
 */
export async function notify(
  trx: Executor,
  deps: Pick<Deps, 'clock'>,
  input: NotificationInput,
): Promise<void> {
  const at = nowIso(deps.clock);
  await notificationRepository.insertMany(
    trx,
    [...new Set(input.userIds)].map((userId) => ({
      id: newId(),
      user_id: userId,
      contest_id: input.contestId,
      entry_id: input.entryId,
      kind: input.kind,
      title_vi: input.title.vi,
      title_en: input.title.en,
      body_vi: input.body.vi,
      body_en: input.body.en,
      created_at: at,
      read_at: null,
      email_status: 'pending' as const,
      email_attempts: 0,
      email_sent_at: null,
    })),
  );
  // The email goes out right after the commit; this job, written in the same transaction, is the safety net
  // that still sends it if the process dies in between (the pending → sending claim prevents a double send).
  if (input.entryId)
    await appJobs.enqueue(
      trx,
      deps,
      'notifications.flush',
      { entryId: input.entryId },
      {
        dedupeKey: `notifications.flush:${input.entryId}`,
        runAt: new Date(deps.clock.now().getTime() + 60_000),
      },
    );
}

const MAX_ATTEMPTS = 5;

/**
 * Sends waiting emails once (only those about one entry, right after a change to it; all of them from the
 * periodic sweep); a failure is retried by a later flush, up to 5 attempts.
 */
export async function flushEmails(deps: Deps, only?: { entryId: string }): Promise<number> {
  const db = deps.db.kysely;
  let sent = 0;
  for (const n of await notificationRepository.pendingEmails(db, 200, only?.entryId)) {
    if (!(await notificationRepository.claimEmail(db, n.id))) continue;
    const link = n.entry_id ? `${deps.config.publicUrl}/app/entries/${n.entry_id}` : deps.config.publicUrl;
    try {
      await deps.mailer.send({
        to: n.email,
        subject: `clipcontest: ${n.title_vi} / ${n.title_en}`,
        text: [`Xin chào ${n.name},`, '', n.body_vi, link, '', '---', n.body_en, link].join('\n'),
      });
      await notificationRepository.markEmail(db, n.id, 'sent', nowIso(deps.clock));
      sent++;
    } catch (e) {
      deps.log.warn({ err: e, notificationId: n.id }, 'notification email failed');
      await notificationRepository.markEmail(
        db,
        n.id,
        n.email_attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
        null,
      );
    }
  }
  return sent;
}

export async function feedOf(deps: Deps, userId: string, limit = 50) {
  const rows = await notificationRepository.feed(deps.db.kysely, userId, limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    kind: r.kind,
    entryId: r.entry_id,
    title: { vi: r.title_vi, en: r.title_en },
    body: { vi: r.body_vi, en: r.body_en },
    read: r.read_at !== null,
  }));
}

export async function markFeedRead(deps: Deps, userId: string): Promise<void> {
  await notificationRepository.markRead(deps.db.kysely, userId, nowIso(deps.clock));
}
