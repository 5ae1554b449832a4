import type { Deps } from '../../infra/context.js';
import { publicMediaOf } from '../media/public-media.service.js';

export interface PublicMedia {
  /** Progressive MP4 (the web rendition), for og:video and browsers without HLS. */
  videoUrl: string | null;
  hlsUrl: string | null;
  posterUrl: string | null;
  tracks: Array<{ lang: string; label: string; url: string }>;
  width: number | null;
  height: number | null;
}

const none: PublicMedia = {
  videoUrl: null,
  hlsUrl: null,
  posterUrl: null,
  tracks: [],
  width: null,
  height: null,
};

/** Public player URLs and posters of entries, from the media pipeline; entries not ready get none. */
export async function publicMediaFor(
  deps: Deps,
  entryIds: readonly string[],
): Promise<Map<string, PublicMedia>> {
  const media = await publicMediaOf(deps, entryIds);
  return new Map(
    entryIds.map((id) => {
      const m = media.get(id);
      return [
        id,
        m
          ? {
              videoUrl: m.mp4Url,
              hlsUrl: m.hlsUrl,
              posterUrl: m.posterUrl,
              tracks: m.tracks,
              width: m.width,
              height: m.height,
            }
          : none,
      ];
    }),
  );
}

export const noPublicMedia = none;
