import { votingWindowOf } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { engagementAt } from '../src/modules/voting/engagement.service.js';
import { recountVotes } from '../src/modules/voting/moderation.service.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness } from './support/harness.js';
import { entriesIn, otpFromInbox, solvedAltcha, verifiedVoter } from './support/voting-fixtures.js';

describe.each(dialects)('public voting (%s)', (dialect) => {
  let h: Harness;
  let contest: Awaited<ReturnType<typeof createTestContest>>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'voting');
  });
  afterAll(() => h.close());

  const like = (cookie: string, id: string, key?: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/like`,
      headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    });
  const ledger = (entryId: string) =>
    h.deps.db.kysely.selectFrom('votes').selectAll().where('entry_id', '=', entryId).execute();

  it('lets the assistant publish accepted entries one by one or all at once, audited; nobody else', async () => {
    const [one, two, three] = await entriesIn(h.deps, contest, 'accepted', 3);
    const assistant = await createStaff(h.deps, 'assistant', { contestId: contest.id });
    const secretary = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    const s = await signInAs(h.app, assistant.email, assistant.password);
    const sec = await signInAs(h.app, secretary.email, secretary.password);
    const refused = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${one}/publish`,
      headers: asUser(sec),
    });
    expect(refused.statusCode).toBe(403);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${one}/publish`,
      headers: asUser(s),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published' });
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${one}/publish`,
      headers: asUser(s),
    });
    expect(again.json()).toMatchObject({ code: 'entry_not_accepted' });
    const all = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/entries/publish-accepted`,
      headers: asUser(s),
    });
    expect(all.json<{ published: string[] }>().published.sort()).toEqual([two, three].sort());
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('subject_id', 'in', [one!, two!, three!])
      .where('action', '=', 'entry.publish')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actor_user_id === assistant.id)).toBe(true);
    // Publication starts nothing else: no votes, no jobs beyond the notices.
    expect(await ledger(one!)).toHaveLength(0);
  });

  it('verifies a voter once per normalized address, after the proof-of-work challenge', async () => {
    const local = unique('an.nguyen');
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/voting/otp/request',
      payload: {
        channel: 'email',
        address: `${local}@gmail.com`,
        altcha: { challenge: { parameters: {}, signature: 'x' }, solution: { counter: 1, derivedKey: 'ab' } },
      },
    });
    expect(refused.json()).toMatchObject({ code: 'challenge_invalid' });
    const altcha = await solvedAltcha(h.app);
    const first = await h.app.inject({
      method: 'POST',
      url: '/api/voting/otp/request',
      payload: { channel: 'email', address: `${local}+x@GMAIL.com`, altcha },
    });
    expect(first.statusCode).toBe(202);
    // A solved challenge is good once.
    const replay = await h.app.inject({
      method: 'POST',
      url: '/api/voting/otp/request',
      payload: { channel: 'email', address: `${local}@gmail.com`, altcha },
    });
    expect(replay.json()).toMatchObject({ code: 'challenge_invalid' });
    const normalized = `${local.replaceAll('.', '')}@gmail.com`;
    const code = otpFromInbox(h, normalized);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/voting/otp/verify',
      payload: { channel: 'email', address: `${local}@gmail.com`, code },
    });
    expect(ok.statusCode).toBe(200);
    const stored = await h.deps.db.kysely
      .selectFrom('voter_otps')
      .selectAll()
      .where('identity', '=', normalized)
      .executeTakeFirst();
    expect(stored?.code_hash).toBeNull(); // used once, never stored in clear
    const cookie = ok.cookies.find((c) => c.name === 'cc_voter');
    expect(cookie?.httpOnly).toBe(true);
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/voting/me',
      headers: { cookie: `cc_voter=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ voter: { channel: 'email' } });
    // The staff session is untouched: a voter cookie is not a staff session.
    const staff = await h.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `cc_voter=${cookie?.value}` },
    });
    expect(staff.statusCode).toBe(401);
  });

  it('verifies by phone through the pluggable SMS sender, one voter per normalized number', async () => {
    const sent: Array<{ to: string; text: string }> = [];
    const app = await buildApp(h.deps, {
      voting: { sms: { kind: 'capture', send: (to, text) => Promise.resolve(void sent.push({ to, text })) } },
    });
    try {
      const number = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const verify = async (address: string) => {
        const req = await app.inject({
          method: 'POST',
          url: '/api/voting/otp/request',
          payload: { channel: 'phone', address, altcha: await solvedAltcha(app) },
        });
        expect(req.statusCode).toBe(202);
        const code = /(\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1] ?? '';
        const ok = await app.inject({
          method: 'POST',
          url: '/api/voting/otp/verify',
          payload: { channel: 'phone', address, code },
        });
        expect(ok.statusCode).toBe(200);
        return ok.json<{ voter: { id: string } }>().voter.id;
      };
      const first = await verify(`+84 ${number.slice(1, 4)} ${number.slice(4)}`);
      expect(sent.at(-1)?.to).toBe(number);
      expect(await verify(number)).toBe(first);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/voting/otp/request',
        payload: { channel: 'phone', address: '12345', altcha: await solvedAltcha(app) },
      });
      expect(bad.json()).toMatchObject({ code: 'voter_phone_invalid' });
    } finally {
      await app.close();
    }
  });

  it('locks the 6th OTP attempt out with a backoff that doubles', async () => {
    const email = `${unique('guess')}@example.vn`;
    const request = async () =>
      h.app.inject({
        method: 'POST',
        url: '/api/voting/otp/request',
        payload: { channel: 'email', address: email, altcha: await solvedAltcha(h.app) },
      });
    expect((await request()).statusCode).toBe(202);
    const right = otpFromInbox(h, email);
    const wrong = right === '000000' ? '111111' : '000000';
    const attempt = (code: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/voting/otp/verify',
        payload: { channel: 'email', address: email, code },
      });
    for (let i = 1; i <= 5; i++) {
      const r = await attempt(wrong);
      expect(r.statusCode, `attempt ${i}`).toBe(400);
      expect(r.json()).toMatchObject({ code: 'otp_invalid' });
    }
    const sixth = await attempt(right);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'otp_locked' });
    expect(Number(sixth.headers['retry-after'])).toBe(60);
    expect((await request()).statusCode).toBe(429); // no fresh code while locked either
    h.clock.advance(61_000);
    for (let i = 1; i <= 5; i++) await attempt(wrong);
    const locked = await attempt(right);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(120);
    h.clock.advance(121_000);
    expect((await attempt(right)).statusCode).toBe(200);
  });

  it('likes once per voter, undoes while open, counts a share once, and recounts equal', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const voter = await verifiedVoter(h);
    const first = await like(voter, id!);
    expect(first.json()).toMatchObject({ liked: true, counted: true, likes: 1, shares: 0 });
    expect((await like(voter, id!)).json()).toMatchObject({ liked: true, counted: false, likes: 1 });
    const share = (target: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/entries/${id}/share`,
        headers: { cookie: voter },
        payload: { target },
      });
    expect((await share('zalo')).json()).toMatchObject({ shared: true, counted: true, shares: 1 });
    expect((await share('facebook')).json()).toMatchObject({ counted: false, shares: 1 });
    const undo = await h.app.inject({
      method: 'DELETE',
      url: `/api/entries/${id}/like`,
      headers: { cookie: voter },
    });
    expect(undo.json()).toMatchObject({ liked: false, counted: true, likes: 0, shares: 1 });
    expect((await like(voter, id!)).json()).toMatchObject({ liked: true, counted: true, likes: 1 });
    expect(await ledger(id!)).toHaveLength(3); // like (undone), share, like: nothing deleted
    const noVoter = await h.app.inject({ method: 'POST', url: `/api/entries/${id}/like` });
    expect(noVoter.json()).toMatchObject({ code: 'voter_unauthenticated' });
    const [draft] = await entriesIn(h.deps, contest, 'accepted', 1);
    expect((await like(voter, draft!)).statusCode).toBe(404);
    expect((await recountVotes(h.deps, { repair: false, contestId: contest.id })).mismatches).toEqual([]);
  });

  it('50 concurrent identical requests with one Idempotency-Key make one vote', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const voter = await verifiedVoter(h);
    const key = unique('idem-key-');
    const answers = await Promise.all(Array.from({ length: 50 }, () => like(voter, id!, key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(200));
    const bodies = new Set(answers.map((a) => a.body));
    expect(bodies.size).toBe(1);
    expect(answers[0]?.json()).toMatchObject({ liked: true, counted: true, likes: 1 });
    expect(await ledger(id!)).toHaveLength(1);
    // The same key for another request is refused rather than silently replayed.
    const other = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${id}/share`,
      headers: { cookie: voter, 'idempotency-key': key },
      payload: { target: 'copy' },
    });
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('100 concurrent likes of one entry by one voter with different keys make one like', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const voter = await verifiedVoter(h);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => like(voter, id!, unique(`k${i}-`))),
    );
    // Past the per-voter limit (60 a minute) the rest are 429s; the race is among the accepted ones.
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(50);
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 429)).toBe(true);
    expect(answers.find((a) => a.statusCode === 429)?.headers['retry-after']).toBeDefined();
    expect(answers.filter((a) => a.json<{ counted: boolean }>().counted)).toHaveLength(1);
    expect((await ledger(id!)).filter((v) => v.kind === 'like')).toHaveLength(1);
    const counter = await h.deps.db.kysely
      .selectFrom('vote_counters')
      .selectAll()
      .where('entry_id', '=', id!)
      .executeTakeFirst();
    expect(counter).toMatchObject({ likes: 1 });
  });

  it('refuses a vote one second after the window with VOTING_CLOSED and the window', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const voter = await verifiedVoter(h);
    const w = votingWindowOf(contest.config, 'final');
    const saved = h.clock.now();
    h.clock.set(new Date((w?.endsAt.getTime() ?? 0) + 1000));
    try {
      const late = await h.app.inject({
        method: 'POST',
        url: `/api/entries/${id}/like?lang=en`,
        headers: { cookie: voter },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'VOTING_CLOSED' });
      expect(late.json<{ message: string }>().message).toContain(w?.closesAtLocal.replace('T', ' '));
      h.clock.set(new Date((w?.endsAt.getTime() ?? 0) - 1000));
      expect((await like(voter, id!)).statusCode).toBe(200);
    } finally {
      h.clock.set(saved);
    }
  });

  it('voiding changes the count, keeps the vote in the ledger and writes an audit row', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    const a = await verifiedVoter(h);
    const b = await verifiedVoter(h);
    await like(a, id!);
    await like(b, id!);
    const votes = await ledger(id!);
    const secretary = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    const s = await signInAs(h.app, secretary.email, secretary.password);
    const review = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}/votes/review`,
      headers: asUser(s),
    });
    expect(review.statusCode).toBe(200);
    const target = votes[0]!;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/votes/void`,
      headers: asUser(s),
      payload: { voteIds: [target.id], reason: 'Tài khoản tạo hàng loạt từ một IP' },
    });
    expect(res.json()).toEqual({ voided: 1 });
    const counter = await h.deps.db.kysely
      .selectFrom('vote_counters')
      .selectAll()
      .where('entry_id', '=', id!)
      .executeTakeFirst();
    expect(counter).toMatchObject({ likes: 1 });
    const row = (await ledger(id!)).find((v) => v.id === target.id);
    expect(row).toMatchObject({
      voided: 1,
      void_reason: 'Tài khoản tạo hàng loạt từ một IP',
      voided_by: secretary.id,
    });
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'votes.voided')
      .where('contest_id', '=', contest.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(secretary.id);
    expect(JSON.parse(audit[0]?.data_json ?? '{}')).toMatchObject({ voteIds: [target.id] });
    const team = await createStaff(h.deps, 'assistant', { contestId: contest.id });
    const ts = await signInAs(h.app, team.email, team.password);
    const forbidden = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/votes/void`,
      headers: asUser(ts),
      payload: { voteIds: [votes[1]!.id], reason: 'x' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await recountVotes(h.deps, { repair: false, contestId: contest.id })).mismatches).toEqual([]);
    const native = (await engagementAt(h.deps.db.kysely, contest.id, h.clock.now().toISOString())).find(
      (e) => e.entryId === id && e.source === 'native',
    );
    expect(native).toEqual({ entryId: id, source: 'native', likes: 1, shares: 0 });
  });

  it('recount finds a counter that drifted from the ledger and repairs it', async () => {
    const [id] = await entriesIn(h.deps, contest, 'published', 1);
    await like(await verifiedVoter(h), id!);
    await h.deps.db.kysely
      .updateTable('vote_counters')
      .set({ likes: 7 })
      .where('entry_id', '=', id!)
      .execute();
    const check = await recountVotes(h.deps, { repair: false, contestId: contest.id });
    expect(check.mismatches).toEqual([
      { entryId: id, counter: { likes: 7, shares: 0 }, ledger: { likes: 1, shares: 0 } },
    ]);
    await recountVotes(h.deps, { repair: true, contestId: contest.id });
    expect((await recountVotes(h.deps, { repair: false, contestId: contest.id })).mismatches).toEqual([]);
  });
});
