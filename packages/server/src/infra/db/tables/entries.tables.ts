/** Tables of the entries feature (see ../schema.ts for the conventions). */
export interface EntriesTables {
  entries: EntryTable;
  quota_counters: QuotaCounterTable;
}

export interface EntryTable {
  id: string;
  contest_id: string;
  round_key: string;
  team_id: string;
  org_unit_id: string;
  /** The unit at the current round's scope level (e.g. the district), for quotas and coordinator scope. */
  scope_unit_id: string | null;
  title: string;
  synopsis: string;
  credits: string;
  declarations_json: string;
  checklist_json: string;
  status: string;
  status_reason: string | null;
  fix_deadline: string | null;
  original_media_id: string | null;
  subtitle_media_id: string | null;
  submitted_at: string | null;
  forwarded_at: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface QuotaCounterTable {
  key: string;
  used: number;
}
