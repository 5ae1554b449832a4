import type { ContestConfig } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../src/modules/audit/audit.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import {
  asUser,
  signInAs,
  signInWithTotp,
  startHarness,
  type Harness,
  type Session,
} from './support/harness.js';

interface ContestView {
  version: number;
  config: ContestConfig;
  phase: string;
  timeline: Array<{ status: string; kind: string }>;
}

describe.each(dialects)('contest configuration on %s', (dialect) => {
  let h: Harness;
  let contest: { id: string; slug: string; config: ContestConfig };
  let organizer: Session;
  let coordinator: Session;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'voting');
    const org = await createStaff(h.deps, 'organizer', { contestId: contest.id });
    organizer = await signInWithTotp(h, org.email, org.password);
    const coord = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    coordinator = await signInAs(h.app, coord.email, coord.password);
  });
  afterAll(() => h.close());

  const get = async (s: Session) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/contests/${contest.slug}`,
        headers: { cookie: s.cookie },
      })
    ).json<ContestView>();

  it('shows the organizer the contest with its timeline, the open phase marked', async () => {
    const view = await get(organizer);
    expect(view.phase).toBe('voting');
    expect(view.timeline.filter((t) => t.status === 'open').map((t) => t.kind)).toContain('voting');
    expect(view.config.rounds.map((r) => r.key)).toEqual(['district', 'final', 'ceremony']);
  });

  it('refuses an invalid configuration with field-level codes and saves nothing', async () => {
    const before = await get(organizer);
    const broken = structuredClone(before.config) as ContestConfig & Record<string, unknown>;
    const round = broken.rounds[0];
    if (!round) throw new Error('no round');
    round.quotaPerScopeUnit = -1;
    const voting = broken.rounds[1]?.windows.voting;
    if (voting) voting.closesAt = '2000-01-01T00:00:00';
    broken.title = { vi: 'Tên mới', en: 'New title' };
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/contests/${contest.slug}/config`,
      headers: asUser(organizer),
      payload: { config: broken, expectedVersion: before.version },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      code: string;
      issues: Array<{ path: string; code: string; message: { vi: string; en: string } }>;
    }>();
    expect(body.code).toBe('invalid_config');
    const paths = body.issues.map((i) => i.path);
    expect(paths).toContain('rounds.0.quotaPerScopeUnit');
    expect(paths.some((p) => p.startsWith('rounds.1.windows.voting'))).toBe(true);
    for (const i of body.issues) expect(i.message.vi.length && i.message.en.length).toBeTruthy();
    const after = await get(organizer);
    expect(after.version).toBe(before.version);
    expect(after.config.title).toEqual(before.config.title);
  });

  it('saves a valid configuration as a new version with an audit row, and refuses a stale version', async () => {
    const before = await get(organizer);
    const next = structuredClone(before.config);
    const final = next.rounds.find((r) => r.key === 'final');
    if (!final) throw new Error('no final');
    final.finalistCount = 5;
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/contests/${contest.slug}/config`,
      headers: asUser(organizer),
      payload: { config: next, expectedVersion: before.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ContestView>().version).toBe(before.version + 1);
    const rows = await auditRepository.list(h.deps.db.kysely, { contestId: contest.id, limit: 5 });
    expect(rows[0]).toMatchObject({
      action: 'contest.config_updated',
      data: { changed: ['rounds'], fromVersion: before.version },
    });
    const stale = await h.app.inject({
      method: 'PUT',
      url: `/api/contests/${contest.slug}/config`,
      headers: asUser(organizer),
      payload: { config: next, expectedVersion: before.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('version_conflict');
  });

  it('lets only the organizer configure: a coordinator gets 403', async () => {
    const view = await get(organizer);
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/contests/${contest.slug}/config`,
      headers: asUser(coordinator),
      payload: { config: view.config, expectedVersion: view.version },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ code: string }>().code).toBe('forbidden');
  });

  it('extends a window with an audited reason and refuses to shorten one', async () => {
    const view = await get(organizer);
    const voting = view.config.rounds.find((r) => r.key === 'final')?.windows.voting;
    if (!voting) throw new Error('no voting window');
    const later = new Date(Date.parse(`${voting.closesAt}Z`) + 86_400_000).toISOString().slice(0, 19);
    const extended = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/windows/extend`,
      headers: asUser(organizer),
      payload: {
        roundKey: 'final',
        kind: 'voting',
        closesAt: later,
        reason: 'Mất điện diện rộng ở huyện Ba Tơ',
        expectedVersion: view.version,
      },
    });
    expect(extended.statusCode).toBe(200);
    const rows = await auditRepository.list(h.deps.db.kysely, { contestId: contest.id, limit: 1 });
    expect(rows[0]).toMatchObject({
      action: 'contest.window_extended',
      data: { reason: 'Mất điện diện rộng ở huyện Ba Tơ', kind: 'voting' },
    });
    const shorter = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/windows/extend`,
      headers: asUser(organizer),
      payload: {
        roundKey: 'final',
        kind: 'voting',
        closesAt: voting.opensAt,
        reason: 'oops',
        expectedVersion: view.version + 1,
      },
    });
    expect(shorter.statusCode).toBe(400);
    const noReason = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/windows/extend`,
      headers: asUser(organizer),
      payload: {
        roundKey: 'final',
        kind: 'voting',
        closesAt: voting.closesAt,
        reason: '  ',
        expectedVersion: view.version + 1,
      },
    });
    expect(noReason.statusCode).toBe(400);
  });

  it('serves the public landing data without signing in, and 404s an unknown contest', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/public/contests/${contest.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ phase: string }>().phase).toBe('voting');
    const missing = await h.app.inject({
      method: 'GET',
      url: '/api/public/contests/no-such-contest?lang=en',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'contest_not_found', message: 'Contest not found.' });
  });
});
