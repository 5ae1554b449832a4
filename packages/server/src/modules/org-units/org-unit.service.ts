import { can, DomainError, validateOrgImport, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { authErrors } from '../accounts/auth.errors.js';
import { orgUnitRepository, type OrgUnitRow } from './org-unit.repository.js';

export interface OrgUnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parentId: string | null;
}

export const toOrgUnitView = (u: OrgUnitRow): OrgUnitView => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  level: u.level,
  parentId: u.parent_id,
});

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
}

const notFound = () =>
  new DomainError('not_found', 'org_unit_not_found', {
    vi: 'Không tìm thấy đơn vị hành chính.',
    en: 'Administrative unit not found.',
  });

/** Upsert by official code: importing the same file again changes nothing. */
export async function importOrgUnits(
  deps: Deps,
  actor: Actor | null,
  input: unknown,
): Promise<ImportSummary> {
  if (actor && !can(actor, 'orgUnit.import', {})) throw authErrors.forbidden();
  const parsed = validateOrgImport(input);
  if (!parsed.ok)
    throw new DomainError(
      'bad_request',
      'invalid_org_file',
      {
        vi: 'Tệp đơn vị hành chính không đúng định dạng.',
        en: 'The administrative-unit file is not in the expected shape.',
      },
      { issues: parsed.issues.slice(0, 50) },
    );
  const rows = parsed.units;
  return inTransaction(deps, async (trx) => {
    const existing = new Map(
      (
        await orgUnitRepository.findByCodes(
          trx,
          rows.map((r) => r.code),
        )
      ).map((u) => [u.code, u]),
    );
    const idByCode = new Map([...existing.values()].map((u) => [u.code, u.id]));
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, total: rows.length };
    const at = nowIso(deps.clock);
    for (const r of [...rows].sort((a, b) => a.depth - b.depth)) {
      const parentId = r.parentCode === null ? null : (idByCode.get(r.parentCode) ?? null);
      const current = existing.get(r.code);
      if (!current) {
        const id = newId();
        idByCode.set(r.code, id);
        await orgUnitRepository.insert(trx, {
          id,
          code: r.code,
          name: r.name,
          kind: r.kind,
          level: r.level,
          parent_id: parentId,
          depth: r.depth,
          created_at: at,
          updated_at: at,
        });
        summary.created++;
      } else if (
        current.name !== r.name ||
        current.kind !== r.kind ||
        current.level !== r.level ||
        current.parent_id !== parentId ||
        current.depth !== r.depth
      ) {
        await orgUnitRepository.update(trx, current.id, {
          name: r.name,
          kind: r.kind,
          level: r.level,
          parent_id: parentId,
          depth: r.depth,
          updated_at: at,
        });
        summary.updated++;
      } else summary.unchanged++;
    }
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'org_units.import',
      subjectType: 'org_unit',
      data: summary,
    });
    return summary;
  });
}

export async function getOrgUnit(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ unit: OrgUnitView; ancestors: OrgUnitView[]; children: OrgUnitView[] }> {
  const ancestry = await orgUnitRepository.ancestry(deps.db.kysely, id);
  const unit = ancestry[ancestry.length - 1];
  if (!unit) throw notFound();
  // Units are shared by every contest: whoever may view the unit in any of their contests may open it.
  const resource = { orgUnitId: unit.id, orgUnitAncestry: ancestry.map((u) => u.id) };
  const contests = [...new Set(actor.assignments.map((a) => a.contestId))];
  if (
    !contests.some((contestId) =>
      can(actor, 'orgUnit.view', contestId ? { ...resource, contestId } : resource),
    )
  )
    throw authErrors.forbidden();
  const children = await orgUnitRepository.children(deps.db.kysely, unit.id);
  return {
    unit: toOrgUnitView(unit),
    ancestors: ancestry.slice(0, -1).map(toOrgUnitView),
    children: children.map(toOrgUnitView),
  };
}

export async function listOrgUnits(deps: Deps): Promise<OrgUnitView[]> {
  return (await orgUnitRepository.all(deps.db.kysely)).map(toOrgUnitView);
}

export async function ancestryIds(deps: Deps, id: string | null | undefined): Promise<string[] | undefined> {
  if (!id) return undefined;
  const path = await orgUnitRepository.ancestry(deps.db.kysely, id);
  return path.length ? path.map((u) => u.id) : undefined;
}
