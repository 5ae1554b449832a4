import { can, DomainError, type Actor, type Role } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { contestRepository } from '../contests/contest.repository.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import { accountRepository, type AssignmentView, type UserRow } from './account.repository.js';
import { authErrors } from './auth.errors.js';
import { hashPassword, normalizeEmail } from './credentials.js';
import { assertPasswordStrength, requestPasswordReset } from './password-reset.service.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
  disabled: boolean;
  assignments: Array<{
    id: string;
    role: Role;
    contestId: string | null;
    contestSlug: string | null;
    roundKey: string | null;
    orgUnitId: string | null;
    orgUnitName: string | null;
  }>;
}

const toView = (u: UserRow, assignments: AssignmentView[]): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  totpEnabled: u.totp_enabled === 1,
  disabled: u.disabled === 1,
  assignments: assignments.map((a) => ({
    id: a.id,
    role: a.role as Role,
    contestId: a.contest_id,
    contestSlug: a.contest_slug,
    roundKey: a.round_key,
    orgUnitId: a.org_unit_id,
    orgUnitName: a.org_unit_name,
  })),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const errors = {
  emailTaken: () =>
    new DomainError('conflict', 'email_taken', {
      vi: 'Email này đã có tài khoản.',
      en: 'An account with this email already exists.',
    }),
  invalidEmail: () =>
    new DomainError('bad_request', 'invalid_email', {
      vi: 'Email không hợp lệ.',
      en: 'The email address is not valid.',
    }),
  userNotFound: () =>
    new DomainError('not_found', 'user_not_found', {
      vi: 'Không tìm thấy tài khoản.',
      en: 'Account not found.',
    }),
  assignmentNotFound: () =>
    new DomainError('not_found', 'assignment_not_found', {
      vi: 'Không tìm thấy phân quyền.',
      en: 'Role assignment not found.',
    }),
  contestNotFound: () =>
    new DomainError('not_found', 'contest_not_found', {
      vi: 'Không tìm thấy cuộc thi.',
      en: 'Contest not found.',
    }),
  orgUnitNotFound: () =>
    new DomainError('not_found', 'org_unit_not_found', {
      vi: 'Không tìm thấy đơn vị hành chính.',
      en: 'Administrative unit not found.',
    }),
  scopeRequired: () =>
    new DomainError('bad_request', 'role_scope_required', {
      vi: 'Vai trò này cần gắn với một cuộc thi (và đơn vị, nếu là điều phối viên hoặc tổ).',
      en: 'This role must be scoped to a contest (and to a unit for coordinators and teams).',
    }),
};

/** `actor` null means a trusted operator at the command line. */
function authorize(actor: Actor | null, ok: (a: Actor) => boolean): void {
  if (actor && !ok(actor)) throw authErrors.forbidden();
}

export async function createUser(
  deps: Deps,
  actor: Actor | null,
  input: { email: string; name: string; password?: string | undefined },
): Promise<UserView> {
  authorize(actor, (a) => can(a, 'user.manage', {}));
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw errors.invalidEmail();
  if (input.password !== undefined) assertPasswordStrength(input.password);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const at = nowIso(deps.clock);
  const user: UserRow = {
    id: newId(),
    email,
    name: input.name.trim(),
    password_hash: passwordHash,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    disabled: 0,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(deps, async (trx) => {
    if (await accountRepository.findUserByEmail(trx, email)) throw errors.emailTaken();
    await accountRepository.insertUser(trx, user);
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      data: { email, name: user.name },
    });
  });
  if (passwordHash === null) await requestPasswordReset(deps, email, 'welcome');
  return toView(user, []);
}

export async function listUsers(deps: Deps, actor: Actor): Promise<UserView[]> {
  authorize(actor, (a) => can(a, 'user.manage', {}));
  const users = await accountRepository.listUsers(deps.db.kysely);
  return Promise.all(
    users.map(async (u) => toView(u, await accountRepository.assignmentsOf(deps.db.kysely, u.id))),
  );
}

