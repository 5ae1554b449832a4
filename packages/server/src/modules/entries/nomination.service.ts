import { can, DomainError, nextRoundOf, scopeUnitOf, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { contestRepository } from '../contests/contest.repository.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { flushEmails } from '../notifications/notification.service.js';
import { loadUnitIndex } from '../org-units/unit-index.js';
import { peopleOf, transition } from './entry-transition.js';
import { notify } from '../notifications/notification.service.js';
import type { EntryView } from './entry-view.js';
import { assertEntryAllowed, loadEntryContext, type EntryContext } from './entry-context.js';
import { assertEntryWindowOpen, windowFor } from './entry-windows.js';
import { entryRepository, type EntryRow } from './entry.repository.js';
import { getEntry, quotaKey } from './entry.service.js';

const errors = {
  quotaFull: (quota: number) =>
    new DomainError('conflict', 'nomination_quota_reached', {
      vi: `Đơn vị đã đề cử đủ ${quota} tác phẩm. Hãy bỏ đề cử một tác phẩm khác trước.`,
      en: `The unit has already nominated its ${quota} entries. Withdraw another nomination first.`,
    }),
  forwarded: () =>
    new DomainError('conflict', 'nomination_forwarded', {
      vi: 'Đề cử đã được gửi Ban Tổ chức nên không thể thay đổi.',
      en: 'The nominations were already sent to the organizer and cannot change.',
    }),
  nothingToForward: () =>
    new DomainError('conflict', 'nothing_to_forward', {
      vi: 'Chưa có tác phẩm nào được đề cử.',
      en: 'No entry has been nominated yet.',
    }),
  noNextRound: () =>
    new DomainError('conflict', 'no_next_round', {
      vi: 'Không có vòng tiếp theo.',
      en: 'There is no next round.',
    }),
};

/** Nominations change only before they are sent on, and only while the round takes submissions. */
async function nominationContext(deps: Deps, actor: Actor, id: string): Promise<EntryContext> {
  const ctx = await loadEntryContext(deps, actor, id);
  assertEntryAllowed(actor, 'entry.nominate', ctx);
  if (ctx.entry.forwarded_at) throw errors.forwarded();
  await assertEntryWindowOpen(deps, ctx, 'submission');
  return ctx;
}

/** Nominates within the round's quota for the entry's unit; the slot is taken atomically. */
export async function nominateEntry(deps: Deps, actor: Actor, id: string): Promise<EntryView> {
  const ctx = await nominationContext(deps, actor, id);
  const { entry, config } = ctx;
  const quota = config.rounds.find((r) => r.key === entry.round_key)?.quotaPerScopeUnit ?? null;
  await inTransaction(deps, async (trx) => {
    if (quota !== null && !(await entryRepository.takeQuota(trx, quotaKey(entry), quota)))
      throw errors.quotaFull(quota);
    await transition(trx, deps, ctx, actor.userId, ['nominate']);
  });
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

export async function unnominateEntry(deps: Deps, actor: Actor, id: string): Promise<EntryView> {
  const ctx = await nominationContext(deps, actor, id);
  const { entry } = ctx;
  await inTransaction(deps, async (trx) => {
    await transition(trx, deps, ctx, actor.userId, ['unnominate']);
    await entryRepository.releaseQuota(trx, quotaKey(entry));
  });
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

/**
 * "Send to organizer": the unit's nominated entries move to the next round and into the secretariat's
 * inbox. `actor` null is the deadline sweep acting for rounds configured to advance at the deadline.
 */
export async function forwardNominations(
  deps: Deps,
  actor: Actor | null,
  slug: string,
  input: { roundKey: string; scopeUnitId: string },
): Promise<{ forwarded: number }> {
  const contest = await loadContest(deps, slug);
  const config = parseConfig(contest);
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const ancestry = units.ancestry(input.scopeUnitId);
  if (
    actor &&
    !can(actor, 'entry.nominate', {
      contestId: contest.id,
      orgUnitId: input.scopeUnitId,
      orgUnitAncestry: ancestry,
    })
  )
    throw authErrors.forbidden();
  const next = nextRoundOf(config, input.roundKey);
  if (!next) throw errors.noNextRound();
  const entries = await entryRepository.nominatedInScope(db, contest.id, input.roundKey, input.scopeUnitId);
  const pending = entries.filter((e) => !e.forwarded_at);
  if (actor && pending.length === 0) throw errors.nothingToForward();
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx) => {
    for (const e of pending) {
      const ok = await entryRepository.update(
        trx,
        e.id,
        { version: e.version, status: 'nominated' },
        {
          round_key: next.key,
          scope_unit_id: scopeUnitOf(next, units.path(e.org_unit_id)),
          forwarded_at: at,
          updated_at: at,
        },
      );
      if (!ok) continue; // changed meanwhile (e.g. withdrawn): it stays where it is
      await notify(trx, deps, {
        userIds: await peopleOf(trx, e, units.ancestry(e.org_unit_id)),
        contestId: contest.id,
        entryId: e.id,
        kind: 'entry.forwarded',
        title: { vi: `"${e.title}": đã gửi Ban Tổ chức`, en: `"${e.title}": sent to the organizer` },
        body: {
          vi: `Tác phẩm "${e.title}" đã được gửi tới Ban Tổ chức cho ${next.name.vi}.`,
          en: `The entry "${e.title}" was sent to the organizer for ${next.name.en}.`,
        },
      });
      await recordAudit(trx, deps, {
        actorUserId: actor?.userId ?? null,
        action: 'entry.forwarded',
        subjectType: 'entry',
        subjectId: e.id,
        contestId: contest.id,
        data: { fromRound: input.roundKey, toRound: next.key, automatic: actor === null },
      });
    }
  });
  for (const e of pending) await flushEmails(deps, { entryId: e.id });
  return { forwarded: pending.length };
}

/** Forwards, once their deadline has passed, the nominations of rounds that advance at the deadline. */
export async function forwardDueNominations(deps: Deps, only?: { contestId: string }): Promise<number> {
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  let moved = 0;
  for (const contest of (await contestRepository.list(db)).filter((c) => !only || c.id === only.contestId)) {
    const config = parseConfig(contest);
    for (const round of config.rounds.filter(
      (r) => r.advanceAt === 'deadline' && nextRoundOf(config, r.key),
    )) {
      const due = new Map<string, EntryRow>();
      for (const e of await entryRepository.listByContest(db, contest.id))
        if (e.round_key === round.key && e.status === 'nominated' && !e.forwarded_at && e.scope_unit_id)
          due.set(e.scope_unit_id, e);
      for (const scopeUnitId of due.keys()) {
        const w = await windowFor(
          db,
          contest.id,
          config,
          round.key,
          'submission',
          units.ancestry(scopeUnitId),
        );
        if (w && deps.clock.now().getTime() >= w.endsAt.getTime())
          moved += (await forwardNominations(deps, null, contest.slug, { roundKey: round.key, scopeUnitId }))
            .forwarded;
      }
    }
  }
  return moved;
}
