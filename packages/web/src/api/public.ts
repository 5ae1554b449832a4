import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

export const publicContestsQuery = () =>
  queryOptions({
    queryKey: ['public', 'contests'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/public/contests', { signal })),
  });

export const publicContestQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public', 'contest', slug],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/public/contests/{slug}', { params: { path: { slug } }, signal })),
  });
