import { can, DomainError, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { verifyChain, type ChainVerdict, type StoredAuditRow } from './audit-chain.js';
import { auditRepository } from './audit.repository.js';
import { authErrors } from '../accounts/auth.errors.js';

export interface AuditInput {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  contestId?: string | null;
  data?: unknown;
}

/** Call inside the transaction of the change being recorded, so both commit or neither does. */
export function recordAudit(
  trx: Executor,
  deps: Pick<Deps, 'db' | 'clock'>,
  input: AuditInput,
): Promise<StoredAuditRow> {
  return auditRepository.append(trx, deps.db.dialect, {
    id: newId(),
    at: nowIso(deps.clock),
    actorUserId: input.actorUserId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    contestId: input.contestId ?? null,
    data: input.data ?? null,
  });
}

export function verifyAuditChain(deps: Pick<Deps, 'db'>): Promise<ChainVerdict> {
  return verifyChain(auditRepository.streamAll(deps.db.kysely));
}

export async function listAudit(
  deps: Pick<Deps, 'db'>,
  filter: { contestId?: string; limit?: number; beforeSeq?: number },
): Promise<StoredAuditRow[]> {
  const limit = filter.limit ?? 100;
  if (limit < 1 || limit > 1000)
    throw new DomainError('bad_request', 'invalid_limit', {
      vi: 'Số dòng phải từ 1 đến 1000.',
      en: 'The limit must be between 1 and 1000.',
    });
  return auditRepository.list(deps.db.kysely, { ...filter, limit });
}

/** Platform auditors see everything; a contest's organizers and observers see that contest's rows. */
export function listAuditFor(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  filter: { contestId?: string | undefined; limit?: number | undefined; beforeSeq?: number | undefined },
): Promise<StoredAuditRow[]> {
  const scope = filter.contestId ? { contestId: filter.contestId } : {};
  if (!can(actor, 'audit.view', scope)) throw authErrors.forbidden();
  return listAudit(deps, {
    ...(filter.contestId ? { contestId: filter.contestId } : {}),
    ...(filter.limit ? { limit: filter.limit } : {}),
    ...(filter.beforeSeq ? { beforeSeq: filter.beforeSeq } : {}),
  });
}
