import { DomainError } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { accountRepository } from './account.repository.js';
import { authErrors } from './auth.errors.js';
import { hashPassword, newToken, normalizeEmail, sha256 } from './credentials.js';

const RESET_TTL_MS = 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_RESETS_PER_HOUR = 3;

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256)
    throw new DomainError('bad_request', 'weak_password', {
      vi: `Mật khẩu phải có từ ${MIN_PASSWORD_LENGTH} đến 256 ký tự.`,
      en: `The password must be ${MIN_PASSWORD_LENGTH} to 256 characters long.`,
    });
}

/**
 * Always answers the same way whether or not the email is known, so it cannot be used to find accounts.
 * The link goes by email, or to the log when no SMTP server is configured.
 */
export async function requestPasswordReset(
  deps: Deps,
  email: string,
  purpose: 'reset' | 'welcome' = 'reset',
): Promise<void> {
  const user = await accountRepository.findUserByEmail(deps.db.kysely, normalizeEmail(email));
  if (!user || user.disabled === 1) return;
  const now = deps.clock.now();
  // Nobody's inbox can be flooded through this form: a few links an hour is plenty for a real person.
  const recent = await accountRepository.countPasswordResetsSince(
    deps.db.kysely,
    user.id,
    new Date(now.getTime() - RESET_TTL_MS).toISOString(),
  );
  if (recent >= MAX_RESETS_PER_HOUR) {
    deps.log.warn({ userId: user.id }, 'password reset mail suppressed: hourly limit reached');
    return;
  }
  const token = newToken();
  await accountRepository.insertPasswordReset(deps.db.kysely, {
    id: newId(),
    user_id: user.id,
    token_hash: sha256(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + (purpose === 'welcome' ? 7 * 24 : 1) * RESET_TTL_MS).toISOString(),
  });
  const link = `${deps.config.publicUrl}/reset-password?token=${token}`;
  const subject =
    purpose === 'welcome'
      ? 'clipcontest: đặt mật khẩu / set your password'
      : 'clipcontest: đặt lại mật khẩu / reset your password';
  await deps.mailer.send({
    to: user.email,
    subject,
    text: [
      `Xin chào ${user.name},`,
      '',
      purpose === 'welcome'
        ? 'Tài khoản clipcontest của bạn đã được tạo. Mở liên kết sau để đặt mật khẩu (hiệu lực 7 ngày):'
        : 'Mở liên kết sau để đặt lại mật khẩu (hiệu lực 1 giờ). Nếu bạn không yêu cầu, hãy bỏ qua email này.',
      link,
      '',
      '---',
      purpose === 'welcome'
        ? 'Your clipcontest account was created. Open this link to set your password (valid 7 days):'
        : 'Open this link to reset your password (valid 1 hour). If you did not ask for it, ignore this email.',
      link,
    ].join('\n'),
  });
}

export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<void> {
  assertPasswordStrength(password);
  const reset = await accountRepository.findPasswordReset(deps.db.kysely, sha256(token));
  const now = nowIso(deps.clock);
  if (!reset || reset.used_at !== null || reset.expires_at <= now) throw authErrors.resetTokenInvalid();
  const passwordHash = await hashPassword(password);
  await inTransaction(deps, async (trx) => {
    if (!(await accountRepository.consumePasswordReset(trx, reset.id, now)))
      throw authErrors.resetTokenInvalid();
    await accountRepository.updateUser(trx, reset.user_id, { password_hash: passwordHash, updated_at: now });
    await accountRepository.deleteSessionsOfUser(trx, reset.user_id);
    await recordAudit(trx, deps, {
      actorUserId: reset.user_id,
      action: 'auth.password_reset',
      subjectType: 'user',
      subjectId: reset.user_id,
    });
  });
}
