import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import type { EngagementReader } from '../src/modules/results/engagement.reader.js';
import { previewResults } from '../src/modules/results/results.service.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import { createUser } from '../src/modules/accounts/user.service.js';
import { entryAt } from './support/judging-fixtures.js';
import {
  asUser,
  signInAs,
  signInWithTotp,
  startHarness,
  unique,
  type Harness,
  type Session,
} from './support/harness.js';

type Contest = Awaited<ReturnType<typeof createTestContest>>;
interface Entry {
  id: string;
  title: string;
}

describe.each(dialects)('jury scoring and results on %s', (dialect) => {
  let h: Harness;
  let contest: Contest;
  let organizer: Session;
  let secretary: Session;
  let organizerId = '';
  // e524a/e524b: Bình Sơn (524); e527a/e527b: Sơn Tịnh (527); e522: the city (522).
  const e: Record<string, Entry> = {};
  const judges: Record<string, { id: string; email: string; session?: Session }> = {};
  let base = '';

  const post = (s: Session, url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: asUser(s), ...(payload ? { payload } : {}) });
  const put = (s: Session, url: string, payload: object) =>
    h.app.inject({ method: 'PUT', url, headers: asUser(s), payload });
  const get = (s: Session | null, url: string) =>
    h.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
  const judge = (k: string): Session => {
    const s = judges[k]?.session;
    if (!s) throw new Error(`judge ${k} not signed in`);
    return s;
  };
  const unitId = async (code: string) => (await orgUnitRepository.findByCode(h.deps.db.kysely, code))?.id;
  const full = (c: number, f: number, ef: number) => ({ scores: { content: c, form: f, effectiveness: ef } });

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'judging');
    base = `/api/contests/${contest.slug}/rounds/final`;
    const o = await createStaff(h.deps, 'organizer', { contestId: contest.id });
    organizerId = o.id;
    organizer = await signInWithTotp(h, o.email, o.password);
    const s = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    secretary = await signInAs(h.app, s.email, s.password);
    const spec: Array<[string, string, string]> = [
      ['e524a', '21040', '2023-08-30T01:00:00Z'],
      ['e524b', '21043', '2023-08-30T02:00:00Z'],
      ['e527a', '21175', '2023-08-30T03:00:00Z'],
      ['e527b', '21178', '2023-08-30T04:00:00Z'],
      ['e522', '21010', '2023-08-30T05:00:00Z'],
    ];
    for (const [k, code, submittedAt] of spec)
      e[k] = await entryAt(h.deps, contest.id, {
        communeCode: code,
        roundKey: 'final',
        status: 'published',
        createdBy: o.id,
        submittedAt,
      });
    // Judges with accounts already (so they can sign in): A from district 524, B provincial, C from a commune of 527.
    for (const k of ['A', 'B', 'C']) {
      const email = `${unique(`judge${k}`)}@test.clipcontest.vn`.toLowerCase();
      const u = await createUser(h.deps, null, { email, name: `Giám khảo ${k}`, password: TEST_PASSWORD });
      judges[k] = { id: u.id, email };
    }
  });
  afterAll(() => h.close());

  it('invites judges by email: a new address gets an account, the judge role and a welcome email', async () => {
    const homes: Record<string, string | undefined> = {
      A: await unitId('524'),
      B: undefined,
      C: await unitId('21175'),
    };
    for (const k of ['A', 'B', 'C']) {
      const res = await post(organizer, `${base}/judging/judges`, {
        email: judges[k]?.email,
        name: `Giám khảo ${k}`,
        homeUnitId: homes[k] ?? null,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const fresh = `${unique('newjudge')}@test.clipcontest.vn`;
    const res = await post(organizer, `${base}/judging/judges`, {
      email: fresh,
      name: 'Nhà báo Trần Thị Hoa',
    });
    expect(res.statusCode, res.body).toBe(200);
    const panel = res.json<{ judges: Array<{ email: string }>; entryCount: number }>();
    expect(panel.judges.map((j) => j.email)).toContain(fresh);
    expect(panel.entryCount).toBe(5);
    await expect.poll(() => h.inbox.some((m) => m.to.includes(fresh))).toBe(true);
    // Only organizers manage the panel.
    expect((await post(secretary, `${base}/judging/judges`, { email: fresh, name: 'x' })).statusCode).toBe(
      403,
    );
    for (const k of ['A', 'B', 'C']) {
      const j = judges[k];
      if (j) j.session = await signInAs(h.app, j.email, TEST_PASSWORD);
    }
  });

  it('never assigns a judge an entry of their own district, nor lets them score it', async () => {
    const queueOf = async (k: string) =>
      (await get(judge(k), `/api/contests/${contest.slug}/judging/queue`))
        .json<{ panels: Array<{ entries: Array<{ id: string }> }> }>()
        .panels.flatMap((p) => p.entries.map((x) => x.id));
    const a = await queueOf('A');
    expect(a).not.toContain(e.e524a?.id);
    expect(a).not.toContain(e.e524b?.id);
    expect(a).toContain(e.e527a?.id);
    const c = await queueOf('C');
    expect(c).not.toContain(e.e527a?.id);
    expect(c).not.toContain(e.e527b?.id);
    expect(await queueOf('B')).toHaveLength(5);
    const refused = await put(judge('A'), `/api/judging/entries/${e.e524a?.id}/sheet`, full(5, 5, 5));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('conflict_of_interest');
    // Balanced: 2 judges per entry, still never a conflicted pair, and loads even.
    const balanced = await put(organizer, `${base}/judging/assignment`, {
      mode: 'balanced',
      judgesPerEntry: 2,
    });
    expect(balanced.statusCode, balanced.body).toBe(200);
    expect(await queueOf('A')).not.toContain(e.e524a?.id);
    expect(await queueOf('C')).not.toContain(e.e527b?.id);
    const loads = balanced.json<{ judges: Array<{ assigned: number }> }>().judges.map((j) => j.assigned);
    expect(loads.reduce((x, y) => x + y, 0)).toBe(10);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const back = await put(organizer, `${base}/judging/assignment`, { mode: 'all' });
    expect(back.statusCode).toBe(200);
  });

  it('saves drafts, validates against the rubric, locks on submit; another judge gets 403 on the sheet', async () => {
    const url = `/api/judging/entries/${e.e524a?.id}/sheet`;
    const draft = await put(judge('B'), url, { scores: { content: 8.5 }, comment: 'Ý tưởng tốt' });
    expect(draft.statusCode, draft.body).toBe(200);
    const sheet = draft.json<{ id: string; status: string }>();
    expect(sheet.status).toBe('draft');
    const offStep = await put(judge('B'), url, full(8.25, 8, 8));
    expect(offStep.statusCode).toBe(400);
    expect(offStep.json<{ code: string; issues: Array<{ path: string }> }>()).toMatchObject({
      code: 'invalid_sheet',
      issues: [{ path: 'scores.content' }],
    });
    const incomplete = await post(judge('B'), `${url}/submit`, { scores: { content: 8.5 } });
    expect(incomplete.statusCode).toBe(400);
    const submitted = await post(judge('B'), `${url}/submit`, full(8.5, 8, 8.5));
    expect(submitted.json<{ status: string; total: number }>()).toMatchObject({
      status: 'submitted',
      total: 25,
    });
    const edit = await put(judge('B'), url, full(9, 9, 9));
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ code: string }>().code).toBe('sheet_submitted');
    expect((await post(judge('B'), `${url}/submit`, full(9, 9, 9))).statusCode).toBe(409);
    // Other judges: 403 on this sheet, and on any aggregate before close.
    expect((await get(judge('C'), `/api/judging/sheets/${sheet.id}`)).statusCode).toBe(403);
    expect((await get(judge('B'), `/api/judging/sheets/${sheet.id}`)).statusCode).toBe(200);
    for (const k of ['B', 'C']) {
      expect((await get(judge(k), `${base}/results/preview`)).statusCode).toBe(403);
      expect((await get(judge(k), `${base}/judging/completion`)).statusCode).toBe(403);
    }
    const early = await get(organizer, `${base}/results/preview`);
    expect(early.statusCode).toBe(403);
    expect(early.json<{ code: string }>().code).toBe('jury_round_open');
    // The committee may not read single sheets before close either.
    expect((await get(secretary, `/api/judging/sheets/${sheet.id}`)).statusCode).toBe(403);
  });

  it('reopens a submitted sheet only with a reason, and audits it', async () => {
    const url = `/api/judging/entries/${e.e522?.id}/sheet`;
    const s = (await post(judge('B'), `${url}/submit`, full(7, 7, 7))).json<{ id: string }>();
    // The completion view names the sheet (to pick it for reopening) but never shows its scores.
    const listed = (await get(secretary, `${base}/judging/completion`))
      .json<{ sheets: Array<{ sheetId: string }> }>()
      .sheets.find((x) => x.sheetId === s.id);
    expect(listed).toEqual({
      sheetId: s.id,
      judgeUserId: judges.B?.id,
      entryId: e.e522?.id,
      status: 'submitted',
      submittedAt: expect.any(String) as unknown,
    });
    expect((await post(organizer, `/api/judging/sheets/${s.id}/reopen`, { reason: ' ' })).statusCode).toBe(
      400,
    );
    expect((await post(judge('B'), `/api/judging/sheets/${s.id}/reopen`, { reason: 'x' })).statusCode).toBe(
      403,
    );
    const reopened = await post(organizer, `/api/judging/sheets/${s.id}/reopen`, {
      reason: 'Giám khảo nhập nhầm điểm hình thức',
    });
    expect(reopened.json<{ status: string }>().status).toBe('draft');
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'jury.sheet_reopened')
      .where('subject_id', '=', s.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.data_json ?? '{}')).toMatchObject({
      reason: 'Giám khảo nhập nhầm điểm hình thức',
      judgeUserId: judges.B?.id,
    });
    expect((await post(judge('B'), `${url}/submit`, full(7.5, 7, 7))).statusCode).toBe(200);
  });

  it('lets a judge recuse with a reason; the entry leaves their queue', async () => {
    const res = await post(judge('C'), `/api/judging/entries/${e.e522?.id}/recuse`, {
      reason: 'Tôi là cố vấn của đội này',
    });
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json<{
      panels: Array<{ entries: Array<{ id: string }>; recused: Array<{ entryId: string }> }>;
    }>();
    expect(q.panels[0]?.entries.map((x) => x.id)).not.toContain(e.e522?.id);
    expect(q.panels[0]?.recused.map((x) => x.entryId)).toContain(e.e522?.id);
    const again = await put(judge('C'), `/api/judging/entries/${e.e522?.id}/sheet`, full(5, 5, 5));
    expect(again.json<{ code: string }>().code).toBe('recused');
  });

  it('shows the secretariat completion per judge and per entry, with reminders by email', async () => {
    // Everyone scores the rest of what they are assigned, judge C harshly.
    const plan: Record<string, Array<[string, number]>> = {
      A: [
        ['e527a', 8],
        ['e527b', 7],
        ['e522', 6],
      ],
      B: [
        ['e524b', 9],
        ['e527a', 8],
        ['e527b', 8],
      ],
      C: [
        ['e524a', 3],
        ['e524b', 2],
      ],
    };
    for (const [k, list] of Object.entries(plan))
      for (const [entryKey, score] of list) {
        const r = await post(
          judge(k),
          `/api/judging/entries/${e[entryKey]?.id}/sheet/submit`,
          full(score, score, score),
        );
        expect(r.statusCode, r.body).toBe(200);
      }
    const res = await get(secretary, `${base}/judging/completion`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{
      judges: Array<{ email: string; assigned: number; submitted: number }>;
      entries: Array<{ entryId: string; assigned: number; submitted: number }>;
      deviations: Array<{ judgeId: string; bias: number | null }>;
    }>();
    expect(c.judges.find((j) => j.email === judges.A?.email)).toMatchObject({ assigned: 3, submitted: 3 });
    expect(c.judges.find((j) => j.email === judges.C?.email)).toMatchObject({ assigned: 2, submitted: 2 });
    expect(c.entries.find((x) => x.entryId === e.e524a?.id)).toMatchObject({ assigned: 3, submitted: 2 });
    expect(c.deviations.find((d) => d.judgeId === judges.C?.id)?.bias).toBeLessThan(0);
    // The invited judge without an account has not scored: they get the reminder.
    const before = h.inbox.length;
    const reminded = await post(secretary, `${base}/judging/reminders`);
    expect(reminded.json<{ reminded: number }>().reminded).toBe(1);
    await expect
      .poll(() => h.inbox.slice(before).some((m) => /Nhắc chấm điểm/.test(m.subject ?? '')))
      .toBe(true);
  });

  it('reopens a closed round only with a reason, by an organizer, and audits it', async () => {
    expect((await post(organizer, `${base}/judging/close`)).statusCode).toBe(200);
    expect((await post(organizer, `${base}/judging/reopen`, { reason: '  ' })).statusCode).toBe(400);
    expect((await post(secretary, `${base}/judging/reopen`, { reason: 'x' })).statusCode).toBe(403);
    const reopened = await post(organizer, `${base}/judging/reopen`, {
      reason: 'Một phiếu cần chấm lại',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<{ status: string }>().status).toBe('open');
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'jury.reopened')
      .where('contest_id', '=', contest.id)
      .execute();
    expect(audit.map((a) => JSON.parse(a.data_json) as { reason: string })).toMatchObject([
      { reason: 'Một phiếu cần chấm lại' },
    ]);
  });

  it('closes judging; previews the breakdown; a swap without a reason is 400; the head approves; the public sees it', async () => {
    expect((await post(judge('B'), `${base}/judging/close`)).statusCode).toBe(403);
    const closed = await post(organizer, `${base}/judging/close`);
    expect(closed.json<{ status: string }>().status).toBe('closed');
    const late = await put(judge('A'), `/api/judging/entries/${e.e527a?.id}/sheet`, full(1, 1, 1));
    expect(late.statusCode).toBe(409);
    const preview = await get(secretary, `${base}/results/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<{
      rows: Array<{
        entryId: string;
        rank: number;
        final: number;
        finalist: boolean;
        jury: { sheetCount: number; aggregate: number };
      }>;
    }>();
    expect(p.rows).toHaveLength(5);
    // e527a: A 24 and B 24 → mean 24 → 24 / 30 × 70 = 56 jury points; no engagement recorded yet.
    expect(p.rows.find((r) => r.entryId === e.e527a?.id)).toMatchObject({
      final: 56,
      jury: { sheetCount: 2 },
    });
    expect(p.rows.filter((r) => r.finalist)).toHaveLength(4);
    const out = p.rows.find((r) => r.rank === 4)?.entryId ?? '';
    const inn = p.rows.find((r) => !r.finalist)?.entryId ?? '';
    const noReason = await put(organizer, `${base}/results/finalists`, {
      overrides: [{ out, in: inn, reason: '  ' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ code: string }>().code).toBe('finalist_override_reason_required');
    const swapped = await put(organizer, `${base}/results/finalists`, {
      overrides: [{ out, in: inn, reason: 'Đội có tiết mục sân khấu hóa phù hợp đêm chung kết' }],
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json<{ swaps: Array<{ reason: string }> }>().swaps[0]?.reason).toMatch(/sân khấu/);
    expect(
      (await get(null, `/api/public/contests/${contest.slug}/results`)).json<{ panels: unknown[] }>().panels,
    ).toEqual([]);
    const status = async () =>
      (await get(null, `/api/public/contests/${contest.slug}/results/status`)).json<{ published: boolean }>();
    expect(await status()).toEqual({ published: false });
    expect((await post(secretary, `${base}/results/approve`)).statusCode).toBe(403);
    const approved = await post(organizer, `${base}/results/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ resultsStatus: string }>().resultsStatus).toBe('approved');
    expect((await post(organizer, `${base}/results/approve`)).statusCode).toBe(409);
    expect(await status()).toEqual({ published: true });
    const entryIn = await h.deps.db.kysely
      .selectFrom('entries')
      .select(['id', 'status'])
      .where('id', '=', inn)
      .executeTakeFirst();
    expect(entryIn?.status).toBe('finalist');
    const entryOut = await h.deps.db.kysely
      .selectFrom('entries')
      .select(['id', 'status'])
      .where('id', '=', out)
      .executeTakeFirst();
    expect(entryOut?.status).toBe('scored');
    const pub = await get(null, `/api/public/contests/${contest.slug}/results`);
    expect(pub.statusCode).toBe(200);
    const panels = pub.json<{
      panels: Array<{ rows: Array<{ entryId: string; jury: { totals: number[] } }> }>;
    }>().panels;
    expect(panels).toHaveLength(1);
    expect(panels[0]?.rows).toHaveLength(5);
    // The public sees each entry's points, not single judges' sheets.
    expect(panels[0]?.rows.every((r) => r.jury.totals.length === 0)).toBe(true);
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('contest_id', '=', contest.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['results.finalists_selected', 'results.approved']),
    );
  });

  it('produces the scoring sheet, the minutes and the final results as PDFs with Vietnamese text, plus .xlsx and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-pdf-'));
    const files: Record<string, LightMyRequestResponse> = {
      sheet: await get(judge('B'), `${base}/results/sheet.pdf?judge=${judges.B?.id}`),
      minutes: await get(secretary, `${base}/results/minutes.pdf`),
      final: await get(null, `${base}/results/final.pdf`),
    };
    // Another judge's sheet is the committee's business, not a judge's.
    expect((await get(judge('C'), `${base}/results/sheet.pdf?judge=${judges.B?.id}`)).statusCode).toBe(403);
    expect((await get(judge('C'), `${base}/results/minutes.pdf`)).statusCode).toBe(403);
    const expected: Record<string, RegExp[]> = {
      sheet: [/PHIẾU CHẤM ĐIỂM/, /Giám khảo B/, /Nội dung, ý tưởng/],
      minutes: [/BIÊN BẢN TỔNG HỢP KẾT QUẢ CHẤM/, /sân khấu hóa/, /Trưởng Ban Giám khảo/i],
      final: [/THÔNG BÁO KẾT QUẢ/, /Thị trấn Châu Ổ|Xã Bình Thuận/],
    };
    for (const [name, res] of Object.entries(files)) {
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const path = join(dir, `${name}.pdf`);
      writeFileSync(path, res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(text).toMatch(/Độc lập - Tự do - Hạnh phúc/);
      expect(text).toMatch(/Quảng Ngãi, ngày \d{2} tháng \d{2} năm \d{4}/);
      for (const re of expected[name] ?? []) expect(text).toMatch(re);
    }
    const csv = await get(null, `${base}/results/results.csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^rank,entry_id,title/);
    expect(lines).toHaveLength(6);
    const xlsx = await get(null, `${base}/results/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Kết quả')?.rowCount).toBe(6);
  });

  it('exports a self-contained bundle that recomputes the published results byte for byte', async () => {
    const { exportBundle, computeFromBundle, formatRanking } =
      await import('../src/modules/results/results-cli.js');
    const { recordedEngagement } = await import('../src/modules/results/engagement.reader.js');
    const bundle = await exportBundle(h.deps, recordedEngagement, { slug: contest.slug, roundKey: 'final' });
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('@');
    const row = await h.deps.db.kysely
      .selectFrom('jury_panels')
      .select('output_json')
      .where('contest_id', '=', contest.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(computeFromBundle(JSON.parse(text)))).toBe(row.output_json);
    expect(formatRanking(computeFromBundle(JSON.parse(text)), 4).split('\n')).toHaveLength(2 + 5 + 1);
  });

  it('takes audience counts from the engagement reader (the 30/70 rule)', async () => {
    const other = await createTestContest(h.deps, 'judging');
    const x = await entryAt(h.deps, other.id, {
      communeCode: '21040',
      roundKey: 'final',
      status: 'published',
      createdBy: organizerId,
    });
    const y = await entryAt(h.deps, other.id, {
      communeCode: '21175',
      roundKey: 'final',
      status: 'published',
      createdBy: organizerId,
    });
    const ref = { slug: other.slug, roundKey: 'final' };
    const { inviteJudge, setPanelStatus } = await import('../src/modules/judging/panel.service.js');
    const { saveSheet } = await import('../src/modules/judging/sheet.service.js');
    await inviteJudge(h.deps, null, ref, { email: judges.B?.email ?? '', name: 'Giám khảo B' });
    const actorB = {
      userId: judges.B?.id ?? '',
      assignments: [{ role: 'judge' as const, contestId: other.id, roundKey: 'final', orgUnitId: null }],
    };
    await saveSheet(h.deps, actorB, x.id, {
      scores: { content: 10, form: 10, effectiveness: 10 },
      submit: true,
    });
    await saveSheet(h.deps, actorB, y.id, {
      scores: { content: 5, form: 5, effectiveness: 5 },
      submit: true,
    });
    await setPanelStatus(h.deps, null, ref, 'closed');
    const counts: EngagementReader = {
      engagementAt: () =>
        Promise.resolve([
          { entryId: x.id, source: 'facebook', likes: 100, shares: 0 },
          { entryId: y.id, source: 'facebook', likes: 300, shares: 100 },
          { entryId: y.id, source: 'native', likes: 0, shares: 0 },
        ]),
    };
    const view = await previewResults(h.deps, counts, null, ref);
    // x: jury 70, audience 30 × 100 / 400 = 7.5 → 77.5; y: jury 35, audience 30 → 65.
    expect(view.rows.map((r) => [r.entryId, r.jury.points, r.audience.points, r.final])).toEqual([
      [x.id, 70, 7.5, 77.5],
      [y.id, 35, 30, 65],
    ]);
  });
});
