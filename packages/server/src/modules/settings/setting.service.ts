import { DomainError, type Actor, can } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { SETTING_REQUIRE_TOTP, settingRepository } from './setting.repository.js';

/** Known platform settings and the shape of their values. */
const SETTINGS: Record<string, (v: unknown) => boolean> = {
  [SETTING_REQUIRE_TOTP]: (v) => typeof v === 'boolean',
};

/** Changes a platform setting with an audit row in the same transaction. `actor` null: the CLI operator. */
export async function changeSetting(
  deps: Deps,
  actor: Actor | null,
  key: string,
  value: unknown,
  why?: string,
): Promise<void> {
  if (actor && !can(actor, 'user.manage', {})) throw authErrors.forbidden();
  const check = SETTINGS[key];
  if (!check)
    throw new DomainError('bad_request', 'unknown_setting', {
      vi: `Không có thiết lập "${key}". Các thiết lập: ${Object.keys(SETTINGS).join(', ')}.`,
      en: `There is no setting "${key}". Settings: ${Object.keys(SETTINGS).join(', ')}.`,
    });
  if (!check(value))
    throw new DomainError('bad_request', 'invalid_setting_value', {
      vi: `Giá trị không hợp lệ cho "${key}".`,
      en: `Invalid value for "${key}".`,
    });
  await inTransaction(deps, async (trx) => {
    await settingRepository.set(trx, key, value, nowIso(deps.clock));
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'settings.changed',
      subjectType: 'setting',
      subjectId: key,
      data: { value, why: why ?? null },
    });
  });
}
