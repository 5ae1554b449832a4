/** Tables of the fanpage feature (see ../schema.ts for the conventions). */
export interface FanpageTables {
  fanpage_snapshots: FanpageSnapshotTable;
}

export interface FanpageSnapshotTable {
  id: string;
  contest_id: string;
  entry_id: string;
  source: 'facebook';
  likes: number;
  shares: number;
  taken_at: string;
  post_url: string | null;
  evidence_key: string | null;
  evidence_type: string | null;
  method: 'manual' | 'graph';
  recorded_by: string;
  recorded_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}
