import { can, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { contestRepository } from '../contests/contest.repository.js';
import type { EntryRow } from '../entries/entry.repository.js';
import { CONTEST_POOL, currentAssignments, panelOf } from './judging-context.js';
import { judgingRepository } from './judging.repository.js';

/**
 * A judge sees an entry (its page, its media and technical report) exactly when it is assigned to them in
 * its round's panel, open or closed — whatever the entry's state, since a district jury scores entries that
 * are not published. A judge role alone shows nothing: conflicts and recusals take the entry away.
 */
export async function judgeIsAssigned(
  deps: Deps,
  actor: Actor,
  entry: EntryRow,
  ancestry: string[],
  db: Executor = deps.db.kysely,
): Promise<boolean> {
  const judgeRoles = actor.assignments.filter((a) => a.role === 'judge');
  const resource = {
    contestId: entry.contest_id,
    roundKey: entry.round_key,
    orgUnitId: entry.org_unit_id,
    orgUnitAncestry: ancestry,
  };
  // The role must still cover the entry's round and district: revoking it revokes the access.
  if (!can({ ...actor, assignments: judgeRoles }, 'entry.view', resource)) return false;
  const panel = await judgingRepository.findPanel(
    db,
    entry.contest_id,
    entry.round_key,
    entry.scope_unit_id ?? CONTEST_POOL,
  );
  if (!panel) return false;
  if (!(await judgingRepository.judges(db, panel.id)).some((j) => j.user_id === actor.userId)) return false;
  const contest = await contestRepository.findById(db, entry.contest_id);
  if (!contest) return false;
  const ctx = await panelOf(deps, null, contest, entry.round_key, entry.scope_unit_id, 'contest.view', db);
  return (await currentAssignments(db, ctx)).some(
    (a) => a.judgeId === actor.userId && a.entryId === entry.id,
  );
}
