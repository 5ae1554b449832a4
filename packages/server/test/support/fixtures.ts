import { readFile } from 'node:fs/promises';
import { demoContestConfig, type ContestConfig, type DemoPhase, type Role } from '@clipcontest/core';
import type { Deps } from '../../src/infra/context.js';
import { assignRole, createUser } from '../../src/modules/accounts/user.service.js';
import { createContest } from '../../src/modules/contests/contest.service.js';
import { ORG_FILE } from '../../src/modules/demo/demo.service.js';
import { orgUnitRepository } from '../../src/modules/org-units/org-unit.repository.js';
import { importOrgUnits } from '../../src/modules/org-units/org-unit.service.js';
import { unique } from './harness.js';

export const TEST_PASSWORD = 'correct horse battery';

export async function ensureQuangNgai(deps: Deps): Promise<void> {
  await importOrgUnits(deps, null, JSON.parse(await readFile(ORG_FILE, 'utf8')) as unknown);
}

/** The reference contest under a unique slug, timed so that `now` is in `phase`. */
export async function createTestContest(
  deps: Deps,
  phase: DemoPhase = 'voting',
): Promise<{ id: string; slug: string; config: ContestConfig }> {
  const slug = unique('qn-');
  const config = { ...demoContestConfig({ phase, now: deps.clock.now() }), slug };
  const row = await createContest(deps, null, config);
  return { id: row.id, slug, config };
}

export async function createStaff(
  deps: Deps,
  role: Role,
  scope: { contestId?: string; orgUnitCode?: string; roundKey?: string } = {},
): Promise<{ id: string; email: string; password: string }> {
  const email = `${unique(role)}@test.clipcontest.vn`;
  const user = await createUser(deps, null, { email, name: `Test ${role}`, password: TEST_PASSWORD });
  const unit = scope.orgUnitCode
    ? await orgUnitRepository.findByCode(deps.db.kysely, scope.orgUnitCode)
    : undefined;
  await assignRole(deps, null, user.id, {
    role,
    contestId: scope.contestId ?? null,
    orgUnitId: unit?.id ?? null,
    roundKey: scope.roundKey ?? null,
  });
  return { id: user.id, email, password: TEST_PASSWORD };
}
