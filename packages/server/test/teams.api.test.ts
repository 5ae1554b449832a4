import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness, type Session } from './support/harness.js';

describe.each(dialects)('teams on %s', (dialect) => {
  let h: Harness;
  let contest: Awaited<ReturnType<typeof createTestContest>>;
  let coordinator: Session;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'production');
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '530' });
    coordinator = await signInAs(h.app, c.email, c.password);
  });
  afterAll(() => h.close());

  const unitId = async (code: string) => (await orgUnitRepository.findByCode(h.deps.db.kysely, code))?.id;

  it('takes a self-registration from the public site, pending until the district coordinator approves it', async () => {
    const leader = `${unique('lead')}@test.clipcontest.vn`;
    const payload = {
      orgUnitId: await unitId('21331'),
      name: 'Tổ CNSCĐ xã Sơn Bua',
      members: [
        { name: 'Đinh Văn Nam', position: 'Tổ trưởng', phone: '0912345678', email: leader, isLeader: true },
        { name: 'Đinh Thị Hoa', position: 'Thành viên', isLeader: false },
      ],
    };
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/public/contests/${contest.slug}/team-registrations`,
      payload,
    });
    expect(res.statusCode).toBe(201);
    const team = res.json<{ id: string; status: string; districtName: string }>();
    expect(team).toMatchObject({ status: 'pending', districtName: 'Huyện Sơn Tây' });
    expect(h.inbox.some((m) => m.to === leader)).toBe(false);
    const twice = await h.app.inject({
      method: 'POST',
      url: `/api/public/contests/${contest.slug}/team-registrations`,
      payload,
    });
    expect(twice.json<{ code: string }>().code).toBe('team_exists');

    const listed = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}/teams`,
      headers: { cookie: coordinator.cookie },
    });
    expect(listed.json<{ teams: Array<{ id: string }> }>().teams.map((t) => t.id)).toContain(team.id);
    const approved = await h.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/approve`,
      headers: asUser(coordinator),
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const welcome = h.inbox.find((m) => m.to === leader);
    expect(welcome?.text).toContain('/reset-password?token=');
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/approve`,
      headers: asUser(coordinator),
    });
    expect(again.json<{ code: string }>().code).toBe('team_already_approved');
  });

  it('refuses teams outside the coordinator’s district, above the commune level, or without a leader', async () => {
    const member = { name: 'A', position: 'Tổ trưởng', email: `${unique()}@x.vn`, isLeader: true };
    const other = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/teams`,
      headers: asUser(coordinator),
      payload: { orgUnitId: await unitId('21040'), name: 'Ngoài huyện', members: [member] },
    });
    expect(other.statusCode).toBe(403);
    const district = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/teams`,
      headers: asUser(coordinator),
      payload: { orgUnitId: await unitId('530'), name: 'Cấp huyện', members: [member] },
    });
    expect(district.json<{ code: string }>().code).toBe('team_unit_level');
    const noLeader = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/teams`,
      headers: asUser(coordinator),
      payload: {
        orgUnitId: await unitId('21334'),
        name: 'Không tổ trưởng',
        members: [{ ...member, isLeader: false }],
      },
    });
    expect(noLeader.json<{ code: string }>().code).toBe('team_leader_required');
  });
});
