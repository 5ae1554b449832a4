import { stateLabels, transitionEntry, type EntryEvent, type EntryState } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notification.service.js';
import type { EntryContext } from './entry-context.js';
import { entryErrors } from './entry-context.js';
import { entryRepository, type EntryRow } from './entry.repository.js';

/** Everyone involved in an entry: its team's accounts and the coordinators above its unit. */
export async function peopleOf(
  trx: Executor,
  entry: EntryRow,
  ancestry: readonly string[],
): Promise<string[]> {
  const rows = await trx
    .selectFrom('role_assignments')
    .select(['user_id', 'role', 'org_unit_id'])
    .where('contest_id', '=', entry.contest_id)
    .where('role', 'in', ['team', 'coordinator'])
    .execute();
  return rows
    .filter((r) =>
      r.role === 'team'
        ? r.org_unit_id === entry.org_unit_id
        : r.org_unit_id !== null && ancestry.includes(r.org_unit_id),
    )
    .map((r) => r.user_id);
}

/**
 * Applies one or more state-machine events as one change: the entry row (optimistically), an audit row per
 * event, and one notice (feed + email) per person involved — all in the caller's transaction.
 */
export async function transition(
  trx: Executor,
  deps: Deps,
  ctx: EntryContext,
  actorUserId: string | null,
  events: readonly EntryEvent[],
  opts: {
    reason?: string | undefined;
    submissionWindowOpen?: boolean;
    patch?: Partial<EntryRow>;
    data?: Record<string, unknown>;
  } = {},
): Promise<EntryRow> {
  const { entry } = ctx;
  let state = entry.status as EntryState;
  const steps: Array<{ event: EntryEvent; from: EntryState; to: EntryState }> = [];
  for (const event of events) {
    const to = transitionEntry(state, event, {
      reason: opts.reason,
      submissionWindowOpen: opts.submissionWindowOpen ?? false,
    });
    steps.push({ event, from: state, to });
    state = to;
  }
  const at = nowIso(deps.clock);
  const patch = { ...opts.patch, status: state, status_reason: opts.reason?.trim() || null, updated_at: at };
  if (!(await entryRepository.update(trx, entry.id, { version: entry.version, status: entry.status }, patch)))
    throw entryErrors.versionConflict();
  for (const [i, s] of steps.entries()) {
    // The reason (and extra data) belong to the decision, which is the last step of a compound change.
    const last = i === steps.length - 1;
    await recordAudit(trx, deps, {
      actorUserId,
      action: `entry.${s.event}`,
      subjectType: 'entry',
      subjectId: entry.id,
      contestId: entry.contest_id,
      data: {
        from: s.from,
        to: s.to,
        reason: last ? opts.reason?.trim() || null : null,
        ...(last ? opts.data : {}),
      },
    });
  }
  const label = stateLabels[state];
  const reason = opts.reason?.trim();
  await notify(trx, deps, {
    userIds: await peopleOf(trx, entry, ctx.ancestry),
    contestId: entry.contest_id,
    entryId: entry.id,
    kind: 'entry.status',
    title: { vi: `"${entry.title}": ${label.vi}`, en: `"${entry.title}": ${label.en}` },
    body: {
      vi: `Tác phẩm "${entry.title}" chuyển sang trạng thái "${label.vi}".${reason ? ` Lý do: ${reason}` : ''}`,
      en: `The entry "${entry.title}" is now "${label.en}".${reason ? ` Reason: ${reason}` : ''}`,
    },
  });
  return { ...entry, ...patch, version: entry.version + 1 };
}
