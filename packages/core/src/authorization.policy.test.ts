import { describe, expect, it } from 'vitest';
import { actions, can, roles } from './authorization.policy.js';
import type { Action, Actor, Resource, Role, RoleAssignment } from './authorization.policy.js';

// Org tree used throughout: province P → districts D1, D2 → communes K1 (in D1), K2 (in D2).
const C1 = 'contest-1';
const C2 = 'contest-2';

/** The scope each role is assigned with in the matrix. */
const assignmentFor: Record<Role, RoleAssignment> = {
  admin: { role: 'admin', contestId: null, roundKey: null, orgUnitId: null },
  organizer: { role: 'organizer', contestId: C1, roundKey: null, orgUnitId: null },
  secretary: { role: 'secretary', contestId: C1, roundKey: null, orgUnitId: null },
  assistant: { role: 'assistant', contestId: C1, roundKey: null, orgUnitId: null },
  judge: { role: 'judge', contestId: C1, roundKey: 'final', orgUnitId: null },
  coordinator: { role: 'coordinator', contestId: C1, roundKey: null, orgUnitId: 'D1' },
  team: { role: 'team', contestId: C1, roundKey: null, orgUnitId: 'K1' },
  voter: { role: 'voter', contestId: C1, roundKey: null, orgUnitId: null },
  observer: { role: 'observer', contestId: C1, roundKey: null, orgUnitId: null },
};

const scenarios = {
  inScope: { contestId: C1, roundKey: 'final', orgUnitId: 'K1', orgUnitAncestry: ['P', 'D1', 'K1'] },
  otherDistrict: { contestId: C1, roundKey: 'final', orgUnitId: 'K2', orgUnitAncestry: ['P', 'D2', 'K2'] },
  otherContest: { contestId: C2, roundKey: 'final', orgUnitId: 'K1', orgUnitAncestry: ['P', 'D1', 'K1'] },
} satisfies Record<string, Resource>;
type Scenario = keyof typeof scenarios;

/**
 * The expectation table: for each action, which roles are allowed
 * [in scope, on an entry of another district, in another contest].
 */
const matrix: Record<Action, [Role[], Role[], Role[]]> = {
  'contest.view': [
    ['admin', 'organizer', 'secretary', 'assistant', 'judge', 'coordinator', 'team', 'voter', 'observer'],
    ['admin', 'organizer', 'secretary', 'assistant', 'judge', 'voter', 'observer'],
    ['admin'],
  ],
  'contest.configure': [['organizer'], ['organizer'], []],
  'contest.extendWindow': [['organizer'], ['organizer'], []],
  'contest.approveResults': [['organizer'], ['organizer'], []],
  'orgUnit.view': [
    ['admin', 'organizer', 'secretary', 'coordinator', 'team', 'observer'],
    ['admin', 'organizer', 'secretary', 'observer'],
    ['admin'],
  ],
  'orgUnit.import': [['admin'], ['admin'], ['admin']],
  'user.manage': [['admin'], ['admin'], ['admin']],
  'role.assign': [['admin', 'organizer'], ['admin', 'organizer'], ['admin']],
  'team.manage': [['coordinator', 'team'], [], []],
  'entry.create': [['team'], [], []],
  'entry.view': [
    ['organizer', 'secretary', 'assistant', 'judge', 'coordinator', 'team', 'observer'],
    ['organizer', 'secretary', 'assistant', 'judge', 'observer'],
    [],
  ],
  'entry.edit': [['team'], [], []],
  'entry.withdraw': [['team'], [], []],
  'entry.nominate': [['coordinator'], [], []],
  'entry.receive': [['secretary'], ['secretary'], []],
  'entry.publish': [['assistant'], ['assistant'], []],
  'entry.score': [['judge'], ['judge'], []],
  'engagement.record': [['secretary'], ['secretary'], []],
  'engagement.confirm': [['secretary'], ['secretary'], []],
  'vote.cast': [['voter'], ['voter'], []],
  'vote.void': [['secretary'], ['secretary'], []],
  'results.compute': [['secretary'], ['secretary'], []],
  'results.view': [['organizer', 'secretary', 'observer'], ['organizer', 'secretary', 'observer'], []],
  'results.approve': [['organizer', 'coordinator'], ['organizer'], []],
  'judging.manage': [['organizer', 'coordinator'], ['organizer'], []],
  'judging.follow': [['organizer', 'secretary', 'coordinator'], ['organizer', 'secretary'], []],
  'report.view': [['organizer', 'secretary', 'observer'], ['organizer', 'secretary', 'observer'], []],
  'audit.view': [['admin', 'organizer'], ['admin', 'organizer'], ['admin']],
  'question.moderate': [['assistant'], ['assistant'], []],
  'announcement.manage': [['assistant'], ['assistant'], []],
};

