import { describe, expect, it } from 'vitest';
import { demoContestConfig } from '../demo/quang-ngai-2023.js';
import { DomainError } from '../errors.js';
import {
  afterRightOtp,
  afterWrongOtp,
  assertCanConfirm,
  assertOtpNotLocked,
  assertVotingOpen,
  countingSnapshots,
  countsHidden,
  detectFraudSignals,
  isDisposableEmail,
  lockDurationMs,
  normalizeEmail,
  normalizePhone,
  replayOf,
  subnet24,
  votingStatus,
  votingWindowOf,
  type FraudVote,
  type OtpState,
} from './index.js';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'none';
};

describe('voter identity', () => {
  it('normalizes emails so one mailbox is one voter', () => {
    expect(normalizeEmail(' An.Nguyen+vote@GMAIL.com ')).toBe('annguyen@gmail.com');
    expect(normalizeEmail('an.nguyen@googlemail.com')).toBe('annguyen@gmail.com');
    expect(normalizeEmail('An.Nguyen+x@quangngai.gov.vn')).toBe('an.nguyen+x@quangngai.gov.vn');
    expect(codeOf(() => normalizeEmail('not-an-email'))).toBe('voter_email_invalid');
    expect(codeOf(() => normalizeEmail('+tag@gmail.com'))).toBe('voter_email_invalid');
  });
  it('normalizes Vietnamese phone numbers to the national form', () => {
    for (const raw of ['0905 123 456', '+84 905 123 456', '84905123456', '0084905123456', '0905.123.456'])
      expect(normalizePhone(raw)).toBe('0905123456');
    expect(codeOf(() => normalizePhone('12345'))).toBe('voter_phone_invalid');
    expect(codeOf(() => normalizePhone('0205123456'))).toBe('voter_phone_invalid');
    expect(codeOf(() => normalizePhone('09051234ab'))).toBe('voter_phone_invalid');
  });
  it('knows disposable domains, subdomains included', () => {
    expect(isDisposableEmail('x@mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@eu.yopmail.com')).toBe(true);
    expect(isDisposableEmail('x@gmail.com')).toBe(false);
  });
});

describe('OTP lockout', () => {
  const now = new Date('2023-09-10T00:00:00Z');
  it('locks on the 5th wrong code, so the 6th attempt is refused, with a doubling backoff', () => {
    let s: OtpState = { failures: 0, lockouts: 0, lockedUntil: null };
    for (let i = 0; i < 4; i++) {
      s = afterWrongOtp(s, now);
      expect(() => assertOtpNotLocked(s, now)).not.toThrow();
    }
    s = afterWrongOtp(s, now);
    expect(codeOf(() => assertOtpNotLocked(s, now))).toBe('otp_locked');
    expect(s.lockedUntil?.getTime()).toBe(now.getTime() + 60_000);
    const later = new Date(now.getTime() + 61_000);
    expect(() => assertOtpNotLocked(s, later)).not.toThrow();
    for (let i = 0; i < 5; i++) s = afterWrongOtp(s, later);
    expect(s.lockedUntil?.getTime()).toBe(later.getTime() + 120_000);
    expect(lockDurationMs(20)).toBe(3_600_000);
    expect(afterRightOtp(s)).toEqual({ failures: 0, lockouts: 2, lockedUntil: null });
  });
  it('says how long to wait', () => {
    const s: OtpState = { failures: 0, lockouts: 1, lockedUntil: new Date(now.getTime() + 30_500) };
    try {
      assertOtpNotLocked(s, now);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).retryAfterSeconds).toBe(31);
    }
  });
});

describe('voting window', () => {
  const now = new Date('2023-09-10T03:00:00Z');
  const config = demoContestConfig({ phase: 'voting', now });
  const final = config.rounds.find((r) => r.windows.voting)?.key ?? '';
  it('finds the voting round from an earlier round and refuses outside it, naming the window', () => {
    const w = votingWindowOf(config, 'district');
    expect(w?.roundKey).toBe(final);
    expect(votingStatus(w, now)).toBe('open');
    const after = new Date((w?.endsAt.getTime() ?? 0) + 1000);
    expect(votingStatus(w, after)).toBe('closed');
    try {
      assertVotingOpen(w, after, config.timezone);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('VOTING_CLOSED');
      expect((e as DomainError).localized.en).toContain(w?.closesAtLocal.replace('T', ' '));
    }
    expect(() => assertVotingOpen(w, now, config.timezone)).not.toThrow();
    expect(codeOf(() => assertVotingOpen(null, now, config.timezone))).toBe('VOTING_CLOSED');
  });
  it('hides counts during the last N days only', () => {
    const w = votingWindowOf(config, final);
    const hiding = {
      ...config,
      audienceFormula: { ...config.audienceFormula, sources: [], hideCountsLastDays: 3 },
    } as typeof config;
    const end = w?.endsAt.getTime() ?? 0;
    expect(countsHidden(hiding, w, new Date(end - 4 * 86_400_000))).toBe(false);
    expect(countsHidden(hiding, w, new Date(end - 2 * 86_400_000))).toBe(true);
    expect(countsHidden(hiding, w, new Date(end))).toBe(false);
    expect(countsHidden(config, w, new Date(end - 1000))).toBe(false);
  });
});

