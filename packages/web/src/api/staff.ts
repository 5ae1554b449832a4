import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { SaveConfigBody } from './types';

export const meHomeQuery = () =>
  queryOptions({
    queryKey: ['me', 'home'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/home', { signal })),
  });

export const contestQuery = (slug: string) =>
  queryOptions({
    queryKey: ['contest', slug],
    queryFn: ({ signal }) => unwrap(api.GET('/api/contests/{slug}', { params: { path: { slug } }, signal })),
  });

export const contestOrgUnitsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['contest', slug, 'org-units'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/org-units', { params: { path: { slug } }, signal })),
    staleTime: 5 * 60_000,
  });

export const orgUnitQuery = (id: string) =>
  queryOptions({
    queryKey: ['org-unit', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/org-units/{id}', { params: { path: { id } }, signal })),
  });

export const saveConfig = (slug: string, body: SaveConfigBody) =>
  unwrap(api.PUT('/api/contests/{slug}/config', { params: { path: { slug } }, body }));
