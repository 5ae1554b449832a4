import { DomainError, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { authErrors } from '../accounts/auth.errors.js';
import { loadContest } from '../contests/contest.service.js';
import { entryAllowed, loadEntryContext } from '../entries/entry-context.js';
import { transition } from '../entries/entry-transition.js';
import { entryRepository } from '../entries/entry.repository.js';
import { flushEmails } from '../notifications/notification.service.js';
import { loadUnitIndex } from '../org-units/unit-index.js';
import { parseConfig } from '../contests/contest.service.js';
import { contestRepository } from '../contests/contest.repository.js';
import { resourceOf } from '../entries/entry-context.js';

const notAccepted = () =>
  new DomainError('conflict', 'entry_not_accepted', {
    vi: 'Chỉ đăng tải được tác phẩm đã được tiếp nhận hợp lệ.',
    en: 'Only accepted entries can be published.',
  });

/**
 * The assistant publishes an accepted entry: the `publish` event (audited, the team notified). Publication
 * opens the entry to the public and starts nothing else.
 */
export async function publishEntry(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ id: string; status: string }> {
  const ctx = await loadEntryContext(deps, actor, id);
  if (!entryAllowed(actor, 'entry.publish', ctx.entry, ctx.ancestry)) throw authErrors.forbidden();
  if (ctx.entry.status !== 'accepted') throw notAccepted();
  const row = await inTransaction(deps, (trx) => transition(trx, deps, ctx, actor.userId, ['publish']));
  await flushEmails(deps);
  return { id: row.id, status: row.status };
}

/** Publishes every accepted entry of the contest the actor may publish, in one transaction. */
export async function publishAllAccepted(
  deps: Deps,
  actor: Actor,
  slug: string,
): Promise<{ published: string[] }> {
  const contest = await loadContest(deps, slug);
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const accepted = (await entryRepository.listByContest(db, contest.id)).filter(
    (e) => e.status === 'accepted',
  );
  const mine = accepted.filter((e) => entryAllowed(actor, 'entry.publish', e, units.ancestry(e.org_unit_id)));
  if (accepted.length > 0 && mine.length === 0) throw authErrors.forbidden();
  const config = parseConfig(contest);
  const row = await contestRepository.findById(db, contest.id);
  if (!row) throw authErrors.forbidden();
  await inTransaction(deps, async (trx) => {
    for (const entry of mine) {
      const ancestry = units.ancestry(entry.org_unit_id);
      await transition(
        trx,
        deps,
        { entry, contest: row, config, units, ancestry, resource: resourceOf(entry, ancestry) },
        actor.userId,
        ['publish'],
      );
    }
  });
  await flushEmails(deps);
  return { published: mine.map((e) => e.id) };
}
