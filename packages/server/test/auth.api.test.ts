import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/modules/accounts/credentials.js';
import { accountRepository } from '../src/modules/accounts/account.repository.js';
import { SETTING_REQUIRE_TOTP, settingRepository } from '../src/modules/settings/setting.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import { asUser, signInAs, startHarness, type Harness } from './support/harness.js';

// Each run signs in from its own (documentation-range) address, so the per-address failure limit, which
// lives in the shared database, never carries over between runs or suites.
const testIp = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;

describe.each(dialects)('accounts and sign-in on %s', (dialect) => {
  let h: Harness;
  let contest: { id: string; slug: string };
  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps);
    // The shared database may hold the demo's "TOTP off"; these tests need the real default.
    await settingRepository.set(h.deps.db.kysely, SETTING_REQUIRE_TOTP, true, new Date().toISOString());
  });
  afterAll(() => h.close());

  it('signs in with email and password and sets an httpOnly session cookie', async () => {
    const u = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email.toUpperCase(), password: u.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = await h.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `cc_session=${cookie?.value}` },
    });
    expect(session.json()).toMatchObject({
      user: { email: u.email },
      assignments: [{ role: 'secretary', contestSlug: contest.slug }],
    });
    const stored = await accountRepository.findUserByEmail(h.deps.db.kysely, u.email);
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with a stable code, in Vietnamese by default and English on request', async () => {
    const u = await createStaff(h.deps, 'assistant', { contestId: contest.id });
    const vi = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: 'nope nope nope' },
    });
    expect(vi.statusCode).toBe(401);
    expect(vi.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'Email hoặc mật khẩu không đúng.',
    });
    const en = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { email: 'nobody@example.org', password: 'nope nope nope' },
    });
    expect(en.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'The email or password is incorrect.',
    });
  });

  it('throttles failed sign-ins per account: the 6th try is refused even with the right password, until the window passes', async () => {
    const u = await createStaff(h.deps, 'observer', { contestId: contest.id });
    for (let i = 0; i < 5; i++) {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: testIp,
        payload: { email: u.email, password: `wrong-${i}-password` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: u.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ code: string }>().code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(16 * 60 * 1000);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: u.password },
    });
    expect(again.statusCode).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token, and cross-origin sign-ins', async () => {
    const u = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    const s = await signInAs(h.app, u.email, u.password);
    const noToken = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json<{ code: string }>().code).toBe('csrf_invalid');
    const wrongToken = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      headers: { origin: 'https://evil.example', host: 'clipcontest.test' },
      payload: { email: u.email, password: u.password },
    });
    expect(crossSite.json<{ code: string }>().code).toBe('csrf_invalid');
    const ok = await h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: asUser(s) });
    expect(ok.statusCode).toBe(204);
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: s.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('makes an organizer enrol TOTP before anything else, then asks for the code at every sign-in', async () => {
    const u = await createStaff(h.deps, 'organizer', { contestId: contest.id });
    const s = await signInAs(h.app, u.email, u.password);
    const session = await h.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: s.cookie },
    });
    expect(session.json<{ totpEnrolmentRequired: boolean }>().totpEnrolmentRequired).toBe(true);
    const blocked = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}`,
      headers: { cookie: s.cookie },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe('totp_enrolment_required');

    const setup = await h.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: asUser(s) });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json<{
      secret: string;
      otpauthUrl: string;
      qrDataUrl: string;
    }>();
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: asUser(s),
      payload: { code: '000000' },
    });
    expect(bad.json<{ code: string }>().code).toBe('totp_invalid');
    const code = totpCodeAt(secret, h.clock.now());
    const confirm = await h.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: asUser(s),
      payload: { code },
    });
    expect(confirm.statusCode).toBe(200);
    const open = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}`,
      headers: { cookie: s.cookie },
    });
    expect(open.statusCode).toBe(200);

    const noCode = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    expect(noCode.json<{ code: string }>().code).toBe('totp_required');
    // The code used to confirm enrolment cannot be replayed within its step.
    const replay = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: TEST_PASSWORD, totpCode: code },
    });
    expect(replay.json<{ code: string }>().code).toBe('totp_invalid');
    h.clock.advance(30_000);
    const next = totpCodeAt(secret, h.clock.now());
    const signed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: testIp,
      payload: { email: u.email, password: TEST_PASSWORD, totpCode: next },
    });
    expect(signed.statusCode).toBe(200);
  });

  it('resets a password through a link sent over SMTP; the link works once and old sessions end', async () => {
    const u = await createStaff(h.deps, 'judge', { contestId: contest.id, roundKey: 'final' });
    const old = await signInAs(h.app, u.email, u.password);
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'ghost@example.org' },
    });
    expect(unknown.statusCode).toBe(202);
    const req = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: u.email },
    });
    expect(req.statusCode).toBe(202);
    const mail = h.inbox.find((m) => m.to === u.email);
    expect(mail?.subject).toContain('đặt lại mật khẩu');
    const token = /reset-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const weak = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'short' },
    });
    expect(weak.json<{ code: string }>().code).toBe('weak_password');
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    const twice = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'another new passphrase' },
    });
    expect(twice.json<{ code: string }>().code).toBe('reset_token_invalid');
    const oldSession = await h.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: old.cookie },
    });
    expect(oldSession.statusCode).toBe(401);
    await expect(signInAs(h.app, u.email, 'a brand new passphrase')).resolves.toBeTruthy();
  });

  it('sends at most 3 reset links an hour to one account, answering 202 every time', async () => {
    const u = await createStaff(h.deps, 'observer', { contestId: contest.id });
    for (let i = 0; i < 5; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email: u.email },
      });
      expect(res.statusCode).toBe(202);
    }
    expect(h.inbox.filter((m) => m.to === u.email)).toHaveLength(3);
    h.clock.advance(61 * 60 * 1000);
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: u.email },
    });
    expect(h.inbox.filter((m) => m.to === u.email)).toHaveLength(4);
  });
});
