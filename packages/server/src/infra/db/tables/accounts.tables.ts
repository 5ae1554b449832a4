/** Tables of the accounts feature (see ../schema.ts for the conventions). */
export interface AccountsTables {
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  auth_failures: AuthFailureTable;
  password_resets: PasswordResetTable;
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
