import { createHmac, randomInt } from 'node:crypto';
import {
  afterRightOtp,
  afterWrongOtp,
  assertOtpNotLocked,
  DomainError,
  normalizeVoterAddress,
  OTP_TTL_MS,
  type OtpState,
  type VoterChannel,
} from '@clipcontest/core';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { sql } from 'kysely';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { newToken, safeEqual, sha256 } from '../accounts/credentials.js';
import { enforceLimits } from './rate-limit.js';
import type { VotingRuntime } from './voting-runtime.js';
import { voterRepository, type VoterOtpRow } from './voter.repository.js';

export const VOTER_COOKIE = 'cc_voter';
export const VOTER_SESSION_MS = 30 * 24 * 60 * 60 * 1000;

export interface VoterView {
  id: string;
  channel: VoterChannel;
  /** Partly hidden address, for "signed in as …". */
  address: string;
}

export interface AltchaPayload {
  challenge: Challenge;
  solution: Solution;
}

const errors = {
  challenge: () =>
    new DomainError('bad_request', 'challenge_invalid', {
      vi: 'Chưa vượt qua bước kiểm tra chống máy tự động. Hãy thử lại.',
      en: 'The anti-bot check did not pass. Please try again.',
    }),
  otpInvalid: (left: number) =>
    new DomainError('bad_request', 'otp_invalid', {
      vi: `Mã xác thực không đúng. Còn ${left} lần thử.`,
      en: `Wrong code. ${left} attempts left.`,
    }),
  otpMissing: () =>
    new DomainError('bad_request', 'otp_missing', {
      vi: 'Chưa có mã nào được gửi tới địa chỉ này, hoặc mã đã được dùng. Hãy yêu cầu mã mới.',
      en: 'No code was sent to this address, or it was already used. Ask for a new code.',
    }),
  otpExpired: () =>
    new DomainError('bad_request', 'otp_expired', {
      vi: 'Mã xác thực đã hết hạn. Hãy yêu cầu mã mới.',
      en: 'The code has expired. Ask for a new one.',
    }),
  sendFailed: () =>
    new DomainError(
      'rate_limited',
      'otp_send_failed',
      {
        vi: 'Chưa gửi được mã xác thực. Hãy thử lại sau ít phút.',
        en: 'The code could not be sent. Try again in a few minutes.',
      },
      { retryAfterSeconds: 60 },
    ),
};

export async function newChallenge(deps: Deps, rt: VotingRuntime): Promise<Challenge> {
  const secret = await rt.secret();
  return createChallenge({
    algorithm: 'SHA-256',
    cost: rt.altcha.cost,
    counter: randomInt(rt.altcha.counterMin, rt.altcha.counterMax),
    deriveKey,
    hmacSignatureSecret: secret,
    hmacKeySignatureSecret: `${secret}:key`,
    expiresAt: new Date(deps.clock.now().getTime() + 10 * 60_000),
  });
}

async function assertChallengeSolved(deps: Deps, rt: VotingRuntime, payload: AltchaPayload): Promise<void> {
  const secret = await rt.secret();
  let verified = false;
  try {
    const r = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: secret,
      hmacKeySignatureSecret: `${secret}:key`,
    });
    verified = r.verified;
  } catch {
    verified = false;
  }
  const signature = payload.challenge.signature;
  if (!verified || !signature) throw errors.challenge();
  const expires = new Date(deps.clock.now().getTime() + 15 * 60_000).toISOString();
  if (!(await voterRepository.useChallenge(deps.db.kysely, signature, expires, nowIso(deps.clock))))
    throw errors.challenge();
}

const stateOf = (row: VoterOtpRow | undefined): OtpState => ({
  failures: row?.failures ?? 0,
  lockouts: row?.lockouts ?? 0,
  lockedUntil: row?.locked_until ? new Date(row.locked_until) : null,
});

const codeHash = (secret: string, identity: string, code: string) =>
  createHmac('sha256', secret).update(`${identity}:${code}`).digest('hex');

