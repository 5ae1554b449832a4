import type { Deps } from '../../infra/context.js';

export interface PublicMedia {
  videoUrl: string | null;
  hlsUrl: string | null;
  posterUrl: string | null;
}

/**
 * Public player URLs and posters of entries. The media pipeline (`publicMediaOf` in
 * modules/media/public-media.service.ts) is not merged yet: until it is, entries have no public media and
 * the pages show a placeholder. Replace the body with a call to `publicMediaOf(deps, entryIds)` at merge.
 */
export function publicMediaFor(_deps: Deps, entryIds: readonly string[]): Promise<Map<string, PublicMedia>> {
  return Promise.resolve(
    new Map(entryIds.map((id) => [id, { videoUrl: null, hlsUrl: null, posterUrl: null }])),
  );
}
