import { can, DomainError, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { accountRepository } from '../accounts/account.repository.js';
import { authErrors } from '../accounts/auth.errors.js';
import { normalizeEmail } from '../accounts/credentials.js';
import { requestPasswordReset } from '../accounts/password-reset.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { loadUnitIndex, type UnitIndex } from '../org-units/unit-index.js';
import { teamRepository, type TeamMemberRow, type TeamRow } from './team.repository.js';

export interface TeamMemberInput {
  name: string;
  position: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  isLeader: boolean;
}

export interface TeamView {
  id: string;
  contestId: string;
  orgUnitId: string;
  orgUnitName: string;
  districtName: string | null;
  name: string;
  status: 'pending' | 'approved';
  members: Array<{
    id: string;
    name: string;
    position: string;
    phone: string | null;
    email: string | null;
    isLeader: boolean;
  }>;
}

export const teamErrors = {
  notFound: () =>
    new DomainError('not_found', 'team_not_found', {
      vi: 'Không tìm thấy tổ dự thi.',
      en: 'Team not found.',
    }),
  exists: () =>
    new DomainError('conflict', 'team_exists', {
      vi: 'Đơn vị này đã đăng ký tổ dự thi.',
      en: 'This unit already has a registered team.',
    }),
  wrongLevel: () =>
    new DomainError('bad_request', 'team_unit_level', {
      vi: 'Tổ dự thi phải thuộc một đơn vị cấp xã.',
      en: 'A team must belong to a unit at the entrant level (commune).',
    }),
  leaderRequired: () =>
    new DomainError('bad_request', 'team_leader_required', {
      vi: 'Cần ít nhất một tổ trưởng có email.',
      en: 'At least one leader with an email is required.',
    }),
  alreadyApproved: () =>
    new DomainError('conflict', 'team_already_approved', {
      vi: 'Tổ đã được duyệt.',
      en: 'The team is already approved.',
    }),
};

function toView(team: TeamRow, members: TeamMemberRow[], units: UnitIndex): TeamView {
  const path = units.path(team.org_unit_id);
  return {
    id: team.id,
    contestId: team.contest_id,
    orgUnitId: team.org_unit_id,
    orgUnitName: units.get(team.org_unit_id)?.name ?? '',
    districtName: path.length >= 3 ? (path[path.length - 2]?.name ?? null) : null,
    name: team.name,
    status: team.status,
    members: members
      .filter((m) => m.team_id === team.id)
      .map((m) => ({
        id: m.id,
        name: m.name,
        position: m.position,
        phone: m.phone,
        email: m.email,
        isLeader: m.is_leader === 1,
      })),
  };
}

/** Leaders get a team account scoped to their commune (created with a set-password email if new). */
async function provisionLeaders(
  trx: Executor,
  deps: Deps,
  team: TeamRow,
  members: TeamMemberRow[],
  actorId: string | null,
): Promise<string[]> {
  const invite: string[] = [];
  for (const m of members.filter((x) => x.is_leader === 1 && x.email)) {
    const email = normalizeEmail(m.email ?? '');
    let user = await accountRepository.findUserByEmail(trx, email);
    if (!user) {
      const at = nowIso(deps.clock);
      user = {
        id: newId(),
        email,
        name: m.name,
        password_hash: null,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        disabled: 0,
        created_at: at,
        updated_at: at,
      };
      await accountRepository.insertUser(trx, user);
      invite.push(email);
    }
    const row = {
      user_id: user.id,
      role: 'team',
      contest_id: team.contest_id,
      round_key: null,
      org_unit_id: team.org_unit_id,
    };
    if (!(await accountRepository.findSameAssignment(trx, row)))
      await accountRepository.insertAssignment(trx, { ...row, id: newId(), created_at: nowIso(deps.clock) });
    await teamRepository.linkMemberUser(trx, m.id, user.id);
    await recordAudit(trx, deps, {
      actorUserId: actorId,
      action: 'role.assigned',
      subjectType: 'user',
      subjectId: user.id,
      contestId: team.contest_id,
      data: { role: 'team', orgUnitId: team.org_unit_id, teamId: team.id },
    });
  }
  return invite;
}

/**
 * A coordinator registers a team of one of their communes (approved at once); without an actor this is a
 * team's self-registration from the public site, which waits for the coordinator's approval.
 */
export async function registerTeam(
  deps: Deps,
  actor: Actor | null,
  slug: string,
  input: { orgUnitId: string; name: string; members: TeamMemberInput[] },
): Promise<TeamView> {
  const contest = await loadContest(deps, slug);
  const config = parseConfig(contest);
  const units = await loadUnitIndex(deps.db.kysely);
  const unit = units.get(input.orgUnitId);
  if (!unit || unit.level !== config.entrantLevel) throw teamErrors.wrongLevel();
  if (
    actor &&
    !can(actor, 'team.manage', {
      contestId: contest.id,
      orgUnitId: unit.id,
      orgUnitAncestry: units.ancestry(unit.id),
    })
  )
    throw authErrors.forbidden();
  if (!input.members.some((m) => m.isLeader && m.email?.trim())) throw teamErrors.leaderRequired();
  const at = nowIso(deps.clock);
  const team: TeamRow = {
    id: newId(),
    contest_id: contest.id,
    org_unit_id: unit.id,
    name: input.name.trim(),
    status: actor ? 'approved' : 'pending',
    created_at: at,
    created_by: actor?.userId ?? null,
    approved_at: actor ? at : null,
    approved_by: actor?.userId ?? null,
  };
  const members: TeamMemberRow[] = input.members.map((m, i) => ({
    id: newId(),
    team_id: team.id,
    name: m.name.trim(),
    position: m.position.trim(),
    phone: m.phone?.trim() || null,
    email: m.email?.trim() ? normalizeEmail(m.email) : null,
    is_leader: m.isLeader ? 1 : 0,
    user_id: null,
    sort: i,
  }));
  const invites = await inTransaction(deps, async (trx) => {
    if (await teamRepository.findByUnit(trx, contest.id, unit.id)) throw teamErrors.exists();
    await teamRepository.insert(trx, team, members);
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: actor ? 'team.registered' : 'team.self_registered',
      subjectType: 'team',
      subjectId: team.id,
      contestId: contest.id,
      data: { orgUnitId: unit.id, name: team.name, members: members.length },
    });
    return actor ? provisionLeaders(trx, deps, team, members, actor.userId) : [];
  });
  for (const email of invites) await requestPasswordReset(deps, email, 'welcome');
  return toView(team, members, units);
}

