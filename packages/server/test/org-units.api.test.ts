import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_FILE } from '../src/modules/demo/demo.service.js';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { importOrgUnits } from '../src/modules/org-units/org-unit.service.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import {
  asUser,
  signInAs,
  signInWithTotp,
  startHarness,
  unique,
  type Harness,
  type Session,
} from './support/harness.js';

interface UnitPage {
  unit: { id: string; code: string; name: string };
  ancestors: Array<{ code: string }>;
  children: Array<{ code: string }>;
}

describe.each(dialects)('org units on %s', (dialect) => {
  let h: Harness;
  let coordinator: Session;
  let team: Session;
  const idOf = async (code: string) => (await orgUnitRepository.findByCode(h.deps.db.kysely, code))?.id ?? '';

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    const contest = await createTestContest(h.deps);
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    coordinator = await signInAs(h.app, c.email, c.password);
    const t = await createStaff(h.deps, 'team', { contestId: contest.id, orgUnitCode: '21040' });
    team = await signInAs(h.app, t.email, t.password);
  });
  afterAll(() => h.close());

  it('imports the Quảng Ngãi 2023 file: 1 province, 13 district-level units, 173 communes; twice gives the same rows', async () => {
    const file = JSON.parse(await readFile(ORG_FILE, 'utf8')) as unknown;
    const again = await importOrgUnits(h.deps, null, file);
    expect(again).toMatchObject({ total: 187, created: 0, updated: 0, unchanged: 187 });
    const province = await orgUnitRepository.findByCode(h.deps.db.kysely, '51');
    const tree = await orgUnitRepository.subtree(h.deps.db.kysely, province?.id ?? '');
    expect(tree.filter((u) => u.level === 'district')).toHaveLength(13);
    expect(tree.filter((u) => u.level === 'commune')).toHaveLength(173);
    const snapshot = JSON.stringify(tree);
    await importOrgUnits(h.deps, null, file);
    expect(JSON.stringify(await orgUnitRepository.subtree(h.deps.db.kysely, province?.id ?? ''))).toBe(
      snapshot,
    );
  });

  it('imports through the API as an admin, upserting by code (a renamed unit is updated, not duplicated)', async () => {
    const admin = await createStaff(h.deps, 'admin');
    const s = await signInWithTotp(h, admin.email, admin.password);
    const root = unique('P');
    const tree = {
      code: root,
      name: 'Tỉnh Thử',
      kind: 'province',
      level: 'province',
      children: [{ code: `${root}-1`, name: 'Xã Một', kind: 'commune', level: 'commune' }],
    };
    const first = await h.app.inject({
      method: 'POST',
      url: '/api/org-units/import',
      headers: asUser(s),
      payload: tree,
    });
    expect(first.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const renamed = {
      ...tree,
      children: [{ code: `${root}-1`, name: 'Xã Một Mới', kind: 'commune', level: 'commune' }],
    };
    const second = await h.app.inject({
      method: 'POST',
      url: '/api/org-units/import',
      headers: asUser(s),
      payload: renamed,
    });
    expect(second.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/org-units/import',
      headers: asUser(s),
      payload: { code: '', children: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string; issues: unknown[] }>()).toMatchObject({ code: 'invalid_org_file' });
    const asCoordinator = await h.app.inject({
      method: 'POST',
      url: '/api/org-units/import',
      headers: asUser(coordinator),
      payload: tree,
    });
    expect(asCoordinator.statusCode).toBe(403);
  });

  it('shows a coordinator their district and its communes, and refuses another district', async () => {
    const own = await h.app.inject({
      method: 'GET',
      url: `/api/org-units/${await idOf('524')}`,
      headers: { cookie: coordinator.cookie },
    });
    expect(own.statusCode).toBe(200);
    const page = own.json<UnitPage>();
    expect(page.unit.name).toBe('Huyện Bình Sơn');
    expect(page.ancestors.map((a) => a.code)).toEqual(['51']);
    expect(page.children).toHaveLength(22);
    const commune = await h.app.inject({
      method: 'GET',
      url: `/api/org-units/${await idOf('21040')}`,
      headers: { cookie: coordinator.cookie },
    });
    expect(commune.statusCode).toBe(200);
    const other = await h.app.inject({
      method: 'GET',
      url: `/api/org-units/${await idOf('527')}`,
      headers: { cookie: coordinator.cookie },
    });
    expect(other.statusCode).toBe(403);
    const missing = await h.app.inject({
      method: 'GET',
      url: '/api/org-units/nope',
      headers: { cookie: coordinator.cookie },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows a team only its own commune', async () => {
    const own = await h.app.inject({
      method: 'GET',
      url: `/api/org-units/${await idOf('21040')}`,
      headers: { cookie: team.cookie },
    });
    expect(own.statusCode).toBe(200);
    const district = await h.app.inject({
      method: 'GET',
      url: `/api/org-units/${await idOf('524')}`,
      headers: { cookie: team.cookie },
    });
    expect(district.statusCode).toBe(403);
    const anon = await h.app.inject({ method: 'GET', url: `/api/org-units/${await idOf('524')}` });
    expect(anon.statusCode).toBe(401);
  });
});