/** Sends a one-time code by email or SMS, after the proof-of-work challenge and within the rate limits. */
export async function requestOtp(
  deps: Deps,
  rt: VotingRuntime,
  input: { channel: VoterChannel; address: string; altcha: AltchaPayload; ip: string },
): Promise<{ expiresAt: string }> {
  const identity = normalizeVoterAddress(input.channel, input.address);
  const now = deps.clock.now();
  await enforceLimits(rt.store, now, [
    { limit: rt.limits.otpRequestPerIp, subject: input.ip },
    { limit: rt.limits.otpRequestPerAddress, subject: identity },
  ]);
  await assertChallengeSolved(deps, rt, input.altcha);
  const existing = await voterRepository.otpOf(deps.db.kysely, identity);
  assertOtpNotLocked(stateOf(existing), now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString();
  await voterRepository.saveOtp(deps.db.kysely, {
    identity,
    channel: input.channel,
    code_hash: codeHash(await rt.secret(), identity, code),
    expires_at: expiresAt,
    sent_at: now.toISOString(),
    failures: existing?.failures ?? 0,
    lockouts: existing?.lockouts ?? 0,
    locked_until: existing?.locked_until ?? null,
  });
  const text = {
    vi: `Mã xác thực bình chọn clipcontest của bạn là ${code}. Mã có hiệu lực 10 phút. Đừng chia sẻ mã này.`,
    en: `Your clipcontest voting code is ${code}. It is valid for 10 minutes. Do not share it.`,
  };
  try {
    if (input.channel === 'email')
      await deps.mailer.send({
        to: identity,
        subject: `Mã xác thực bình chọn: ${code} / Voting code`,
        text: `${text.vi}\n\n${text.en}\n`,
      });
    else await rt.sms.send(identity, text.vi);
  } catch (e) {
    deps.log.error({ err: e, channel: input.channel }, 'voter OTP could not be sent');
    throw errors.sendFailed();
  }
  return { expiresAt };
}

/**
 * Checks a code. Five wrong codes lock the address (the sixth attempt answers 429 with Retry-After), with a
 * backoff that doubles on each lockout. A right code creates the voter (once per address) and a session.
 */
export async function verifyOtp(
  deps: Deps,
  rt: VotingRuntime,
  input: { channel: VoterChannel; address: string; code: string; ip: string },
): Promise<{ voter: VoterView; token: string; expiresAt: string }> {
  const identity = normalizeVoterAddress(input.channel, input.address);
  const now = deps.clock.now();
  await enforceLimits(rt.store, now, [{ limit: rt.limits.otpVerifyPerIp, subject: input.ip }]);
  const secret = await rt.secret();
  const outcome = await inTransaction(deps, async (trx) => {
    // Attempts on one address are serialized so that parallel guesses cannot share one attempt.
    if (deps.db.dialect === 'postgres')
      await sql`select 1 from voter_otps where identity = ${identity} for update`.execute(trx);
    const row = await voterRepository.otpOf(trx, identity);
    const state = stateOf(row);
    assertOtpNotLocked(state, now);
    if (!row?.code_hash || !row.expires_at) return { error: errors.otpMissing() };
    if (Date.parse(row.expires_at) <= now.getTime()) return { error: errors.otpExpired() };
    if (!safeEqual(codeHash(secret, identity, input.code.trim()), row.code_hash)) {
      const next = afterWrongOtp(state, now);
      await voterRepository.saveOtp(trx, {
        ...row,
        failures: next.failures,
        lockouts: next.lockouts,
        locked_until: next.lockedUntil?.toISOString() ?? null,
      });
      return { error: errors.otpInvalid(next.lockedUntil ? 0 : 5 - next.failures) };
    }
    const next = afterRightOtp(state);
    await voterRepository.saveOtp(trx, {
      ...row,
      code_hash: null,
      expires_at: null,
      failures: next.failures,
      lockouts: next.lockouts,
      locked_until: null,
    });
    const voter = await voterRepository.insertIfAbsent(trx, {
      id: newId(),
      channel: input.channel,
      identity,
      created_at: now.toISOString(),
      created_ip: input.ip,
    });
    const token = newToken();
    const expiresAt = new Date(now.getTime() + VOTER_SESSION_MS).toISOString();
    await voterRepository.insertSession(trx, {
      id: newId(),
      token_hash: sha256(token),
      voter_id: voter.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { voter, token, expiresAt };
  });
  // A wrong code is committed (it counts) before the refusal is thrown.
  if ('error' in outcome) throw outcome.error as DomainError;
  return { voter: viewOf(outcome.voter), token: outcome.token, expiresAt: outcome.expiresAt };
}

export function viewOf(v: { id: string; channel: VoterChannel; identity: string }): VoterView {
  const at = v.identity.lastIndexOf('@');
  const address =
    v.channel === 'phone'
      ? `${v.identity.slice(0, 4)}***${v.identity.slice(-3)}`
      : `${v.identity.slice(0, 2)}***${v.identity.slice(at)}`;
  return { id: v.id, channel: v.channel, address };
}

export interface VoterPrincipal {
  id: string;
  channel: VoterChannel;
  identity: string;
  createdAt: string;
}

// Sessions seen in the last few seconds: a burst of votes from one phone costs one lookup, not one per
// request. A sign-out on another instance is honoured within SESSION_CACHE_MS.
const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 50_000;
const sessionCache = new Map<string, { voter: VoterPrincipal; until: number }>();

export async function voterFromToken(deps: Deps, token: string | undefined): Promise<VoterPrincipal | null> {
  if (!token) return null;
  const hash = sha256(token);
  const now = deps.clock.now().getTime();
  const hit = sessionCache.get(hash);
  if (hit && hit.until > now) return hit.voter;
  const row = deps.db.sqlite
    ? voterRepository.sessionVoterSqlite(deps.db.sqlite, hash, nowIso(deps.clock))
    : await voterRepository.sessionVoter(deps.db.kysely, hash, nowIso(deps.clock));
  if (!row) {
    sessionCache.delete(hash);
    return null;
  }
  const voter = { id: row.id, channel: row.channel, identity: row.identity, createdAt: row.created_at };
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  sessionCache.set(hash, { voter, until: now + SESSION_CACHE_MS });
  return voter;
}

export async function signOutVoter(deps: Deps, token: string | undefined): Promise<void> {
  if (!token) return;
  sessionCache.delete(sha256(token));
  await voterRepository.deleteSession(deps.db.kysely, sha256(token));
}
