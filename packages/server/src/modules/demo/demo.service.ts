import { readFile } from 'node:fs/promises';
import { demoContestConfig, type DemoPhase, type Role } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { accountRepository } from '../accounts/account.repository.js';
import { toActor } from '../accounts/auth.service.js';
import { teamRepository } from '../teams/team.repository.js';
import { registerTeam } from '../teams/team.service.js';
import { assignRole, createUser } from '../accounts/user.service.js';
import { contestRepository } from '../contests/contest.repository.js';
import { createContest, updateContestConfig } from '../contests/contest.service.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import { importOrgUnits } from '../org-units/org-unit.service.js';
import { SETTING_REQUIRE_TOTP } from '../settings/setting.repository.js';
import { changeSetting } from '../settings/setting.service.js';
import { seedDemoJudging } from '../judging/judging-demo.js';

export const DEMO_SLUG = 'quang-ngai-2023';
export const DEMO_PASSWORD = 'demo-quangngai-2023';
export const ORG_FILE = new URL('../../../data/quang-ngai-2023.json', import.meta.url);

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
  scope: string;
}

// Bình Sơn (524) and its commune Bình Thạnh, plus a second district to show scoping at work.
const DEMO_USERS: Array<{ email: string; name: string; role: Role; unitCode?: string; contest: boolean }> = [
  { email: 'admin@demo.clipcontest.vn', name: 'Quản trị hệ thống', role: 'admin', contest: false },
  { email: 'bantochuc@demo.clipcontest.vn', name: 'Trưởng Ban Tổ chức', role: 'organizer', contest: true },
  { email: 'thuky@demo.clipcontest.vn', name: 'Tổ thư ký', role: 'secretary', contest: true },
  { email: 'giupviec@demo.clipcontest.vn', name: 'Tổ giúp việc', role: 'assistant', contest: true },
  { email: 'giamkhao1@demo.clipcontest.vn', name: 'Giám khảo 1', role: 'judge', contest: true },
  {
    email: 'binhson@demo.clipcontest.vn',
    name: 'Phòng VH&TT huyện Bình Sơn',
    role: 'coordinator',
    unitCode: '524',
    contest: true,
  },
  {
    email: 'sontinh@demo.clipcontest.vn',
    name: 'Phòng VH&TT huyện Sơn Tịnh',
    role: 'coordinator',
    unitCode: '527',
    contest: true,
  },
  {
    email: 'chauo@demo.clipcontest.vn',
    name: 'Tổ CNSCĐ thị trấn Châu Ổ',
    role: 'team',
    unitCode: '21040',
    contest: true,
  },
  {
    email: 'binhthuan@demo.clipcontest.vn',
    name: 'Tổ CNSCĐ xã Bình Thuận',
    role: 'team',
    unitCode: '21043',
    contest: true,
  },
  { email: 'quansat@demo.clipcontest.vn', name: 'UBND tỉnh (quan sát)', role: 'observer', contest: true },
];

/**
 * Seeds (or re-times) the reference contest so that today falls in `phase`. Idempotent: org units are
 * upserted, the contest's dates are shifted in place, and existing demo accounts are kept.
 */
export async function seedDemo(
  deps: Deps,
  phase: DemoPhase,
): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const orgFile = JSON.parse(await readFile(ORG_FILE, 'utf8')) as unknown;
  await importOrgUnits(deps, null, orgFile);
  const config = demoContestConfig({ phase, now: deps.clock.now() });
  const existing = await contestRepository.findBySlug(deps.db.kysely, DEMO_SLUG);
  const contestId = existing
    ? (
        await updateContestConfig(deps, null, DEMO_SLUG, {
          config,
          expectedVersion: existing.version,
          reason: `demo phase ${phase}`,
        })
      ).id
    : (await createContest(deps, null, config)).id;

  await changeSetting(
    deps,
    null,
    SETTING_REQUIRE_TOTP,
    false,
    'demo seed: lets a newcomer look around without an authenticator app',
  );

  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const unit = u.unitCode ? await orgUnitRepository.findByCode(deps.db.kysely, u.unitCode) : undefined;
    const user =
      (await accountRepository.findUserByEmail(deps.db.kysely, u.email)) ??
      (await createUser(deps, null, { email: u.email, name: u.name, password: DEMO_PASSWORD }));
    await assignRole(deps, null, user.id, {
      role: u.role,
      contestId: u.contest ? contestId : null,
      orgUnitId: unit?.id ?? null,
    });
    logins.push({
      role: u.role,
      email: u.email,
      name: u.name,
      scope: unit ? `${unit.name} (${unit.code})` : u.contest ? DEMO_SLUG : 'platform',
    });
  }
  await seedDemoTeams(deps, logins);
  await seedDemoJudging(deps, { id: contestId, slug: DEMO_SLUG }, phase, DEMO_PASSWORD);
  return { created: !existing, logins };
}

/** The demo's team accounts get their team rows, registered by the Bình Sơn coordinator, so they can submit. */
async function seedDemoTeams(deps: Deps, logins: DemoLogin[]): Promise<void> {
  const db = deps.db.kysely;
  const coordinator = await accountRepository.findUserByEmail(db, 'binhson@demo.clipcontest.vn');
  if (!coordinator) return;
  const actor = toActor(coordinator.id, await accountRepository.assignmentsOf(db, coordinator.id));
  const contest = await contestRepository.findBySlug(db, DEMO_SLUG);
  for (const login of logins.filter((l) => l.role === 'team')) {
    const spec = DEMO_USERS.find((u) => u.email === login.email);
    const unit = spec?.unitCode ? await orgUnitRepository.findByCode(db, spec.unitCode) : undefined;
    if (!unit || !contest || (await teamRepository.findByUnit(db, contest.id, unit.id))) continue;
    await registerTeam(deps, actor, DEMO_SLUG, {
      orgUnitId: unit.id,
      name: login.name,
      members: [
        {
          name: login.name.replace('Tổ CNSCĐ', 'Tổ trưởng'),
          position: 'Tổ trưởng',
          email: login.email,
          isLeader: true,
        },
        { name: 'Thành viên Tổ', position: 'Thành viên', isLeader: false },
      ],
    });
  }
}

export function formatDemoBanner(logins: DemoLogin[], url: string): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return [
    '',
    `clipcontest demo — ${url}`,
    `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.role.padEnd(12)} ${l.email.padEnd(width)}  ${l.scope}`),
    'NOTE: the demo seed turned OFF the TOTP requirement for admins and organizers so you can look around.',
    '      Turn it back on for real use: clipcontest settings set auth.requireTotpForStaff true',
    '',
  ].join('\n');
}
