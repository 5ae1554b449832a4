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
