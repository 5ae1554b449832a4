import { createHash } from 'node:crypto';
import { localToInstant } from '@clipcontest/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { dialects } from './support/databases.js';
import {
  attachVideo,
  declarationsOf,
  submittedEntry,
  teamIn,
  type TeamFixture,
} from './support/entry-fixtures.js';
import { createStaff, createTestContest, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import {
  asUser,
  signInAs,
  signInWithTotp,
  startHarness,
  type Harness,
  type Session,
} from './support/harness.js';

type Contest = Awaited<ReturnType<typeof createTestContest>>;

describe.each(dialects)('entries, nominations and receipt on %s', (dialect) => {
  let h: Harness;
  let contest: Contest;
  let coordinator: Session;
  let otherCoordinator: Session;
  let secretary: Session;
  let organizer: Session;
  let teamA: TeamFixture;
  let secretaryEmail = '';
  let coordinatorEmail = '';
  const again = (email: string) => signInAs(h.app, email, TEST_PASSWORD);
  const deadline = () =>
    contest.config.rounds.find((r) => r.key === 'district')?.windows.submission?.closesAt ?? '';

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'production');
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    coordinator = await signInAs(h.app, c.email, c.password);
    coordinatorEmail = c.email;
    const o = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '527' });
    otherCoordinator = await signInAs(h.app, o.email, o.password);
    const s = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    secretary = await signInAs(h.app, s.email, s.password);
    secretaryEmail = s.email;
    const org = await createStaff(h.deps, 'organizer', { contestId: contest.id });
    organizer = await signInWithTotp(h, org.email, org.password);
    teamA = await teamIn(h, contest, coordinator, '21040');
  });
  afterAll(() => h.close());

  const post = (s: Session, url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: asUser(s), ...(payload ? { payload } : {}) });
  const get = (s: Session, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  it('lets a team create, edit, upload and submit an entry; each status change emails everyone involved once', async () => {
    const created = await post(teamA.session, `/api/contests/${contest.slug}/entries`, {
      title: 'Tổ CNSCĐ Châu Ổ',
      declarations: {},
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json<{ id: string; version: number; status: string; actions: string[] }>();
    expect(entry).toMatchObject({ status: 'draft' });
    expect(entry.actions).toContain('upload');
    const early = await post(teamA.session, `/api/entries/${entry.id}/submit`);
    expect(early.json<{ code: string; issues: Array<{ path: string }> }>()).toMatchObject({
      code: 'entry_incomplete',
    });
    const edited = await h.app.inject({
      method: 'PATCH',
      url: `/api/entries/${entry.id}`,
      headers: asUser(teamA.session),
      payload: {
        synopsis: 'Câu chuyện hỗ trợ người dân',
        credits: 'Tổ CNSCĐ',
        declarations: declarationsOf(contest.config),
        version: entry.version,
      },
    });
    expect(edited.statusCode).toBe(200);
    const sha = await attachVideo(h.deps, entry.id);
    const before = h.inbox.length;
    const submitted = await post(teamA.session, `/api/entries/${entry.id}/submit`);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      original: { sha256: sha, container: 'mp4' },
    });
    const mails = h.inbox.slice(before);
    // The team leader and the district coordinator: one email each for this one change.
    expect(mails.map((m) => m.to).sort()).toEqual(
      [teamA.email, expect.stringContaining('coordinator')].sort(),
    );
    expect(mails[0]?.subject).toContain('Đã nộp');
    // The same transaction queued the delayed safety-net job that sends these emails if the process dies.
    const jobs = await h.deps.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', `notifications.flush:${entry.id}`)
      .execute();
    expect(jobs.map((j) => [j.name, j.status])).toEqual([['notifications.flush', 'queued']]);
    const feed = await get(teamA.session, '/api/me/feed');
    expect(feed.json<{ items: Array<{ entryId: string }> }>().items[0]?.entryId).toBe(entry.id);
  });

  it('streams an entry’s video with range requests to those who may see it, and to nobody else', async () => {
    const created = await post(teamA.session, `/api/contests/${contest.slug}/entries`, { title: 'Xem thử' });
    const id = created.json<{ id: string }>().id;
    const sha = await attachVideo(h.deps, id, 300_000);
    const whole = await h.app.inject({
      method: 'GET',
      url: `/api/entries/${id}/media/original`,
      headers: { cookie: coordinator.cookie },
    });
    expect(whole.statusCode).toBe(200);
    expect(createHash('sha256').update(whole.rawPayload).digest('hex')).toBe(sha);
    expect(whole.headers['cache-control']).toBe('private, no-store');
    const part = await h.app.inject({
      method: 'GET',
      url: `/api/entries/${id}/media/original`,
      headers: { cookie: teamA.session.cookie, range: 'bytes=100-199' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/300000');
    expect(part.rawPayload.equals(whole.rawPayload.subarray(100, 200))).toBe(true);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/entries/${id}/media/original`,
          headers: { cookie: otherCoordinator.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/entries/${id}/media/original` })).statusCode).toBe(
      401,
    );
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/entries/${id}/media/subtitle`,
          headers: { cookie: teamA.session.cookie },
        })
      ).statusCode,
    ).toBe(404);
    const stored = await h.deps.db.kysely
      .selectFrom('media_files')
      .select('storage_key')
      .where('entry_id', '=', id)
      .executeTakeFirstOrThrow();
    await h.deps.storage.delete(stored.storage_key);
    const lost = await h.app.inject({
      method: 'GET',
      url: `/api/entries/${id}/media/original`,
      headers: { cookie: teamA.session.cookie },
    });
    expect({ status: lost.statusCode, code: lost.json<{ code: string }>().code }).toEqual({
      status: 404,
      code: 'media_not_found',
    });
    await post(teamA.session, `/api/entries/${id}/withdraw`, {});
  });

  it('refuses a submission one second after the window closes, naming the deadline', async () => {
    const created = await post(teamA.session, `/api/contests/${contest.slug}/entries`, {
      title: 'Muộn',
      synopsis: 'x',
      credits: 'y',
      declarations: declarationsOf(contest.config),
    });
    const id = created.json<{ id: string }>().id;
    await attachVideo(h.deps, id);
    const saved = h.clock.now();
    h.clock.set(new Date(localToInstant(deadline(), contest.config.timezone).getTime() + 1000));
    const late = await post(await again(teamA.email), `/api/entries/${id}/submit`);
    h.clock.set(saved);
    expect(late.statusCode).toBe(409);
    const body = late.json<{ code: string; messages: { vi: string; en: string } }>();
    expect(body.code).toBe('WINDOW_CLOSED');
    expect(body.messages.en).toContain(deadline().replace('T', ' '));
    await post(teamA.session, `/api/entries/${id}/withdraw`, { reason: 'test' });
  });

  it('lets an organizer extend the deadline for one district only, with an audited reason', async () => {
    const teamB = await teamIn(h, contest, otherCoordinator, '21175');
    const created = await post(teamB.session, `/api/contests/${contest.slug}/entries`, {
      title: 'Sơn Tịnh',
      synopsis: 'x',
      credits: 'y',
      declarations: declarationsOf(contest.config),
    });
    const id = created.json<{ id: string }>().id;
    await attachVideo(h.deps, id);
    const view = (await get(organizer, `/api/contests/${contest.slug}`)).json<{ version: number }>();
    const unit = await orgUnitRepository.findByCode(h.deps.db.kysely, '527');
    const later = new Date(Date.parse(`${deadline()}Z`) + 2 * 86_400_000).toISOString().slice(0, 19);
    const ext = await post(organizer, `/api/contests/${contest.slug}/windows/extend`, {
      roundKey: 'district',
      kind: 'submission',
      closesAt: later,
      reason: 'Bão lũ tại huyện Sơn Tịnh',
      expectedVersion: view.version,
      orgUnitId: unit?.id,
    });
    expect(ext.statusCode).toBe(200);
    const saved = h.clock.now();
    h.clock.set(new Date(localToInstant(deadline(), contest.config.timezone).getTime() + 3600_000));
    const ok = await post(await again(teamB.email), `/api/entries/${id}/submit`);
    const other = await post(await again(teamA.email), `/api/contests/${contest.slug}/entries`, {
      title: 'Bình Sơn muộn',
    });
    h.clock.set(saved);
    expect(ok.statusCode).toBe(200);
    expect(other.json<{ code: string }>().code).toBe('WINDOW_CLOSED');
  });

  it('keeps every entry endpoint of a district closed to another district’s coordinator', async () => {
    const id = await submittedEntry(h, contest, await teamIn(h, contest, coordinator, '21043'));
    const urls: Array<[string, string, object | undefined]> = [
      ['GET', `/api/entries/${id}`, undefined],
      ['PATCH', `/api/entries/${id}`, { title: 'x', version: 1 }],
      ['POST', `/api/entries/${id}/submit`, undefined],
      ['POST', `/api/entries/${id}/withdraw`, {}],
      ['POST', `/api/entries/${id}/nominate`, undefined],
      ['POST', `/api/entries/${id}/unnominate`, undefined],
      ['PUT', `/api/entries/${id}/checklist`, { checklist: {} }],
      ['POST', `/api/entries/${id}/accept`, {}],
      ['POST', `/api/entries/${id}/return`, { reason: 'x', fixDeadline: '2099-01-01T00:00:00' }],
      ['POST', `/api/entries/${id}/reject`, { reason: 'x' }],
    ];
    for (const [method, url, payload] of urls) {
      const res = await h.app.inject({
        method: method as 'GET',
        url,
        headers: asUser(otherCoordinator),
        ...(payload ? { payload } : {}),
      });
      expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
    }
    const list = (await get(otherCoordinator, `/api/contests/${contest.slug}/entries`)).json<{
      entries: Array<{ id: string }>;
    }>();
    expect(list.entries.map((e) => e.id)).not.toContain(id);
    const unit = await orgUnitRepository.findByCode(h.deps.db.kysely, '524');
    const forward = await post(otherCoordinator, `/api/contests/${contest.slug}/rounds/district/forward`, {
      scopeUnitId: unit?.id,
    });
    expect(forward.statusCode).toBe(403);
  });

  it('lets exactly 2 of 20 concurrent nominations in one district succeed', async () => {
    const communes = [
      '21046',
      '21049',
      '21052',
      '21055',
      '21058',
      '21061',
      '21064',
      '21067',
      '21070',
      '21073',
    ];
    const ids: string[] = [];
    for (const code of communes) {
      const team = await teamIn(h, contest, coordinator, code);
      ids.push(await submittedEntry(h, contest, team));
      ids.push(await submittedEntry(h, contest, team));
    }
    const results = await Promise.all(ids.map((id) => post(coordinator, `/api/entries/${id}/nominate`)));
    const won = results.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(2);
    const refused = results.filter((r) => r.statusCode !== 200);
    expect(new Set(refused.map((r) => r.json<{ code: string }>().code))).toEqual(
      new Set(['nomination_quota_reached']),
    );
    expect(refused[0]?.json<{ messages: { vi: string } }>().messages.vi).toContain('đủ 2 tác phẩm');
  });

  it('runs the secretariat inbox: forward, return for a fix, re-upload, accept with the checklist', async () => {
    const unit = await orgUnitRepository.findByCode(h.deps.db.kysely, '524');
    const nominated = (
      await get(coordinator, `/api/contests/${contest.slug}/entries?status=nominated`)
    ).json<{ entries: Array<{ id: string }> }>().entries;
    expect(nominated).toHaveLength(2);
    const [first, second] = nominated.map((e) => e.id);
    const early = await post(secretary, `/api/entries/${first}/accept`, {});
    expect(early.json<{ code: string }>().code).toBe('entry_not_in_inbox');
    const fwd = await post(coordinator, `/api/contests/${contest.slug}/rounds/district/forward`, {
      scopeUnitId: unit?.id,
    });
    expect(fwd.json()).toEqual({ forwarded: 2 });
    const changeAfter = await post(coordinator, `/api/entries/${first}/unnominate`);
    expect(changeAfter.json<{ code: string }>().code).toBe('nomination_forwarded');

    // The receipt window opens after the district deadline.
    const receipt = contest.config.rounds.find((r) => r.key === 'final')?.windows.receipt;
    const saved = h.clock.now();
    h.clock.set(
      new Date(localToInstant(receipt?.opensAt ?? '', contest.config.timezone).getTime() + 3600_000),
    );
    // Sessions last 12 hours of (test) clock time: sign in again after the jump.
    secretary = await again(secretaryEmail);
    coordinator = await again(coordinatorEmail);
    const inbox = (await get(secretary, `/api/contests/${contest.slug}/entries?roundKey=final`)).json<{
      entries: Array<{ id: string }>;
    }>().entries;
    expect(inbox.map((e) => e.id).sort()).toEqual([first, second].sort());

    const incomplete = await post(secretary, `/api/entries/${first}/accept`, {});
    expect(incomplete.json<{ code: string }>().code).toBe('checklist_incomplete');
    const fixBy = new Date(h.clock.now().getTime() + 86_400_000 + 7 * 3600_000).toISOString().slice(0, 19);
    const returned = await post(secretary, `/api/entries/${first}/return`, {
      reason: 'Âm thanh bị rè, đề nghị xuất lại',
      fixDeadline: fixBy,
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      statusReason: 'Âm thanh bị rè, đề nghị xuất lại',
    });
    const mail = h.inbox.filter((m) => m.subject.includes('Trả lại') || m.text.includes('Âm thanh bị rè'));
    expect(mail.length).toBeGreaterThan(0);
    await attachVideo(h.deps, first ?? '');
    const back = (await get(secretary, `/api/entries/${first}`)).json<{
      status: string;
      history: Array<{ action: string }>;
    }>();
    expect(back.status).toBe('received');
    expect(back.history.map((x) => x.action)).toEqual(
      expect.arrayContaining(['entry.return_for_fix', 'entry.original_uploaded', 'entry.resubmit']),
    );
    const accepted = await post(secretary, `/api/entries/${first}/accept`, {
      checklist: { theme_fit: true, eligible_team: true },
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    const rejected = await post(secretary, `/api/entries/${second}/reject`, { reason: 'Không đúng chủ đề' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });

    // Every status change of the entry reached every person involved by exactly one email.
    const notes = await h.deps.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('entry_id', '=', first ?? '')
      .execute();
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.email_status === 'sent')).toBe(true);
    const title = (await get(secretary, `/api/entries/${first}`)).json<{ title: string }>().title;
    const mailed = h.inbox.filter((m) => m.text.includes(`"${title}"`));
    expect(mailed).toHaveLength(notes.length);
    h.clock.set(saved);
  });

  it('reports progress by district as JSON and .xlsx to organizers, not to teams', async () => {
    const res = await get(organizer, `/api/contests/${contest.slug}/progress`);
    const body = res.json<{
      rows: Array<{ unit: { code: string }; teams: number; accepted: number }>;
      totals: { accepted: number };
    }>();
    expect(body.rows).toHaveLength(13);
    const binhSon = body.rows.find((r) => r.unit.code === '524');
    expect(binhSon).toMatchObject({ accepted: 1 });
    expect(binhSon?.teams).toBeGreaterThanOrEqual(12);
    const xlsx = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}/progress.xlsx`,
      headers: { cookie: organizer.cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('Đơn vị');
    expect(sheet?.rowCount).toBe(15);
    expect((await get(await again(teamA.email), `/api/contests/${contest.slug}/progress`)).statusCode).toBe(
      403,
    );
  });
});
