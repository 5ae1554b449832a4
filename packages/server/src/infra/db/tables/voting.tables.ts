/** Tables of the voting feature (see ../schema.ts for the conventions). */
export interface VotingTables {
  voters: VoterTable;
  voter_otps: VoterOtpTable;
  voter_sessions: VoterSessionTable;
  altcha_used: AltchaUsedTable;
  votes: VoteTable;
  vote_counters: VoteCounterTable;
  idempotency_keys: IdempotencyKeyTable;
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
