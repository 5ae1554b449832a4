/** Tables of the judging feature (see ../schema.ts for the conventions). */
export interface JudgingTables {
  jury_panels: JuryPanelTable;
  jury_judges: JuryJudgeTable;
  jury_assignments: JuryAssignmentTable;
  jury_recusals: JuryRecusalTable;
  jury_sheets: JurySheetTable;
}

/** Jury scoring (migration 0006): one panel per contest × round × pool (`contest` or a scope unit id). */
export interface JuryPanelTable {
  id: string;
  contest_id: string;
  round_key: string;
  pool: string;
  assignment_mode: 'all' | 'balanced';
  judges_per_entry: number | null;
  deviation_threshold: number;
  status: 'open' | 'closed';
  closed_at: string | null;
  results_status: 'draft' | 'approved';
  overrides_json: string;
  bundle_json: string | null;
  output_json: string | null;
  finalists_json: string | null;
  approved_by: string | null;
  approved_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface JuryJudgeTable {
  id: string;
  panel_id: string;
  user_id: string;
  /** The judge's own unit, for conflicts of interest (null: a provincial / outside judge). */
  home_unit_id: string | null;
  title: string;
  created_at: string;
}

export interface JuryAssignmentTable {
  id: string;
  panel_id: string;
  judge_user_id: string;
  entry_id: string;
  created_at: string;
}

export interface JuryRecusalTable {
  id: string;
  panel_id: string;
  judge_user_id: string;
  entry_id: string;
  reason: string;
  created_at: string;
}

export interface JurySheetTable {
  id: string;
  panel_id: string;
  judge_user_id: string;
  entry_id: string;
  scores_json: string;
  comment: string;
  status: 'draft' | 'submitted';
  submitted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
