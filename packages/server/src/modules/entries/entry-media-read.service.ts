import { DomainError, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { ObjectNotFoundError, RangeNotSatisfiableError } from '../../infra/storage/storage.js';
import { loadEntryContext } from './entry-context.js';
import { entryRepository } from './entry.repository.js';

export interface MediaStream {
  status: 200 | 206;
  body: NodeJS.ReadableStream;
  headers: Record<string, string>;
}

const noMedia = () =>
  new DomainError('not_found', 'media_not_found', {
    vi: 'Tác phẩm chưa có tệp này.',
    en: 'The entry has no such file.',
  });

/** Parses a single `bytes=a-b` / `bytes=a-` / `bytes=-n` range; anything else is served whole. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[1]) return { start: Math.max(0, size - Number(m[2])), end: size - 1 };
  return { start: Number(m[1]), end: m[2] ? Math.min(Number(m[2]), size - 1) : size - 1 };
}

/**
 * Streams an entry's video or subtitle to those who may see the entry (its team, its district, the
 * secretariat) with HTTP range support for seeking; never cached by shared caches before publication.
 */
export async function readEntryMedia(
  deps: Deps,
  actor: Actor,
  entryId: string,
  kind: 'original' | 'subtitle',
  rangeHeader: string | undefined,
): Promise<MediaStream> {
  const ctx = await loadEntryContext(deps, actor, entryId);
  const mediaId = kind === 'original' ? ctx.entry.original_media_id : ctx.entry.subtitle_media_id;
  const [media] = await entryRepository.media(deps.db.kysely, mediaId ? [mediaId] : []);
  if (!media) throw noMedia();
  const size = Number(media.size_bytes);
  const range = parseRange(rangeHeader, size);
  const common = {
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    etag: `"${media.sha256}"`,
  };
  try {
    const got = await deps.storage.get(media.storage_key, range ?? undefined);
    const contentType = got.contentType ?? 'application/octet-stream';
    if (!range)
      return {
        status: 200,
        body: got.body,
        headers: { ...common, 'content-type': contentType, 'content-length': String(size) },
      };
    return {
      status: 206,
      body: got.body,
      headers: {
        ...common,
        'content-type': contentType,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': String(range.end - range.start + 1),
      },
    };
  } catch (e) {
    // A recorded file missing from storage is a 404 for the caller (and an error in the log), never a 500.
    if (e instanceof ObjectNotFoundError) {
      deps.log.error({ entryId, key: media.storage_key }, 'media recorded but missing from storage');
      throw noMedia();
    }
    if (e instanceof RangeNotSatisfiableError)
      throw new DomainError('bad_request', 'range_not_satisfiable', {
        vi: 'Đoạn dữ liệu yêu cầu nằm ngoài tệp.',
        en: 'The requested range is outside the file.',
      });
    throw e;
  }
}
