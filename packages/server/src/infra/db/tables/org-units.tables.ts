/** Tables of the org-units feature (see ../schema.ts for the conventions). */
export interface OrgUnitsTables {
  org_units: OrgUnitTable;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
  depth: number;
  created_at: string;
  updated_at: string;
}
