/**
 * One-time codes for voters: 6 digits, valid 10 minutes, at most 5 wrong attempts; after that the address
 * is locked, first for 1 minute, doubling with every further lockout up to 1 hour.
 */
import { DomainError } from '../errors.js';

export const OTP_LENGTH = 6;
export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
const BASE_LOCK_MS = 60 * 1000;
const MAX_LOCK_MS = 60 * 60 * 1000;

export interface OtpState {
  /** Wrong codes since the last success or lockout. */
  failures: number;
  /** How many times this address has been locked out (drives the backoff). */
  lockouts: number;
  lockedUntil: Date | null;
}

/** Lock length for the `n`-th lockout (1-based): 1 min, 2 min, 4 min … capped at 1 h. */
export function lockDurationMs(n: number): number {
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** Math.max(0, n - 1));
}

export function otpLockedError(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'rate_limited',
    'otp_locked',
    {
      vi: `Nhập sai mã quá nhiều lần. Hãy thử lại sau ${retryAfterSeconds} giây.`,
      en: `Too many wrong codes. Try again in ${retryAfterSeconds} seconds.`,
    },
    { retryAfterSeconds },
  );
}

/** Throws `rate_limited/otp_locked` (with Retry-After) while the address is locked. */
export function assertOtpNotLocked(state: OtpState, now: Date): void {
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime())
    throw otpLockedError(Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)));
}

/** The state after a wrong code: the 5th wrong code starts a lockout (the 6th attempt is refused). */
export function afterWrongOtp(state: OtpState, now: Date): OtpState {
  const failures = state.failures + 1;
  if (failures < OTP_MAX_ATTEMPTS) return { ...state, failures };
  const lockouts = state.lockouts + 1;
  return { failures: 0, lockouts, lockedUntil: new Date(now.getTime() + lockDurationMs(lockouts)) };
}

/** A success clears the failures but remembers past lockouts, so a repeat offender waits longer. */
export const afterRightOtp = (state: OtpState): OtpState => ({ ...state, failures: 0, lockedUntil: null });
