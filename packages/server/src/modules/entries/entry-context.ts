import {
  can,
  DomainError,
  type Action,
  type Actor,
  type ContestConfig,
  type Resource,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { authErrors } from '../accounts/auth.errors.js';
import { contestRepository, type ContestRow } from '../contests/contest.repository.js';
import { parseConfig } from '../contests/contest.service.js';
import { judgeIsAssigned } from '../judging/judge-access.js';
import { loadUnitIndex, type UnitIndex } from '../org-units/unit-index.js';
import { entryRepository, type EntryRow } from './entry.repository.js';

export interface EntryContext {
  entry: EntryRow;
  contest: ContestRow;
  config: ContestConfig;
  units: UnitIndex;
  ancestry: string[];
  resource: Resource;
}

export const entryErrors = {
  notFound: () =>
    new DomainError('not_found', 'entry_not_found', {
      vi: 'Không tìm thấy tác phẩm.',
      en: 'Entry not found.',
    }),
  versionConflict: () =>
    new DomainError('conflict', 'entry_version_conflict', {
      vi: 'Tác phẩm vừa được thay đổi. Hãy tải lại trang.',
      en: 'The entry changed meanwhile. Reload the page.',
    }),
};

export function resourceOf(entry: EntryRow, ancestry: string[]): Resource {
  return {
    contestId: entry.contest_id,
    roundKey: entry.round_key,
    orgUnitId: entry.org_unit_id,
    orgUnitAncestry: ancestry,
  };
}

/**
 * What the actor's roles allow on an entry. A judge role counts for nothing here: a judge sees exactly the
 * entries assigned to them (`judgeIsAssigned`, checked by `loadEntryContext`), never the rest of the round.
 */
export function entryAllowed(actor: Actor, action: Action, entry: EntryRow, ancestry: string[]): boolean {
  const effective = { ...actor, assignments: actor.assignments.filter((a) => a.role !== 'judge') };
  return can(effective, action, resourceOf(entry, ancestry));
}

/** Loads an entry with what every rule about it needs; refuses (404) anyone who may not even see it. */
export async function loadEntryContext(
  deps: Deps,
  actor: Actor,
  entryId: string,
  db: Executor = deps.db.kysely,
): Promise<EntryContext> {
  const entry = await entryRepository.findById(db, entryId);
  if (!entry) throw entryErrors.notFound();
  const units = await loadUnitIndex(db);
  const ancestry = units.ancestry(entry.org_unit_id);
  // Out-of-scope callers learn nothing, not even that the entry exists.
  if (
    !entryAllowed(actor, 'entry.view', entry, ancestry) &&
    !(await judgeIsAssigned(deps, actor, entry, ancestry, db))
  )
    throw entryErrors.notFound();
  const contest = await contestRepository.findById(db, entry.contest_id);
  if (!contest) throw entryErrors.notFound();
  return {
    entry,
    contest,
    config: parseConfig(contest),
    units,
    ancestry,
    resource: resourceOf(entry, ancestry),
  };
}

export function assertEntryAllowed(actor: Actor, action: Action, ctx: EntryContext): void {
  if (!entryAllowed(actor, action, ctx.entry, ctx.ancestry)) throw authErrors.forbidden();
}
