import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { EntryFields, EntryListFilter, ExtendWindowBody, TeamInput } from './types';

// ---- entries -------------------------------------------------------------------------------------------

export const entriesKey = (slug: string) => ['contest', slug, 'entries'] as const;

export const entriesQuery = (slug: string, filter: EntryListFilter = {}) =>
  queryOptions({
    queryKey: [...entriesKey(slug), filter],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/contests/{slug}/entries', { params: { path: { slug }, query: filter }, signal }),
      ).then((r) => r.entries),
  });

export const entryKey = (id: string) => ['entry', id] as const;

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: entryKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/entries/{id}', { params: { path: { id } }, signal })),
  });

export const createEntry = (slug: string, body: EntryFields) =>
  unwrap(api.POST('/api/contests/{slug}/entries', { params: { path: { slug } }, body }));

export const updateEntry = (id: string, body: Partial<EntryFields> & { version: number }) =>
  unwrap(api.PATCH('/api/entries/{id}', { params: { path: { id } }, body }));

const path = (id: string) => ({ params: { path: { id } } });

/** The entry transitions that take no input, by the name of the action that offers them. */
export const entryCommands = {
  submit: (id: string) => unwrap(api.POST('/api/entries/{id}/submit', path(id))),
  unsubmit: (id: string) => unwrap(api.POST('/api/entries/{id}/unsubmit', path(id))),
  nominate: (id: string) => unwrap(api.POST('/api/entries/{id}/nominate', path(id))),
  unnominate: (id: string) => unwrap(api.POST('/api/entries/{id}/unnominate', path(id))),
};
export type EntryCommand = keyof typeof entryCommands;

export const withdrawEntry = (id: string, reason?: string) =>
  unwrap(api.POST('/api/entries/{id}/withdraw', { ...path(id), body: reason ? { reason } : {} }));

export const saveChecklist = (id: string, checklist: Record<string, boolean>) =>
  unwrap(api.PUT('/api/entries/{id}/checklist', { ...path(id), body: { checklist } }));

export const acceptEntry = (id: string, checklist: Record<string, boolean>) =>
  unwrap(api.POST('/api/entries/{id}/accept', { ...path(id), body: { checklist } }));

export const returnEntry = (id: string, reason: string, fixDeadline: string) =>
  unwrap(api.POST('/api/entries/{id}/return', { ...path(id), body: { reason, fixDeadline } }));

export const rejectEntry = (id: string, reason: string) =>
  unwrap(api.POST('/api/entries/{id}/reject', { ...path(id), body: { reason } }));

export const forwardNominations = (slug: string, roundKey: string, scopeUnitId: string) =>
  unwrap(
    api.POST('/api/contests/{slug}/rounds/{roundKey}/forward', {
      params: { path: { slug, roundKey } },
      body: { scopeUnitId },
    }),
  );

// ---- teams ---------------------------------------------------------------------------------------------

export const teamsKey = (slug: string) => ['contest', slug, 'teams'] as const;

export const teamsQuery = (slug: string) =>
  queryOptions({
    queryKey: teamsKey(slug),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/teams', { params: { path: { slug } }, signal })).then(
        (r) => r.teams,
      ),
  });

export const registerTeam = (slug: string, body: TeamInput) =>
  unwrap(api.POST('/api/contests/{slug}/teams', { params: { path: { slug } }, body }));

export const approveTeam = (id: string) =>
  unwrap(api.POST('/api/teams/{id}/approve', { params: { path: { id } } }));

// ---- feed, progress, deadlines -------------------------------------------------------------------------

export const FEED_KEY = ['me', 'feed'] as const;

export const feedQuery = () =>
  queryOptions({
    queryKey: FEED_KEY,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/me/feed', { params: { query: { limit: 50 } }, signal })).then((r) => r.items),
    refetchInterval: 60_000,
  });

export const markFeedRead = () => unwrap(api.POST('/api/me/feed/read'));

export const progressQuery = (slug: string) =>
  queryOptions({
    queryKey: ['contest', slug, 'progress'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/progress', { params: { path: { slug } }, signal })),
  });

export const progressXlsxUrl = (slug: string, lang: 'vi' | 'en') =>
  `/api/contests/${encodeURIComponent(slug)}/progress.xlsx?lang=${lang}`;

export const extendWindow = (slug: string, body: ExtendWindowBody) =>
  unwrap(api.POST('/api/contests/{slug}/windows/extend', { params: { path: { slug } }, body }));
