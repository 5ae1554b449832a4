import type { Actor, RoleAssignment } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { requireTotpForStaff } from '../settings/setting.repository.js';
import {
  accountRepository,
  type AssignmentView,
  type SessionRow,
  type UserRow,
} from './account.repository.js';
import { authErrors } from './auth.errors.js';
import {
  burnPasswordCheck,
  checkTotp,
  newToken,
  normalizeEmail,
  sha256,
  verifyPassword,
} from './credentials.js';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// OWASP ASVS 2.2.1: at most 5 failures per account and 50 per address in a sliding 15-minute window.
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 50;
const TOTP_ROLES = new Set(['admin', 'organizer']);

export interface AuthContext {
  user: UserRow;
  session: SessionRow;
  assignments: AssignmentView[];
  actor: Actor;
  totpEnrolmentRequired: boolean;
}

export interface SessionView {
  user: { id: string; email: string; name: string };
  csrfToken: string;
  totpEnabled: boolean;
  totpEnrolmentRequired: boolean;
  assignments: Array<{
    id: string;
    role: RoleAssignment['role'];
    contestId: string | null;
    contestSlug: string | null;
    roundKey: string | null;
    orgUnitId: string | null;
    orgUnitName: string | null;
  }>;
}

export function toActor(userId: string, assignments: AssignmentView[]): Actor {
  return {
    userId,
    assignments: assignments.map((a) => ({
      role: a.role as RoleAssignment['role'],
      contestId: a.contest_id,
      roundKey: a.round_key,
      orgUnitId: a.org_unit_id,
    })),
  };
}

export function sessionView(ctx: AuthContext): SessionView {
  return {
    user: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name },
    csrfToken: ctx.session.csrf_token,
    totpEnabled: ctx.user.totp_enabled === 1,
    totpEnrolmentRequired: ctx.totpEnrolmentRequired,
    assignments: ctx.assignments.map((a) => ({
      id: a.id,
      role: a.role as RoleAssignment['role'],
      contestId: a.contest_id,
      contestSlug: a.contest_slug,
      roundKey: a.round_key,
      orgUnitId: a.org_unit_id,
      orgUnitName: a.org_unit_name,
    })),
  };
}

async function buildContext(db: Executor, user: UserRow, session: SessionRow): Promise<AuthContext> {
  const assignments = await accountRepository.assignmentsOf(db, user.id);
  const needsTotp = assignments.some((a) => TOTP_ROLES.has(a.role));
  const totpEnrolmentRequired = needsTotp && user.totp_enabled !== 1 && (await requireTotpForStaff(db));
  return { user, session, assignments, actor: toActor(user.id, assignments), totpEnrolmentRequired };
}

async function throttle(deps: Deps, emailKey: string, ip: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const since = new Date(now - FAILURE_WINDOW_MS).toISOString();
  const { byEmail, byIp } = await accountRepository.failuresSince(deps.db.kysely, emailKey, ip, since);
  const blockedUntil = (times: string[], max: number): number =>
    times.length >= max ? Date.parse(times[times.length - max] ?? '') + FAILURE_WINDOW_MS : 0;
  const until = Math.max(
    blockedUntil(byEmail, MAX_FAILURES_PER_ACCOUNT),
    blockedUntil(byIp, MAX_FAILURES_PER_IP),
  );
  if (until > now) throw authErrors.tooManyAttempts(Math.ceil((until - now) / 1000));
}

async function fail(deps: Deps, emailKey: string, ip: string, error: Error): Promise<never> {
  await accountRepository.recordFailure(deps.db.kysely, {
    id: newId(),
    email_key: emailKey,
    ip,
    at: nowIso(deps.clock),
  });
  deps.log.info({ emailKey, ip }, 'failed sign-in');
  throw error;
}

export async function signIn(
  deps: Deps,
  input: {
    email: string;
    password: string;
    totpCode?: string | undefined;
    ip: string;
    userAgent?: string | undefined;
  },
): Promise<{ token: string; context: AuthContext }> {
  const emailKey = normalizeEmail(input.email);
  await throttle(deps, emailKey, input.ip);
  const user = await accountRepository.findUserByEmail(deps.db.kysely, emailKey);
  const passwordOk =
    user && user.disabled === 0 && user.password_hash
      ? await verifyPassword(user.password_hash, input.password)
      : (await burnPasswordCheck(input.password), false);
  if (!user || !passwordOk) return fail(deps, emailKey, input.ip, authErrors.invalidCredentials());

  const now = deps.clock.now();
  let totpStep: number | null = null;
  if (user.totp_enabled === 1 && user.totp_secret) {
    if (!input.totpCode) throw authErrors.totpRequired();
    totpStep = checkTotp(user.totp_secret, input.totpCode, now);
    // A code is accepted once: replaying an observed code within its 30 s step is refused.
    if (totpStep === null || (user.totp_last_step !== null && totpStep <= Number(user.totp_last_step)))
      return fail(deps, emailKey, input.ip, authErrors.totpInvalid());
  }

  const token = newToken();
  const session: SessionRow = {
    id: newId(),
    token_hash: sha256(token),
    user_id: user.id,
    csrf_token: newToken(),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  };
  await inTransaction(deps, async (trx) => {
    if (totpStep !== null) await accountRepository.updateUser(trx, user.id, { totp_last_step: totpStep });
    await accountRepository.clearFailures(trx, emailKey);
    await accountRepository.deleteExpiredSessionsOfUser(trx, user.id, session.created_at);
    await accountRepository.insertSession(trx, session);
  });
  return { token, context: await buildContext(deps.db.kysely, user, session) };
}

/** Resolves a session cookie to its user and scoped roles; expired or unknown tokens give null. */
export async function authenticate(deps: Deps, token: string | undefined): Promise<AuthContext | null> {
  if (!token) return null;
  const session = await accountRepository.findSessionByTokenHash(deps.db.kysely, sha256(token));
  if (!session || session.expires_at <= nowIso(deps.clock)) return null;
  const user = await accountRepository.findUserById(deps.db.kysely, session.user_id);
  if (!user || user.disabled === 1) return null;
  return buildContext(deps.db.kysely, user, session);
}

export async function signOut(deps: Deps, ctx: AuthContext): Promise<void> {
  await accountRepository.deleteSession(deps.db.kysely, ctx.session.id);
}

export async function refreshContext(deps: Deps, ctx: AuthContext): Promise<AuthContext> {
  const user = await accountRepository.findUserById(deps.db.kysely, ctx.user.id);
  if (!user) throw authErrors.unauthenticated();
  return buildContext(deps.db.kysely, user, ctx.session);
}
