/** The administrative tree (province → district → commune, province → commune, or any depth). */
import { DomainError } from './errors.js';

export interface OrgUnit {
  id: string;
  /** Official code (e.g. GSO code `51` for Quảng Ngãi province). */
  code: string;
  /** Official name, e.g. `Xã Bình Sơn`. */
  name: string;
  /** Official kind, e.g. `province`, `city`, `district`, `town`, `ward`, `commune`, `township`. */
  kind: string;
  parentId: string | null;
  /** The contest org level this unit belongs to, e.g. `district`. */
  level: string;
}

type UnitsInput = readonly OrgUnit[] | ReadonlyMap<string, OrgUnit>;

const byId = (units: UnitsInput): ReadonlyMap<string, OrgUnit> =>
  units instanceof Map ? units : new Map((units as readonly OrgUnit[]).map((u) => [u.id, u]));

const notFound = (id: string): DomainError =>
  new DomainError('not_found', 'org_unit_not_found', {
    vi: `Không tìm thấy đơn vị "${id}".`,
    en: `Org unit "${id}" was not found.`,
  });

/**
 * Ids from the root down to `id`, the unit itself included (this is `Resource.orgUnitAncestry`).
 * Throws `not_found/org_unit_not_found` for an unknown unit or parent, `bad_request/org_unit_cycle` for a cycle.
 */
export function ancestorsOf(units: UnitsInput, id: string): string[] {
  const index = byId(units);
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | null = id;
  while (current !== null) {
    if (seen.has(current)) {
      throw new DomainError('bad_request', 'org_unit_cycle', {
        vi: 'Cây đơn vị hành chính có vòng lặp.',
        en: 'The org-unit tree contains a cycle.',
      });
    }
    seen.add(current);
    const unit = index.get(current);
    if (!unit) throw notFound(current);
    path.push(unit.id);
    current = unit.parentId;
  }
  return path.reverse();
}

/** Every unit below `id` (not `id` itself), parents before children, siblings in input order. */
export function descendantsOf(units: UnitsInput, id: string): OrgUnit[] {
  const index = byId(units);
  if (!index.has(id)) throw notFound(id);
  const children = new Map<string, OrgUnit[]>();
  for (const u of index.values()) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const out: OrgUnit[] = [];
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] ?? '') ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      queue.push(child.id);
    }
  }
  return out;
}

/** True when `unitId` is `ancestorId` or lies below it. Unknown ids give false. */
export function isWithin(units: UnitsInput, unitId: string, ancestorId: string): boolean {
  const index = byId(units);
  if (!index.has(unitId) || !index.has(ancestorId)) return false;
  try {
    return ancestorsOf(index, unitId).includes(ancestorId);
  } catch {
    return false;
  }
}

/** Direct children of `id` (or the roots when `id` is null), in input order. */
export function childrenOf(units: UnitsInput, id: string | null): OrgUnit[] {
  return [...byId(units).values()].filter((u) => u.parentId === id);
}
