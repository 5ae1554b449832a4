import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { paths } from './generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type EntryMediaStatus = Json<paths['/api/entries/{id}/media-status']['get']['responses']['200']>;
export type TechnicalReport = NonNullable<NonNullable<EntryMediaStatus['original']>['report']>;

/** States in which the pipeline is still working: the page polls until it leaves them. */
export const PROCESSING_STATES = new Set(['queued', 'analyzing', 'analyzed', 'transcoding']);

export const mediaStatusQuery = (entryId: string, mediaKey: string | null) =>
  queryOptions({
    queryKey: ['entry', entryId, 'media-status', mediaKey],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/entries/{id}/media-status', { params: { path: { id: entryId } }, signal })),
    refetchInterval: (q) => {
      const s = q.state.data?.original?.status;
      return s && PROCESSING_STATES.has(s) ? 2000 : false;
    },
  });
