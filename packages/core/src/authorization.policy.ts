/**
 * Who may do what, as a pure function of the actor's role assignments and the resource's scope.
 *
 * A role grants an action (see `roleGrants`) on a resource only when one of the actor's assignments of that
 * role covers the resource on all three axes (`null` on the assignment = unrestricted on that axis):
 * - contest: the assignment's `contestId` equals `resource.contestId` (a resource without a contest is
 *   covered only by assignments with `contestId: null`);
 * - round: when both the assignment and the resource name a round, they must be the same;
 * - org unit: the assignment's `orgUnitId` must be in `resource.orgUnitAncestry` (root → unit ids, the
 *   unit included), so a district covers its communes and a commune only itself. When the resource names
 *   no org unit, a unit-scoped assignment covers it only for actions that are not `unitBoundActions`
 *   (e.g. a team may view its contest, but may edit only entries whose ancestry is given and contains it).
 *
 * `admin` is NOT a superuser: it runs the platform (accounts, roles, org units, audit) and can view
 * contests, but cannot configure a contest, see unpublished entries or results, or touch scores and votes.
 */
import type { LocalizedText } from './errors.js';

export const roles = [
  'admin',
  'organizer',
  'secretary',
  'assistant',
  'judge',
  'coordinator',
  'team',
  'voter',
  'observer',
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'contest.view',
  'contest.configure',
  'contest.extendWindow',
  'contest.approveResults',
  'orgUnit.view',
  'orgUnit.import',
  'user.manage',
  'role.assign',
  'team.manage',
  'entry.create',
  'entry.view',
  'entry.edit',
  'entry.withdraw',
  'entry.nominate',
  'entry.receive',
  'entry.publish',
  'entry.score',
  'engagement.record',
  'engagement.confirm',
  'vote.cast',
  'vote.void',
  'results.compute',
  'results.view',
  'results.approve',
  'judging.manage',
  'judging.follow',
  'report.view',
  'audit.view',
  'question.moderate',
  'announcement.manage',
] as const;
export type Action = (typeof actions)[number];

export interface RoleAssignment {
  role: Role;
  /** `null`: every contest (platform-wide). */
  contestId: string | null;
  /** `null`: every round. */
  roundKey: string | null;
  /** `null`: every org unit. */
  orgUnitId: string | null;
}

export interface Actor {
  userId: string;
  assignments: readonly RoleAssignment[];
}

export interface Resource {
  contestId?: string;
  roundKey?: string;
  orgUnitId?: string;
  /** Root → unit ids, the unit included (see `ancestorsOf`). Falls back to `[orgUnitId]`. */
  orgUnitAncestry?: readonly string[];
  /** Informational (e.g. for audit); `can` decides on scope, not ownership. */
  ownerUserId?: string;
}

/** What each role may do (inside the scope of its assignment). */
export const roleGrants: Readonly<Record<Role, readonly Action[]>> = {
  admin: ['contest.view', 'orgUnit.view', 'orgUnit.import', 'user.manage', 'role.assign', 'audit.view'],
  organizer: [
    'contest.view',
    'contest.configure',
    'contest.extendWindow',
    'contest.approveResults',
    'orgUnit.view',
    'role.assign',
    'entry.view',
    'results.view',
    'results.approve',
    'judging.manage',
    'judging.follow',
    'report.view',
    'audit.view',
  ],
  secretary: [
    'contest.view',
    'orgUnit.view',
    'entry.view',
    'entry.receive',
    'engagement.record',
    'engagement.confirm',
    'vote.void',
    'results.compute',
    'results.view',
    'judging.follow',
    'report.view',
  ],
  assistant: ['contest.view', 'entry.view', 'entry.publish', 'question.moderate', 'announcement.manage'],
  judge: ['contest.view', 'entry.view', 'entry.score'],
  // For a district preliminary judged by a jury, the coordinator runs the panel of their district.
  coordinator: [
    'contest.view',
    'orgUnit.view',
    'team.manage',
    'entry.view',
    'entry.nominate',
    'judging.manage',
    'judging.follow',
    'results.approve',
  ],
  team: [
    'contest.view',
    'orgUnit.view',
    'team.manage',
    'entry.create',
    'entry.edit',
    'entry.withdraw',
    'entry.view',
  ],
  voter: ['contest.view', 'vote.cast'],
  observer: ['contest.view', 'orgUnit.view', 'entry.view', 'results.view', 'report.view'],
};

/** Actions whose resource always lies inside one org unit (a unit-scoped role needs its ancestry). */
export const unitBoundActions: readonly Action[] = [
  'team.manage',
  'entry.create',
  'entry.view',
  'entry.edit',
  'entry.withdraw',
  'entry.nominate',
  'entry.receive',
  'entry.publish',
  'entry.score',
  'judging.manage',
  'judging.follow',
  'results.approve',
];

/** True when `assignment` covers `resource` for `action` (ignoring whether the role grants it). */
export function coversScope(assignment: RoleAssignment, action: Action, resource: Resource): boolean {
  if (assignment.contestId !== null && assignment.contestId !== resource.contestId) return false;
  if (
    assignment.roundKey !== null &&
    resource.roundKey !== undefined &&
    assignment.roundKey !== resource.roundKey
  ) {
    return false;
  }
  if (assignment.orgUnitId !== null) {
    const ancestry =
      resource.orgUnitAncestry ?? (resource.orgUnitId !== undefined ? [resource.orgUnitId] : undefined);
    if (ancestry === undefined) return !unitBoundActions.includes(action);
    if (!ancestry.includes(assignment.orgUnitId)) return false;
  }
  return true;
}

/** Whether `actor` may perform `action` on `resource`. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return actor.assignments.some(
    (a) => roleGrants[a.role].includes(action) && coversScope(a, action, resource),
  );
}

/** The roles that grant `action` (for UIs that explain who can do what). */
export function rolesGranting(action: Action): Role[] {
  return roles.filter((r) => roleGrants[r].includes(action));
}

export const roleLabels: Readonly<Record<Role, LocalizedText>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  organizer: { vi: 'Ban Tổ chức', en: 'Organizer' },
  secretary: { vi: 'Tổ thư ký', en: 'Secretariat' },
  assistant: { vi: 'Tổ giúp việc', en: 'Assistant' },
  judge: { vi: 'Ban Giám khảo', en: 'Judge' },
  coordinator: { vi: 'Điều phối đơn vị', en: 'Unit coordinator' },
  team: { vi: 'Tổ dự thi', en: 'Team' },
  voter: { vi: 'Người bình chọn', en: 'Voter' },
  observer: { vi: 'Quan sát viên', en: 'Observer' },
};
