import { ancestorsOf, type OrgUnit } from '@clipcontest/core';
import type { Executor } from '../../infra/db/database.js';
import { orgUnitRepository } from './org-unit.repository.js';

/** All org units in memory (a province has a few hundred): ancestry and lookups without a query each. */
export interface UnitIndex {
  get(id: string): OrgUnit | undefined;
  ancestry(id: string): string[];
  /** Root → unit, the unit included, as units. */
  path(id: string): OrgUnit[];
  descendants(id: string): OrgUnit[];
  atLevel(level: string): OrgUnit[];
}

export async function loadUnitIndex(db: Executor): Promise<UnitIndex> {
  const rows = await orgUnitRepository.all(db);
  const units = new Map<string, OrgUnit>(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, level: r.level },
    ]),
  );
  const children = new Map<string, OrgUnit[]>();
  for (const u of units.values())
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const ancestry = (id: string) => (units.has(id) ? ancestorsOf(units, id) : []);
  return {
    get: (id) => units.get(id),
    atLevel: (level) => [...units.values()].filter((u) => u.level === level),
    ancestry,
    path: (id) => ancestry(id).flatMap((a) => units.get(a) ?? []),
    descendants(id) {
      const out: OrgUnit[] = [];
      const walk = (pid: string) => {
        for (const c of children.get(pid) ?? []) {
          out.push(c);
          walk(c.id);
        }
      };
      walk(id);
      return out;
    },
  };
}
