/** Tables of the notifications feature (see ../schema.ts for the conventions). */
export interface NotificationsTables {
  notifications: NotificationTable;
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
