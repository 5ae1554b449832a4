import type { Executor } from '../db/database.js';
import type { MediaProcessingTable } from '../db/schema.js';

export type MediaProcessingRow = MediaProcessingTable;

export const mediaProcessingRepository = {
  find(db: Executor, mediaId: string): Promise<MediaProcessingRow | undefined> {
    return db.selectFrom('media_processing').selectAll().where('media_id', '=', mediaId).executeTakeFirst();
  },
  async findMany(db: Executor, mediaIds: string[]): Promise<MediaProcessingRow[]> {
    if (!mediaIds.length) return [];
    return db.selectFrom('media_processing').selectAll().where('media_id', 'in', mediaIds).execute();
  },
  /** Creates the row once; a second upload hook run (a retried finish) leaves it as it is. */
  async ensure(
    db: Executor,
    row: Pick<MediaProcessingRow, 'media_id' | 'entry_id' | 'kind' | 'status'>,
    at: string,
  ): Promise<void> {
    await db
      .insertInto('media_processing')
      .values({
        ...row,
        progress: 0,
        report_json: null,
        outputs_json: null,
        error: null,
        runs: 0,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('media_id').doNothing())
      .execute();
  },
  async update(
    db: Executor,
    mediaId: string,
    patch: Partial<Omit<MediaProcessingRow, 'media_id' | 'entry_id' | 'kind' | 'created_at'>> & {
      updated_at: string;
    },
  ): Promise<void> {
    await db.updateTable('media_processing').set(patch).where('media_id', '=', mediaId).execute();
  },
  /** Progress only moves forward and only while transcoding: a late tick never undoes "ready". */
  async setProgress(db: Executor, mediaId: string, progress: number, at: string): Promise<void> {
    await db
      .updateTable('media_processing')
      .set({ progress, updated_at: at })
      .where('media_id', '=', mediaId)
      .where('status', '=', 'transcoding')
      .where('progress', '<', progress)
      .execute();
  },
  async incrementRuns(db: Executor, mediaId: string, at: string): Promise<void> {
    await db
      .updateTable('media_processing')
      .set((eb) => ({ runs: eb('runs', '+', 1), updated_at: at }))
      .where('media_id', '=', mediaId)
      .execute();
  },
};
