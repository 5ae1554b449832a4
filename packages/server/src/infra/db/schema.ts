/**
 * Table shapes shared by SQLite and PostgreSQL. Timestamps are ISO-8601 UTC strings and booleans are
 * 0/1 integers so that both dialects read back exactly the same values.
 */
export interface Database {
  org_units: OrgUnitTable;
  contests: ContestTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  auth_failures: AuthFailureTable;
  password_resets: PasswordResetTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  entries: EntryTable;
  media_files: MediaFileTable;
  quota_counters: QuotaCounterTable;
  window_overrides: WindowOverrideTable;
  notifications: NotificationTable;
  jobs: JobTable;
  media_processing: MediaProcessingTable;
  jury_panels: JuryPanelTable;
  jury_judges: JuryJudgeTable;
  jury_assignments: JuryAssignmentTable;
  jury_recusals: JuryRecusalTable;
  jury_sheets: JurySheetTable;
  // voting (issue 5)
  voters: VoterTable;
  voter_otps: VoterOtpTable;
  voter_sessions: VoterSessionTable;
  altcha_used: AltchaUsedTable;
  votes: VoteTable;
  vote_counters: VoteCounterTable;
  idempotency_keys: IdempotencyKeyTable;
  fanpage_snapshots: FanpageSnapshotTable;
}

export interface TeamTable {
  id: string;
  contest_id: string;
  org_unit_id: string;
  name: string;
  status: 'pending' | 'approved';
  created_at: string;
  created_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
}

export interface TeamMemberTable {
  id: string;
  team_id: string;
  name: string;
  position: string;
  phone: string | null;
  email: string | null;
  is_leader: number;
  user_id: string | null;
  sort: number;
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

export interface MediaFileTable {
  id: string;
  entry_id: string;
  upload_id: string;
  kind: 'original' | 'subtitle';
  storage_key: string;
  filename: string;
  container: string;
  size_bytes: number;
  sha256: string;
  created_by: string;
  created_at: string;
}

export interface QuotaCounterTable {
  key: string;
  used: number;
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

export interface NotificationTable {
  id: string;
  user_id: string;
  contest_id: string | null;
  entry_id: string | null;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  created_at: string;
  read_at: string | null;
  email_status: 'pending' | 'sending' | 'sent' | 'failed' | 'none';
  email_attempts: number;
  email_sent_at: string | null;
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

export interface ContestTable {
  id: string;
  slug: string;
  config_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  contest_id: string | null;
  round_key: string | null;
  org_unit_id: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthFailureTable {
  id: string;
  email_key: string;
  ip: string;
  at: string;
}

export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  contest_id: string | null;
  data_json: string;
  prev_hash: string;
  hash: string;
}

/** The job queue (src/infra/queue): one row per job, kept after it finishes for inspection. */
export interface JobTable {
  id: string;
  queue: string;
  name: string;
  payload_json: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  dedupe_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** The media pipeline's state of one uploaded file (src/modules/media). */
export interface MediaProcessingTable {
  media_id: string;
  entry_id: string;
  kind: 'original' | 'subtitle';
  /** queued → analyzing → analyzed → transcoding → ready; or unreadable / failed / unavailable. */
  status: string;
  /** Percent of the current transcode, for "processing 64 %". */
  progress: number;
  report_json: string | null;
  outputs_json: string | null;
  error: string | null;
  /** Completed transcodes: a re-run replaces the outputs, so this says how often, never how many sets. */
  runs: number;
  created_at: string;
  updated_at: string;
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

/** Public voting (modules/voting): verified voters, the vote ledger, counters and fanpage snapshots. */
export interface VoterTable {
  id: string;
  channel: 'email' | 'phone';
  identity: string;
  created_at: string;
  created_ip: string | null;
}

export interface VoterOtpTable {
  identity: string;
  channel: 'email' | 'phone';
  code_hash: string | null;
  expires_at: string | null;
  sent_at: string | null;
  failures: number;
  lockouts: number;
  locked_until: string | null;
}

export interface VoterSessionTable {
  id: string;
  token_hash: string;
  voter_id: string;
  created_at: string;
  expires_at: string;
}

export interface AltchaUsedTable {
  signature: string;
  expires_at: string;
}

export interface VoteTable {
  id: string;
  contest_id: string;
  entry_id: string;
  voter_id: string;
  kind: 'like' | 'share';
  target: string | null;
  created_at: string;
  ip: string | null;
  undone_at: string | null;
  voided: number;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
}

export interface VoteCounterTable {
  entry_id: string;
  contest_id: string;
  likes: number;
  shares: number;
}

export interface IdempotencyKeyTable {
  voter_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_json: string | null;
  created_at: string;
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
