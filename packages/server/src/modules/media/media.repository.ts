import type { Executor } from '../../infra/db/database.js';

/** The reads the media module needs from the entries' tables (media files, entries, contests). */
export const mediaSourceRepository = {
  mediaFile(db: Executor, mediaId: string) {
    return db.selectFrom('media_files').selectAll().where('id', '=', mediaId).executeTakeFirst();
  },
  entryWithConfig(db: Executor, entryId: string) {
    return db
      .selectFrom('entries')
      .innerJoin('contests', 'contests.id', 'entries.contest_id')
      .select([
        'entries.id',
        'entries.status',
        'entries.contest_id',
        'entries.original_media_id',
        'entries.subtitle_media_id',
        'contests.config_json',
      ])
      .where('entries.id', '=', entryId)
      .executeTakeFirst();
  },
  entries(db: Executor, entryIds: string[]) {
    if (!entryIds.length) return Promise.resolve([]);
    return db
      .selectFrom('entries')
      .select(['id', 'status', 'original_media_id', 'subtitle_media_id'])
      .where('id', 'in', entryIds)
      .execute();
  },
  /** Media files with this content hash, with their entry's state: who may see a content-addressed path. */
  bySha(db: Executor, sha256: string) {
    return db
      .selectFrom('media_files')
      .innerJoin('entries', 'entries.id', 'media_files.entry_id')
      .select(['media_files.id', 'media_files.kind', 'entries.id as entry_id', 'entries.status'])
      .where('media_files.sha256', '=', sha256)
      .execute();
  },
  mediaFiles(db: Executor, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('media_files').selectAll().where('id', 'in', ids).execute();
  },
};
