import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { startHarness, type Harness } from './support/harness.js';
import { entriesIn, verifiedVoter } from './support/voting-fixtures.js';

interface Gallery {
  districts: Array<{ id: string; name: string }>;
  entries: Array<{ id: string; title: string; likes: number | null; district: { id: string } | null }>;
  voting: { status: string; countsHidden: boolean };
}

describe.each(dialects)('public site (%s)', (dialect) => {
  let h: Harness;
  let contest: Awaited<ReturnType<typeof createTestContest>>;
  let ids: string[];

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'voting');
    ids = [
      ...(await entriesIn(h.deps, contest, 'published', 2, '21040')),
      ...(await entriesIn(h.deps, contest, 'published', 1, '21043')),
    ];
    await entriesIn(h.deps, contest, 'accepted', 1, '21040');
  });
  afterAll(() => h.close());

  const gallery = async (query = '') => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/public/contests/${contest.slug}/entries${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<Gallery>();
  };

  it('lists published entries only, filters by district, searches and sorts by likes', async () => {
    const all = await gallery();
    expect(all.entries.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(all.voting).toMatchObject({ status: 'open', countsHidden: false });
    const district = all.entries.find((e) => e.id === ids[2])?.district?.id ?? '';
    expect(all.districts.length).toBeGreaterThanOrEqual(1);
    const filtered = await gallery(`?district=${district}`);
    expect(filtered.entries.every((e) => e.district?.id === district)).toBe(true);
    const title = all.entries[0]?.title ?? '';
    expect((await gallery(`?q=${encodeURIComponent(title.slice(-8))}`)).entries.map((e) => e.title)).toEqual([
      title,
    ]);
    const voter = await verifiedVoter(h);
    await h.app.inject({ method: 'POST', url: `/api/entries/${ids[1]}/like`, headers: { cookie: voter } });
    expect((await gallery('?sort=likes')).entries[0]).toMatchObject({ id: ids[1], likes: 1 });
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/public/entries/${ids[1]}`,
      headers: { cookie: voter },
    });
    expect(detail.json()).toMatchObject({ likes: 1, mine: { liked: true, shared: false }, members: [] });
  });

  it('hides counts during the configured last days', async () => {
    const hidden = await createTestContest(h.deps, 'voting');
    const config = {
      ...hidden.config,
      audienceFormula: { ...hidden.config.audienceFormula!, hideCountsLastDays: 30 },
    };
    await h.deps.db.kysely
      .updateTable('contests')
      .set({ config_json: JSON.stringify(config), version: 2 })
      .where('id', '=', hidden.id)
      .execute();
    const [id] = await entriesIn(h.deps, hidden, 'published', 1);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/public/contests/${hidden.slug}/entries?sort=likes`,
    });
    expect(res.json<Gallery>().voting.countsHidden).toBe(true);
    expect(res.json<Gallery>().entries[0]?.likes).toBeNull();
    const liked = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/like`,
      headers: { cookie: await verifiedVoter(h) },
    });
    expect(liked.json()).toMatchObject({ liked: true, likes: null, shares: null });
  });

  it('serves the entry URL as HTML with Open Graph tags and a readable body, without JavaScript', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/c/${contest.slug}/e/${ids[0]}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    const title = (await gallery()).entries.find((e) => e.id === ids[0])?.title ?? '';
    expect(html).toContain(`<meta property="og:title" content="${title} · `);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
    expect(html).toContain(
      `<meta property="og:url" content="http://clipcontest.test/c/${contest.slug}/e/${ids[0]}"`,
    );
    expect(html).toContain('<meta name="twitter:card"');
    expect(html).toContain(`<h1>${title}</h1>`);
    const hiddenEntry = await entriesIn(h.deps, contest, 'accepted', 1);
    expect(
      (await h.app.inject({ method: 'GET', url: `/c/${contest.slug}/e/${hiddenEntry[0]}` })).statusCode,
    ).toBe(404);
  });
});
