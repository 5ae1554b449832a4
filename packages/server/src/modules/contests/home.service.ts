import { currentPhase, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { AssignmentView } from '../accounts/account.repository.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import { toOrgUnitView, type OrgUnitView } from '../org-units/org-unit.service.js';
import { contestRepository, type ContestRow } from './contest.repository.js';
import { parseConfig } from './contest.service.js';

/** What a signed-in person's home page lists: their contests (with their roles there) and units. */
export async function homeFor(deps: Deps, actor: Actor, assignments: AssignmentView[]) {
  const db = deps.db.kysely;
  const all = await contestRepository.list(db);
  const platformWide = assignments.some((a) => a.contest_id === null);
  const contests = all
    .map((row: ContestRow) => {
      const myRoles = [
        ...new Set(
          assignments.filter((a) => a.contest_id === row.id || a.contest_id === null).map((a) => a.role),
        ),
      ];
      return { row, myRoles };
    })
    .filter(
      ({ row, myRoles }) =>
        myRoles.length > 0 && (platformWide || assignments.some((a) => a.contest_id === row.id)),
    )
    .map(({ row, myRoles }) => {
      const c = parseConfig(row);
      return {
        id: row.id,
        slug: row.slug,
        title: c.title,
        phase: currentPhase(c, deps.clock.now()),
        myRoles,
      };
    });
  const unitIds = [
    ...new Set(assignments.map((a) => a.org_unit_id).filter((id): id is string => id !== null)),
  ];
  const orgUnits: OrgUnitView[] = [];
  for (const id of unitIds) {
    const u = await orgUnitRepository.findById(db, id);
    if (u) orgUnits.push(toOrgUnitView(u));
  }
  return { userId: actor.userId, contests, orgUnits };
}