export async function approveTeam(deps: Deps, actor: Actor, teamId: string): Promise<TeamView> {
  const db = deps.db.kysely;
  const team = await teamRepository.findById(db, teamId);
  if (!team) throw teamErrors.notFound();
  const units = await loadUnitIndex(db);
  if (
    !can(actor, 'team.manage', {
      contestId: team.contest_id,
      orgUnitId: team.org_unit_id,
      orgUnitAncestry: units.ancestry(team.org_unit_id),
    })
  )
    throw authErrors.forbidden();
  const members = await teamRepository.members(db, [team.id]);
  const at = nowIso(deps.clock);
  const invites = await inTransaction(deps, async (trx) => {
    if (!(await teamRepository.approve(trx, team.id, actor.userId, at))) throw teamErrors.alreadyApproved();
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'team.approved',
      subjectType: 'team',
      subjectId: team.id,
      contestId: team.contest_id,
    });
    return provisionLeaders(trx, deps, { ...team, status: 'approved' }, members, actor.userId);
  });
  for (const email of invites) await requestPasswordReset(deps, email, 'welcome');
  return toView({ ...team, status: 'approved', approved_at: at, approved_by: actor.userId }, members, units);
}

/** The teams the actor may see: their commune, their district's communes, or all for contest staff. */
export async function listTeams(deps: Deps, actor: Actor, slug: string): Promise<TeamView[]> {
  const contest = await loadContest(deps, slug);
  if (!can(actor, 'contest.view', { contestId: contest.id })) throw authErrors.forbidden();
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const teams = (await teamRepository.listByContest(db, contest.id)).filter((t) =>
    can(actor, 'entry.view', {
      contestId: contest.id,
      orgUnitId: t.org_unit_id,
      orgUnitAncestry: units.ancestry(t.org_unit_id),
    }),
  );
  const members = await teamRepository.members(
    db,
    teams.map((t) => t.id),
  );
  return teams.map((t) => toView(t, members, units));
}
