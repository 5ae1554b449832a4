import type { FastifyRequest } from 'fastify';

export type UploadKind = 'original' | 'subtitle';

/** What the entries module allows for one upload; stored server-side with the upload, never trusted from the client. */
export interface UploadTarget {
  entryId: string;
  kind: UploadKind;
  maxBytes: number;
  /** Containers (`mp4`, `mov`…) for originals, formats (`vtt`, `srt`) for subtitles, as sniffed from content. */
  allowedContainers: readonly string[];
  userId: string;
}

export interface FinishedUpload {
  uploadId: string;
  entryId: string;
  kind: UploadKind;
  /** The name the client gave; display only, never used to decide the type. */
  filename: string;
  /**
   * The received file, inside the upload directory. `complete` moves or copies it to storage: once it
   * resolves, the plugin deletes whatever is left here (a retried `complete` may find it gone).
   */
  path: string;
  size: number;
  sha256: string;
  container: string;
}

export interface UploadHooks {
  /** On creation: who may upload what, for which entry. Throw a DomainError to refuse (its status/code/message go back to the client). */
  authorize(
    request: FastifyRequest,
    meta: { entryId: string; kind: string; filename: string; size: number | undefined },
  ): Promise<UploadTarget>;
  /** Once the last byte is in and the content passed sniffing. Must be idempotent per uploadId (a retried finish must not record twice). */
  complete(file: FinishedUpload): Promise<void>;
}
