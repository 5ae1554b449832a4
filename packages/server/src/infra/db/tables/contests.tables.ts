/** Tables of the contests feature (see ../schema.ts for the conventions). */
export interface ContestsTables {
  contests: ContestTable;
  window_overrides: WindowOverrideTable;
}

export interface ContestTable {
  id: string;
  slug: string;
  config_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WindowOverrideTable {
  id: string;
  contest_id: string;
  round_key: string;
  kind: string;
  org_unit_id: string;
  closes_at: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}
