import QRCode from 'qrcode';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { accountRepository } from './account.repository.js';
import { authErrors } from './auth.errors.js';
import { refreshContext, type AuthContext } from './auth.service.js';
import { checkTotp, newTotpSecret, totpUri } from './credentials.js';

/** Starts (or restarts) enrolment: a fresh secret is stored but not active until a code confirms it. */
export async function startTotpSetup(
  deps: Deps,
  ctx: AuthContext,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  if (ctx.user.totp_enabled === 1) throw authErrors.totpAlreadyEnabled();
  const secret = newTotpSecret();
  await accountRepository.updateUser(deps.db.kysely, ctx.user.id, {
    totp_secret: secret,
    updated_at: deps.clock.now().toISOString(),
  });
  const otpauthUrl = totpUri(secret, ctx.user.email);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
}

export async function confirmTotpSetup(deps: Deps, ctx: AuthContext, code: string): Promise<AuthContext> {
  const user = await accountRepository.findUserById(deps.db.kysely, ctx.user.id);
  if (!user) throw authErrors.unauthenticated();
  if (user.totp_enabled === 1) throw authErrors.totpAlreadyEnabled();
  if (!user.totp_secret) throw authErrors.totpNotStarted();
  const step = checkTotp(user.totp_secret, code, deps.clock.now());
  if (step === null) throw authErrors.totpInvalid();
  await inTransaction(deps, async (trx) => {
    await accountRepository.updateUser(trx, user.id, {
      totp_enabled: 1,
      totp_last_step: step,
      updated_at: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps, {
      actorUserId: user.id,
      action: 'auth.totp_enabled',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
  return refreshContext(deps, ctx);
}
