import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

export type GallerySort = 'newest' | 'likes';

export const galleryQuery = (slug: string, q: { district?: string; q?: string; sort?: GallerySort }) =>
  queryOptions({
    queryKey: ['public', 'gallery', slug, q],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/public/contests/{slug}/entries', {
          params: {
            path: { slug },
            query: {
              ...(q.district ? { district: q.district } : {}),
              ...(q.q ? { q: q.q } : {}),
              ...(q.sort ? { sort: q.sort } : {}),
            },
          },
          signal,
        }),
      ),
  });

export const publicEntryQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'entry', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/public/entries/{id}', { params: { path: { id } }, signal })),
  });

export const voterQuery = () =>
  queryOptions({
    queryKey: ['voter'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/voting/me', { signal })),
  });

export type VoterChannel = 'email' | 'phone';

export const fetchChallenge = () => unwrap(api.GET('/api/voting/challenge'));

export const requestOtp = (body: {
  channel: VoterChannel;
  address: string;
  altcha: {
    challenge: { parameters: Record<string, unknown>; signature?: string };
    solution: { counter: number; derivedKey: string };
  };
}) => unwrap(api.POST('/api/voting/otp/request', { body }));

export const verifyOtp = (body: { channel: VoterChannel; address: string; code: string }) =>
  unwrap(api.POST('/api/voting/otp/verify', { body }));

export const signOutVoter = () => unwrap(api.POST('/api/voting/sign-out'));

export type ShareTarget = 'facebook' | 'zalo' | 'copy';

/** One vote action, retried once on a network failure with the same Idempotency-Key (never counted twice). */
export async function castVote(id: string, action: 'like' | 'unlike' | 'share', target?: ShareTarget) {
  const key = crypto.randomUUID();
  const params = { path: { id }, header: { 'idempotency-key': key } };
  const once = () =>
    action === 'like'
      ? unwrap(api.POST('/api/entries/{id}/like', { params }))
      : action === 'unlike'
        ? unwrap(api.DELETE('/api/entries/{id}/like', { params }))
        : unwrap(api.POST('/api/entries/{id}/share', { params, body: { target: target ?? 'copy' } }));
  try {
    return await once();
  } catch (e) {
    if (e instanceof TypeError) return once();
    throw e;
  }
}
