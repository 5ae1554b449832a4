import type { Executor } from '../../infra/db/database.js';
import type { OrgUnitTable } from '../../infra/db/schema.js';

export type OrgUnitRow = OrgUnitTable;

export const orgUnitRepository = {
  findById(db: Executor, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: Executor, code: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
  },
  findByCodes(db: Executor, codes: string[]): Promise<OrgUnitRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('org_units').selectAll().where('code', 'in', codes).execute();
  },
  children(db: Executor, parentId: string): Promise<OrgUnitRow[]> {
    return db.selectFrom('org_units').selectAll().where('parent_id', '=', parentId).orderBy('code').execute();
  },
  all(db: Executor): Promise<OrgUnitRow[]> {
    return db.selectFrom('org_units').selectAll().orderBy('depth').orderBy('code').execute();
  },
  /** Root → unit, the unit included. Trees are shallow (3–4 levels), so a loop of lookups is enough. */
  async ancestry(db: Executor, id: string): Promise<OrgUnitRow[]> {
    const path: OrgUnitRow[] = [];
    let next: string | null = id;
    while (next !== null && path.length < 32) {
      const unit = await orgUnitRepository.findById(db, next);
      if (!unit) break;
      path.unshift(unit);
      next = unit.parent_id;
    }
    return path;
  },
  /** The unit and everything under it, via a recursive CTE that both dialects support. */
  async subtree(db: Executor, rootId: string): Promise<OrgUnitRow[]> {
    return db
      .withRecursive('tree(id)', (qb) =>
        qb
          .selectFrom('org_units')
          .select('id')
          .where('id', '=', rootId)
          .unionAll((u) =>
            u.selectFrom('org_units as o').innerJoin('tree', 'tree.id', 'o.parent_id').select('o.id'),
          ),
      )
      .selectFrom('org_units')
      .selectAll('org_units')
      .where('org_units.id', 'in', (qb) => qb.selectFrom('tree').select('tree.id'))
      .orderBy('org_units.depth')
      .orderBy('org_units.code')
      .execute();
  },
  async insert(db: Executor, row: OrgUnitRow): Promise<void> {
    await db.insertInto('org_units').values(row).execute();
  },
  async update(
    db: Executor,
    id: string,
    patch: Partial<Omit<OrgUnitRow, 'id' | 'code' | 'created_at'>>,
  ): Promise<void> {
    await db.updateTable('org_units').set(patch).where('id', '=', id).execute();
  },
};