describe('fanpage snapshots', () => {
  const s = (id: string, takenAt: string, confirmedBy: string | null, entryId = 'e1') => ({
    id,
    entryId,
    takenAt,
    recordedBy: 'u1',
    confirmedBy,
  });
  it('counts the confirmed snapshot nearest before the cut-off, never an unconfirmed one', () => {
    const cutoff = new Date('2023-09-18T17:00:00Z');
    const chosen = countingSnapshots(
      [
        s('a', '2023-09-17T00:00:00Z', 'u2'),
        s('b', '2023-09-18T10:00:00Z', null),
        s('c', '2023-09-18T09:00:00Z', 'u2'),
        s('d', '2023-09-19T00:00:00Z', 'u2'),
        s('e', '2023-09-18T09:30:00Z', 'u1'),
      ],
      cutoff,
    );
    expect(chosen.get('e1')?.id).toBe('c');
  });
  it('enforces the two-person rule', () => {
    expect(codeOf(() => assertCanConfirm(s('a', 'x', null), 'u1'))).toBe('snapshot_same_person');
    expect(codeOf(() => assertCanConfirm(s('a', 'x', 'u2'), 'u3'))).toBe('snapshot_already_confirmed');
    expect(() => assertCanConfirm(s('a', 'x', null), 'u2')).not.toThrow();
  });
});

describe('idempotency', () => {
  it('replays the first answer and refuses a different request under the same key', () => {
    const stored = { requestHash: 'h1', statusCode: 200, responseJson: '{"liked":true}' };
    expect(replayOf(stored, 'h1')).toEqual({ status: 200, body: { liked: true } });
    expect(codeOf(() => replayOf(stored, 'h2'))).toBe('idempotency_key_reused');
  });
});

describe('fraud signals', () => {
  const t0 = Date.parse('2023-09-10T00:00:00Z');
  const vote = (i: number, entryId: string, at: number, ip: string, voterId = `v${i}`): FraudVote => ({
    id: `x${i}`,
    entryId,
    voterId,
    kind: 'like',
    at: new Date(at).toISOString(),
    ip,
    voided: false,
  });
  it('flags a burst against the entry’s own baseline, not a steadily popular entry', () => {
    const votes: FraudVote[] = [];
    let i = 0;
    // e1: 3 votes every 10 minutes for 10 hours; e2: the same plus 60 votes in one 10-minute bucket.
    for (const entry of ['e1', 'e2'])
      for (let b = 0; b < 60; b++)
        for (let k = 0; k < 3; k++) votes.push(vote(i++, entry, t0 + b * 600_000 + k, `10.0.${b}.${k}`));
    for (let k = 0; k < 60; k++) votes.push(vote(i++, 'e2', t0 + 30 * 600_000 + 1000 + k, `10.9.${k}.1`));
    const bursts = detectFraudSignals(votes, []).filter((s) => s.kind === 'burst');
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ entryId: 'e2', votes: 63, baseline: 3 });
  });
  it('flags many accounts per IP and per /24, fresh single-entry accounts, disposable domains', () => {
    const votes = Array.from({ length: 12 }, (_, i) =>
      vote(i, 'e1', t0 + 60_000, `203.0.113.${i < 10 ? 7 : i}`),
    );
    const voters = votes.map((v, i) => ({
      id: v.voterId,
      channel: 'email' as const,
      identity: i === 0 ? 'bot@mailinator.com' : `p${i}@gmail.com`,
      createdAt: new Date(t0).toISOString(),
    }));
    const signals = detectFraudSignals(votes, voters, { accountsPerSubnet: 12 });
    const kinds = signals.map((s) => s.kind).sort();
    expect(kinds).toEqual(['disposable_email', 'fresh_accounts', 'shared_ip', 'shared_subnet']);
    expect(signals.find((s) => s.kind === 'shared_ip')).toMatchObject({ ip: '203.0.113.7', accounts: 10 });
    expect(
      detectFraudSignals(
        votes.map((v) => ({ ...v, voided: true })),
        [],
      ),
    ).toEqual([]);
    expect(subnet24('::ffff:192.168.1.20')).toBe('192.168.1.0/24');
    expect(subnet24('2001:db8::1')).toBeNull();
  });
});
