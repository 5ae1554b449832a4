import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/accounts/user.service.js';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import { districtJuryContest, entryAt } from './support/judging-fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness, type Session } from './support/harness.js';

describe.each(dialects)(
  'a district preliminary judged by a jury, run by its coordinator, on %s',
  (dialect) => {
    let h: Harness;
    let slug = '';
    let coordinator: Session;
    let otherCoordinator: Session;
    let judge: Session;
    let judgeEmail = '';
    let district = '';
    const entries: Record<string, string> = {};

    beforeAll(async () => {
      h = await startHarness(dialect);
      await ensureQuangNgai(h.deps);
      const contest = await districtJuryContest(h.deps, 'qn-district-');
      slug = contest.slug;
      const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
      coordinator = await signInAs(h.app, c.email, c.password);
      const o = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '527' });
      otherCoordinator = await signInAs(h.app, o.email, o.password);
      district = (await orgUnitRepository.findByCode(h.deps.db.kysely, '524'))?.id ?? '';
      for (const code of ['21040', '21043', '21046'])
        entries[code] = (
          await entryAt(h.deps, contest.id, {
            communeCode: code,
            roundKey: 'district',
            status: 'submitted',
            scopeUnitCode: '524',
            createdBy: c.id,
          })
        ).id;
      judgeEmail = `${unique('dj')}@test.clipcontest.vn`.toLowerCase();
      await createUser(h.deps, null, { email: judgeEmail, name: 'Giám khảo huyện', password: TEST_PASSWORD });
    });
    afterAll(() => h.close());

    const url = (path: string) => `/api/contests/${slug}/rounds/district/${path}?unit=${district}`;

    it('lets the coordinator run their district panel, and only theirs', async () => {
      const home = (await orgUnitRepository.findByCode(h.deps.db.kysely, '21040'))?.id;
      const invited = await h.app.inject({
        method: 'POST',
        url: url('judging/judges'),
        headers: asUser(coordinator),
        payload: { email: judgeEmail, name: 'Giám khảo huyện', homeUnitId: home },
      });
      expect(invited.statusCode, invited.body).toBe(200);
      expect(invited.json<{ entryCount: number }>().entryCount).toBe(3);
      const foreign = await h.app.inject({
        method: 'GET',
        url: url('judging'),
        headers: asUser(otherCoordinator),
      });
      expect(foreign.statusCode).toBe(403);
      const noUnit = await h.app.inject({
        method: 'GET',
        url: `/api/contests/${slug}/rounds/district/judging`,
        headers: asUser(coordinator),
      });
      expect(noUnit.json<{ code: string }>().code).toBe('jury_unit_required');
    });

    it('keeps the conflict at commune level inside a district round', async () => {
      judge = await signInAs(h.app, judgeEmail, TEST_PASSWORD);
      const scores = { scores: { content: 8, form: 8, effectiveness: 8 } };
      const own = await h.app.inject({
        method: 'POST',
        url: `/api/judging/entries/${entries['21040']}/sheet/submit`,
        headers: asUser(judge),
        payload: scores,
      });
      expect(own.json<{ code: string }>().code).toBe('conflict_of_interest');
      for (const code of ['21043', '21046']) {
        const r = await h.app.inject({
          method: 'POST',
          url: `/api/judging/entries/${entries[code]}/sheet/submit`,
          headers: asUser(judge),
          payload: code === '21043' ? scores : { scores: { content: 6, form: 6, effectiveness: 6 } },
        });
        expect(r.statusCode, r.body).toBe(200);
      }
    });

    it('the coordinator closes, previews and approves; the results are public', async () => {
      const post = (s: Session, path: string) =>
        h.app.inject({ method: 'POST', url: url(path), headers: asUser(s) });
      expect((await post(otherCoordinator, 'judging/close')).statusCode).toBe(403);
      expect((await post(coordinator, 'judging/close')).statusCode).toBe(200);
      const preview = await h.app.inject({
        method: 'GET',
        url: url('results/preview'),
        headers: asUser(coordinator),
      });
      const rows = preview.json<{ rows: Array<{ entryId: string; final: number; finalist: boolean }> }>()
        .rows;
      // 24 / 30 × 100 = 80 and 18 / 30 × 100 = 60; the conflicted entry has no sheet.
      expect(rows.map((r) => [r.entryId, r.final])).toEqual([
        [entries['21043'], 80],
        [entries['21046'], 60],
        [entries['21040'], 0],
      ]);
      expect((await post(otherCoordinator, 'results/approve')).statusCode).toBe(403);
      const approved = await post(coordinator, 'results/approve');
      expect(approved.statusCode, approved.body).toBe(200);
      const pub = await h.app.inject({ method: 'GET', url: `/api/public/contests/${slug}/results` });
      expect(pub.json<{ panels: Array<{ poolName: string; rows: unknown[] }> }>().panels).toMatchObject([
        { poolName: 'Huyện Bình Sơn', rows: [{}, {}, {}] },
      ]);
    });
  },
);
