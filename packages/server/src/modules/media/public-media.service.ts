import { isPublicEntryState, type EntryState } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { mediaProcessingRepository } from '../../infra/media/media-processing.repository.js';
import { mediaSourceRepository } from './media.repository.js';
import type { MediaOutputs } from './media-pipeline.service.js';
import { publicPrefix } from './media-urls.js';

export interface PublicMedia {
  posterUrl: string | null;
  hlsUrl: string | null;
  mp4Url: string | null;
  thumbnailsUrl: string | null;
  tracks: Array<{ lang: string; label: string; url: string }>;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
}

/**
 * For the public site: the playable media of published entries, by entry id. Entries that are not public,
 * or whose renditions are not ready, are absent from the map. URLs are site-relative, content-addressed and
 * cacheable for a year (see docs/media.md).
 */
export async function publicMediaOf(
  deps: Pick<Deps, 'db'>,
  entryIds: readonly string[],
): Promise<Map<string, PublicMedia>> {
  const db = deps.db.kysely;
  const entries = (await mediaSourceRepository.entries(db, [...new Set(entryIds)])).filter((e) =>
    isPublicEntryState(e.status as EntryState),
  );
  const mediaIds = entries
    .flatMap((e) => [e.original_media_id, e.subtitle_media_id])
    .filter((x): x is string => !!x);
  const rows = new Map((await mediaProcessingRepository.findMany(db, mediaIds)).map((r) => [r.media_id, r]));
  const outputs = (id: string | null): MediaOutputs | null => {
    const row = id ? rows.get(id) : undefined;
    return row?.status === 'ready' && row.outputs_json
      ? (JSON.parse(row.outputs_json) as MediaOutputs)
      : null;
  };
  const result = new Map<string, PublicMedia>();
  for (const e of entries) {
    const o = outputs(e.original_media_id);
    if (!o) continue;
    const base = publicPrefix(o.sha256, o.version);
    const has = (f: string) => (o.files.includes(f) ? `${base}/${f}` : null);
    const sub = outputs(e.subtitle_media_id);
    result.set(e.id, {
      posterUrl: has('poster.jpg'),
      hlsUrl: has('hls/master.m3u8'),
      mp4Url: has('web.mp4'),
      thumbnailsUrl: has('thumbs.jpg'),
      tracks: sub
        ? [{ lang: 'vi', label: 'Tiếng Việt', url: `${publicPrefix(sub.sha256, sub.version)}/subtitle.vtt` }]
        : [],
      width: o.width ?? null,
      height: o.height ?? null,
      durationSeconds: o.durationSeconds ?? null,
    });
  }
  return result;
}