export interface AssignInput {
  role: Role;
  contestId?: string | null | undefined;
  roundKey?: string | null | undefined;
  orgUnitId?: string | null | undefined;
}

const NEEDS_CONTEST: ReadonlySet<Role> = new Set([
  'organizer',
  'secretary',
  'assistant',
  'judge',
  'coordinator',
  'team',
  'observer',
]);
const NEEDS_UNIT: ReadonlySet<Role> = new Set(['coordinator', 'team']);

export async function assignRole(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  input: AssignInput,
): Promise<UserView> {
  const contestId = input.contestId ?? null;
  const orgUnitId = input.orgUnitId ?? null;
  if ((NEEDS_CONTEST.has(input.role) && !contestId) || (NEEDS_UNIT.has(input.role) && !orgUnitId))
    throw errors.scopeRequired();
  const db = deps.db.kysely;
  const user = await accountRepository.findUserById(db, userId);
  if (!user) throw errors.userNotFound();
  if (contestId && !(await contestRepository.findById(db, contestId))) throw errors.contestNotFound();
  const ancestry = orgUnitId ? (await orgUnitRepository.ancestry(db, orgUnitId)).map((u) => u.id) : undefined;
  if (orgUnitId && !ancestry?.length) throw errors.orgUnitNotFound();
  // Granting platform-wide powers is itself a platform power.
  authorize(actor, (a) =>
    input.role === 'admin'
      ? can(a, 'user.manage', {})
      : can(a, 'role.assign', {
          ...(contestId ? { contestId } : {}),
          ...(ancestry ? { orgUnitId: orgUnitId ?? undefined, orgUnitAncestry: ancestry } : {}),
        }),
  );
  const row = {
    user_id: userId,
    role: input.role,
    contest_id: contestId,
    round_key: input.roundKey ?? null,
    org_unit_id: orgUnitId,
  };
  await inTransaction(deps, async (trx) => {
    if (await accountRepository.findSameAssignment(trx, row)) return;
    const id = newId();
    await accountRepository.insertAssignment(trx, { ...row, id, created_at: nowIso(deps.clock) });
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'role.assigned',
      subjectType: 'user',
      subjectId: userId,
      contestId,
      data: { assignmentId: id, role: input.role, roundKey: row.round_key, orgUnitId },
    });
  });
  return toView(user, await accountRepository.assignmentsOf(db, userId));
}

export async function removeRole(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  assignmentId: string,
): Promise<UserView> {
  const db = deps.db.kysely;
  const assignment = await accountRepository.findAssignment(db, assignmentId);
  if (!assignment || assignment.user_id !== userId) throw errors.assignmentNotFound();
  const ancestry = assignment.org_unit_id
    ? (await orgUnitRepository.ancestry(db, assignment.org_unit_id)).map((u) => u.id)
    : undefined;
  authorize(actor, (a) =>
    assignment.role === 'admin'
      ? can(a, 'user.manage', {})
      : can(a, 'role.assign', {
          ...(assignment.contest_id ? { contestId: assignment.contest_id } : {}),
          ...(ancestry ? { orgUnitId: assignment.org_unit_id ?? undefined, orgUnitAncestry: ancestry } : {}),
        }),
  );
  await inTransaction(deps, async (trx) => {
    await accountRepository.deleteAssignment(trx, assignmentId);
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'role.removed',
      subjectType: 'user',
      subjectId: userId,
      contestId: assignment.contest_id,
      data: {
        assignmentId,
        role: assignment.role,
        roundKey: assignment.round_key,
        orgUnitId: assignment.org_unit_id,
      },
    });
  });
  const user = await accountRepository.findUserById(db, userId);
  if (!user) throw errors.userNotFound();
  return toView(user, await accountRepository.assignmentsOf(db, userId));
}

export { errors as userErrors };
