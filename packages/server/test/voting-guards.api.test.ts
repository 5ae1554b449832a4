import { demoContestConfig } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContest } from '../src/modules/contests/contest.service.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness } from './support/harness.js';
import { entriesIn, verifiedVoter } from './support/voting-fixtures.js';

describe.each(dialects)('voting guards (%s)', (dialect) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
  });
  afterAll(() => h.close());

  it('lets a visitor who is also signed in as staff like without the staff CSRF token; Origin still checked', async () => {
    const contest = await createTestContest(h.deps, 'voting');
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const staff = await createStaff(h.deps, 'assistant', { contestId: contest.id });
    const session = await signInAs(h.app, staff.email, staff.password);
    const voter = await verifiedVoter(h);
    // The browser sends both cookies; the public client never has the staff token.
    const cookie = `${session.cookie}; ${voter}`;
    const liked = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/like`,
      headers: { cookie, origin: 'http://localhost:8080', host: 'localhost:8080' },
    });
    expect(liked.statusCode).toBe(200);
    expect(liked.json()).toMatchObject({ liked: true, counted: true, likes: 1 });
    const crossSite = await h.app.inject({
      method: 'DELETE',
      url: `/api/entries/${id}/like`,
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:8080' },
    });
    expect(crossSite.statusCode).toBe(403);
    // Staff writes still need the token.
    const noToken = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/publish`,
      headers: { cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    const withToken = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/publish`,
      headers: asUser(session),
    });
    expect(withToken.statusCode).not.toBe(403);
  });

  it('enforces dailyShareLimitPerVoter per local day in the contest time zone', async () => {
    const base = demoContestConfig({ phase: 'voting', now: h.deps.clock.now() });
    const config = {
      ...base,
      slug: unique('qn-'),
      audienceFormula: { ...base.audienceFormula!, dailyShareLimitPerVoter: 2 },
    };
    const row = await createContest(h.deps, null, config);
    const entries = await entriesIn(h.deps, { id: row.id }, 'published', 4);
    const voter = await verifiedVoter(h);
    const share = (id: string | undefined) =>
      h.app.inject({
        method: 'POST',
        url: `/api/entries/${id}/share`,
        headers: { cookie: voter },
        payload: { target: 'zalo' },
      });
    expect((await share(entries[0])).json()).toMatchObject({ shared: true, counted: true });
    expect((await share(entries[1])).json()).toMatchObject({ shared: true, counted: true });
    // A repeat share of an entry already shared is a no-op, not a refusal.
    expect((await share(entries[1])).json()).toMatchObject({ shared: true, counted: false });
    const third = await share(entries[2]);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'daily_share_limit' });
    expect(JSON.stringify(third.json())).toMatch(/hôm nay|today/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // Another voter has their own allowance.
    const other = await verifiedVoter(h);
    const otherShare = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${entries[2]}/share`,
      headers: { cookie: other },
      payload: { target: 'facebook' },
    });
    expect(otherShare.json()).toMatchObject({ counted: true });
    // The next local day (Asia/Ho_Chi_Minh) the voter may share again.
    const retry = Number(third.headers['retry-after']);
    h.clock.advance((retry + 60) * 1000);
    const nextDay = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${entries[3]}/share`,
      headers: { cookie: voter },
      payload: { target: 'copy' },
    });
    expect(nextDay.json()).toMatchObject({ shared: true, counted: true });
  });
});