const actorWith = (...assignments: RoleAssignment[]): Actor => ({ userId: 'u1', assignments });

describe('can — full matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(matrix).sort()).toEqual([...actions].sort());
  });

  const cases = actions.flatMap((action) =>
    roles.flatMap((role) =>
      (['inScope', 'otherDistrict', 'otherContest'] as const).map(
        (scenario, i) => [action, role, scenario, matrix[action][i]?.includes(role) ?? false] as const,
      ),
    ),
  );

  it.each(cases)('%s by %s (%s) → %s', (action: Action, role: Role, scenario: Scenario, allowed: boolean) => {
    expect(can(actorWith(assignmentFor[role]), action, scenarios[scenario])).toBe(allowed);
  });
});

describe('can — scope rules', () => {
  const judge = actorWith(assignmentFor.judge);
  const coordinator = actorWith(assignmentFor.coordinator);
  const team = actorWith(assignmentFor.team);

  it('limits a judge to their round when the resource names one', () => {
    expect(can(judge, 'entry.score', { ...scenarios.inScope, roundKey: 'district' })).toBe(false);
    expect(can(judge, 'entry.score', scenarios.inScope)).toBe(true);
    expect(can(judge, 'contest.view', { contestId: C1 })).toBe(true);
  });

  it('lets a district coordinator act on its communes, and a team only on its commune', () => {
    expect(can(coordinator, 'entry.nominate', { contestId: C1, orgUnitAncestry: ['P', 'D1'] })).toBe(true);
    expect(can(team, 'entry.view', { contestId: C1, orgUnitAncestry: ['P', 'D1'] })).toBe(false);
    expect(can(team, 'entry.edit', { contestId: C1, orgUnitId: 'K1' })).toBe(true);
    expect(can(team, 'entry.edit', { contestId: C1, orgUnitId: 'K3' })).toBe(false);
  });

  it('needs the org unit of unit-bound resources, but not to view the contest', () => {
    expect(can(team, 'entry.edit', { contestId: C1 })).toBe(false);
    expect(can(coordinator, 'team.manage', { contestId: C1 })).toBe(false);
    expect(can(team, 'contest.view', { contestId: C1 })).toBe(true);
    expect(can(coordinator, 'orgUnit.view', { contestId: C1 })).toBe(true);
  });

  it('covers a resource without a contest only by platform-wide assignments', () => {
    expect(can(actorWith(assignmentFor.organizer), 'role.assign', {})).toBe(false);
    expect(can(actorWith(assignmentFor.admin), 'role.assign', {})).toBe(true);
    const anyContestVoter = actorWith({ role: 'voter', contestId: null, roundKey: null, orgUnitId: null });
    expect(can(anyContestVoter, 'vote.cast', { contestId: C2 })).toBe(true);
  });

  it('does not make admin a superuser', () => {
    const admin = actorWith(assignmentFor.admin);
    expect(can(admin, 'contest.configure', { contestId: C1 })).toBe(false);
    expect(can(admin, 'entry.score', scenarios.inScope)).toBe(false);
    expect(can(admin, 'results.view', scenarios.inScope)).toBe(false);
  });

  it('combines several assignments, and an actor without any may do nothing', () => {
    const both = actorWith(assignmentFor.team, { ...assignmentFor.judge, contestId: C2 });
    expect(can(both, 'entry.edit', scenarios.inScope)).toBe(true);
    expect(can(both, 'entry.score', scenarios.otherContest)).toBe(true);
    expect(can(both, 'entry.score', scenarios.inScope)).toBe(false);
    for (const action of actions) expect(can(actorWith(), action, scenarios.inScope)).toBe(false);
  });
});
