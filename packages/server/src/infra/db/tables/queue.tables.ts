/** Tables of the queue feature (see ../schema.ts for the conventions). */
export interface QueueTables {
  jobs: JobTable;
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
