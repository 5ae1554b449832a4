import {
  checklistComplete,
  DomainError,
  localToInstant,
  type Actor,
  type EntryEvent,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { flushEmails } from '../notifications/notification.service.js';
import { assertEntryAllowed, entryErrors, loadEntryContext, type EntryContext } from './entry-context.js';
import { transition } from './entry-transition.js';
import { checklistOf, parseFlags, type EntryView } from './entry-view.js';
import { assertOpen } from './entry-windows.js';
import { entryRepository } from './entry.repository.js';
import { getEntry } from './entry.service.js';

const errors = {
  notInInbox: () =>
    new DomainError('conflict', 'entry_not_in_inbox', {
      vi: 'Tác phẩm chưa được gửi tới Ban Tổ chức.',
      en: 'The entry has not been sent to the organizer.',
    }),
  checklistIncomplete: (keys: string[]) =>
    new DomainError(
      'bad_request',
      'checklist_incomplete',
      {
        vi: 'Chưa thể tiếp nhận: danh mục kiểm tra chưa đạt hết.',
        en: 'Cannot accept yet: the eligibility checklist is not all ticked.',
      },
      {
        issues: keys.map((k) => ({
          path: `checklist.${k}`,
          code: 'unchecked',
          message: { vi: 'Chưa đạt', en: 'Not met' },
        })),
      },
    ),
  unknownItem: (key: string) =>
    new DomainError('bad_request', 'unknown_checklist_item', {
      vi: `Không có mục kiểm tra "${key}".`,
      en: `There is no checklist item "${key}".`,
    }),
  badDeadline: () =>
    new DomainError('bad_request', 'fix_deadline_invalid', {
      vi: 'Hạn sửa phải là một thời điểm trong tương lai.',
      en: 'The fix deadline must be in the future.',
    }),
};

/** The secretariat works entries sent to it, within the receipt window of the entry's round. */
async function receiptContext(deps: Deps, actor: Actor, id: string): Promise<EntryContext> {
  const ctx = await loadEntryContext(deps, actor, id);
  assertEntryAllowed(actor, 'entry.receive', ctx);
  if (!ctx.entry.forwarded_at) throw errors.notInInbox();
  await assertOpen(
    deps.db.kysely,
    ctx.entry.contest_id,
    ctx.config,
    ctx.entry.round_key,
    'receipt',
    ctx.ancestry,
    deps.clock.now(),
  );
  return ctx;
}

/** Entries arrive as "nominated"; the first decision on them receives them first. */
const viaReceive = (status: string, event: EntryEvent): EntryEvent[] =>
  status === 'nominated' ? ['receive', event] : [event];

export async function saveChecklist(
  deps: Deps,
  actor: Actor,
  id: string,
  manual: Record<string, boolean>,
): Promise<EntryView> {
  const ctx = await receiptContext(deps, actor, id);
  const known = new Set(ctx.config.entryRules.receiptChecklist.map((i) => i.key));
  for (const key of Object.keys(manual)) if (!known.has(key)) throw errors.unknownItem(key);
  const current = parseFlags(ctx.entry.checklist_json);
  const merged = { ...current, ...manual };
  if (Object.entries(manual).every(([k, v]) => current[k] === v)) return getEntry(deps, actor, id);
  await inTransaction(deps, async (trx) => {
    const ok = await entryRepository.update(
      trx,
      ctx.entry.id,
      { version: ctx.entry.version },
      {
        checklist_json: JSON.stringify(merged),
        updated_at: nowIso(deps.clock),
      },
    );
    if (!ok) throw entryErrors.versionConflict();
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'entry.checklist_updated',
      subjectType: 'entry',
      subjectId: ctx.entry.id,
      contestId: ctx.entry.contest_id,
      data: { checklist: merged },
    });
  });
  return getEntry(deps, actor, id);
}

export async function acceptEntry(
  deps: Deps,
  actor: Actor,
  id: string,
  manual: Record<string, boolean> = {},
): Promise<EntryView> {
  if (Object.keys(manual).length) await saveChecklist(deps, actor, id, manual);
  const ctx = await receiptContext(deps, actor, id);
  const items = await checklistOf(deps.db.kysely, ctx);
  if (!checklistComplete(items))
    throw errors.checklistIncomplete(items.filter((i) => i.ok !== true).map((i) => i.key));
  await inTransaction(deps, (trx) =>
    transition(trx, deps, ctx, actor.userId, viaReceive(ctx.entry.status, 'accept')),
  );
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

/** Back to the team with a reason and a deadline (local time of the contest) to upload a fixed file. */
export async function returnEntry(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason: string; fixDeadline: string },
): Promise<EntryView> {
  const ctx = await receiptContext(deps, actor, id);
  const deadline = localToInstant(input.fixDeadline, ctx.config.timezone);
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= deps.clock.now().getTime())
    throw errors.badDeadline();
  await inTransaction(deps, (trx) =>
    transition(trx, deps, ctx, actor.userId, viaReceive(ctx.entry.status, 'return_for_fix'), {
      reason: input.reason,
      patch: { fix_deadline: deadline.toISOString() },
      data: { fixDeadline: input.fixDeadline },
    }),
  );
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

export async function rejectEntry(deps: Deps, actor: Actor, id: string, reason: string): Promise<EntryView> {
  const ctx = await receiptContext(deps, actor, id);
  await inTransaction(deps, (trx) =>
    transition(trx, deps, ctx, actor.userId, viaReceive(ctx.entry.status, 'reject'), { reason }),
  );
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}
