/** Tables of the audit feature (see ../schema.ts for the conventions). */
export interface AuditTables {
  audit_log: AuditLogTable;
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
