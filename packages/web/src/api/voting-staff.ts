import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

export const snapshotsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['fanpage', slug],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/fanpage-snapshots', { params: { path: { slug } }, signal })).then(
        (r) => r.snapshots,
      ),
  });

export const voteReviewQuery = (slug: string) =>
  queryOptions({
    queryKey: ['vote-review', slug],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/votes/review', { params: { path: { slug } }, signal })),
  });

export const publishEntry = (id: string) =>
  unwrap(api.POST('/api/entries/{id}/publish', { params: { path: { id } } }));

export const publishAllAccepted = (slug: string) =>
  unwrap(api.POST('/api/contests/{slug}/entries/publish-accepted', { params: { path: { slug } } }));

export interface SnapshotInput {
  entryId: string;
  likes: number;
  shares: number;
  takenAt: string;
  postUrl?: string;
  screenshot?: { contentType: 'image/png' | 'image/jpeg' | 'image/webp'; dataBase64: string };
}

export const recordSnapshot = (slug: string, body: SnapshotInput) =>
  unwrap(api.POST('/api/contests/{slug}/fanpage-snapshots', { params: { path: { slug } }, body }));

export const fetchSnapshot = (slug: string, body: { entryId: string; postUrl: string }) =>
  unwrap(api.POST('/api/contests/{slug}/fanpage-snapshots/fetch', { params: { path: { slug } }, body }));

export const confirmSnapshot = (slug: string, id: string) =>
  unwrap(api.POST('/api/contests/{slug}/fanpage-snapshots/{id}/confirm', { params: { path: { slug, id } } }));

export const voidVotes = (slug: string, voteIds: string[], reason: string) =>
  unwrap(
    api.POST('/api/contests/{slug}/votes/void', { params: { path: { slug } }, body: { voteIds, reason } }),
  );
