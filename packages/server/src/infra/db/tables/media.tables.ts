/** Tables of the media feature (see ../schema.ts for the conventions). */
export interface MediaTables {
  media_files: MediaFileTable;
  media_processing: MediaProcessingTable;
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
