import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../src/infra/db/ids.js';
import { createUser } from '../src/modules/accounts/user.service.js';
import { entryRepository } from '../src/modules/entries/entry.repository.js';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import { districtJuryContest, entryAt } from './support/judging-fixtures.js';
import { mp4Like } from './support/media-fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness, type Session } from './support/harness.js';

describe.each(dialects)('a judge sees exactly the entries assigned to them, on %s', (dialect) => {
  let h: Harness;
  let slug = '';
  let coordinator: Session;
  let judge: Session;
  let district = '';
  const entries: Record<string, string> = {};
  const bytes = mp4Like(4096);

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    const contest = await districtJuryContest(h.deps, 'qn-jvis-');
    slug = contest.slug;
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    coordinator = await signInAs(h.app, c.email, c.password);
    district = (await orgUnitRepository.findByCode(h.deps.db.kysely, '524'))?.id ?? '';
    // Unpublished ('submitted') entries of district 524, and one of district 527 judged by another panel.
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
    const other = await orgUnitRepository.findByCode(h.deps.db.kysely, '527');
    const [commune527] = await orgUnitRepository.children(h.deps.db.kysely, other?.id ?? '');
    entries.elsewhere = (
      await entryAt(h.deps, contest.id, {
        communeCode: commune527?.code ?? '',
        roundKey: 'district',
        status: 'submitted',
        scopeUnitCode: '527',
        createdBy: c.id,
      })
    ).id;
    // Every entry has a stored original, so the video endpoint answers for those who may see it.
    for (const id of Object.values(entries)) {
      const mediaId = newId();
      const key = `test/${mediaId}.mp4`;
      await h.deps.storage.put(key, bytes, { contentType: 'video/mp4' });
      await entryRepository.insertMedia(h.deps.db.kysely, {
        id: mediaId,
        entry_id: id,
        upload_id: newId(),
        kind: 'original',
        storage_key: key,
        filename: 'clip.mp4',
        container: 'mp4',
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        created_by: c.id,
        created_at: nowIso(h.deps.clock),
      });
      await h.deps.db.kysely
        .updateTable('entries')
        .set({ original_media_id: mediaId })
        .where('id', '=', id)
        .execute();
    }
    const email = `${unique('vj')}@test.clipcontest.vn`.toLowerCase();
    await createUser(h.deps, null, { email, name: 'Giám khảo xem', password: TEST_PASSWORD });
    const home = (await orgUnitRepository.findByCode(h.deps.db.kysely, '21040'))?.id;
    const invited = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${slug}/rounds/district/judging/judges?unit=${district}`,
      headers: asUser(coordinator),
      payload: { email, name: 'Giám khảo xem', homeUnitId: home },
    });
    expect(invited.statusCode, invited.body).toBe(200);
    judge = await signInAs(h.app, email, TEST_PASSWORD);
  });
  afterAll(() => h.close());

  const get = (url: string) => h.app.inject({ method: 'GET', url, headers: asUser(judge) });
  const codes = async (id: string | undefined) => [
    (await get(`/api/entries/${id}`)).statusCode,
    (await get(`/api/entries/${id}/media-status`)).statusCode,
    (await get(`/api/entries/${id}/media/original`)).statusCode,
  ];

  it('opens an assigned, unpublished entry: page, technical report and video', async () => {
    expect(await codes(entries['21043'])).toEqual([200, 200, 200]);
    const video = await get(`/api/entries/${entries['21043']}/media/original`);
    expect(video.rawPayload.equals(bytes)).toBe(true);
    const page = (await get(`/api/entries/${entries['21043']}`)).json<{ actions: string[] }>();
    expect(page.actions).toEqual([]);
  });

  it('refuses (404) an entry of their own commune, another district, and the entry list', async () => {
    expect(await codes(entries['21040'])).toEqual([404, 404, 404]);
    expect(await codes(entries.elsewhere)).toEqual([404, 404, 404]);
    const list = await get(`/api/contests/${slug}/entries`);
    expect(list.json<{ entries: unknown[] }>().entries).toEqual([]);
  });

  it('loses the entry on recusal, keeps the others once the panel is closed', async () => {
    const recused = await h.app.inject({
      method: 'POST',
      url: `/api/judging/entries/${entries['21046']}/recuse`,
      headers: asUser(judge),
      payload: { reason: 'Tôi quen tác giả.' },
    });
    expect(recused.statusCode, recused.body).toBe(200);
    expect(await codes(entries['21046'])).toEqual([404, 404, 404]);
    const closed = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${slug}/rounds/district/judging/close?unit=${district}`,
      headers: asUser(coordinator),
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await codes(entries['21043'])).toEqual([200, 200, 200]);
  });
});
