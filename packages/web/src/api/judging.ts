import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { paths } from './generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type JuryQueue = Json<paths['/api/contests/{slug}/judging/queue']['get']['responses']['200']>;
export type QueueEntry = JuryQueue['panels'][number]['entries'][number];
export type JuryRubric = JuryQueue['panels'][number]['rubric'];
export type JurySheet = QueueEntry['sheet'];
export type JuryPanel = Json<
  paths['/api/contests/{slug}/rounds/{roundKey}/judging']['get']['responses']['200']
>;
export type JuryCompletion = Json<
  paths['/api/contests/{slug}/rounds/{roundKey}/judging/completion']['get']['responses']['200']
>;
export type ResultsView = Json<
  paths['/api/contests/{slug}/rounds/{roundKey}/results/preview']['get']['responses']['200']
>;
export type PublicResults = Json<paths['/api/public/contests/{slug}/results']['get']['responses']['200']>;

export interface PanelRef {
  slug: string;
  roundKey: string;
  unit?: string | undefined;
}
const params = (r: PanelRef) => ({
  path: { slug: r.slug, roundKey: r.roundKey },
  query: r.unit ? { unit: r.unit } : {},
});

export const juryQueueQuery = (slug: string) =>
  queryOptions({
    queryKey: ['contest', slug, 'jury-queue'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/judging/queue', { params: { path: { slug } }, signal })),
  });

export const saveDraft = (entryId: string, scores: Record<string, number>, comment: string) =>
  unwrap(
    api.PUT('/api/judging/entries/{entryId}/sheet', {
      params: { path: { entryId } },
      body: { scores, comment },
    }),
  );

export const submitSheet = (entryId: string, scores: Record<string, number>, comment: string) =>
  unwrap(
    api.POST('/api/judging/entries/{entryId}/sheet/submit', {
      params: { path: { entryId } },
      body: { scores, comment },
    }),
  );

export const recuseEntry = (entryId: string, reason: string) =>
  unwrap(
    api.POST('/api/judging/entries/{entryId}/recuse', { params: { path: { entryId } }, body: { reason } }),
  );

export const panelKey = (r: PanelRef) => ['jury', r.slug, r.roundKey, r.unit ?? ''] as const;

export const panelQuery = (r: PanelRef) =>
  queryOptions({
    queryKey: [...panelKey(r), 'panel'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/contests/{slug}/rounds/{roundKey}/judging', { params: params(r), signal })),
  });

export const completionQuery = (r: PanelRef) =>
  queryOptions({
    queryKey: [...panelKey(r), 'completion'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/contests/{slug}/rounds/{roundKey}/judging/completion', { params: params(r), signal }),
      ),
  });

export const previewQuery = (r: PanelRef, enabled: boolean) =>
  queryOptions({
    queryKey: [...panelKey(r), 'preview'],
    enabled,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/contests/{slug}/rounds/{roundKey}/results/preview', { params: params(r), signal }),
      ),
  });

export const inviteJudge = (r: PanelRef, body: { email: string; name: string; title?: string }) =>
  unwrap(api.POST('/api/contests/{slug}/rounds/{roundKey}/judging/judges', { params: params(r), body }));

export const setAssignment = (r: PanelRef, body: { mode: 'all' | 'balanced'; judgesPerEntry?: number }) =>
  unwrap(api.PUT('/api/contests/{slug}/rounds/{roundKey}/judging/assignment', { params: params(r), body }));

export const reopenJudging = (r: PanelRef, reason: string) =>
  unwrap(
    api.POST('/api/contests/{slug}/rounds/{roundKey}/judging/reopen', {
      params: params(r),
      body: { reason },
    }),
  );

export const reopenSheet = (sheetId: string, reason: string) =>
  unwrap(
    api.POST('/api/judging/sheets/{sheetId}/reopen', { params: { path: { sheetId } }, body: { reason } }),
  );

export const closeJudging = (r: PanelRef) =>
  unwrap(api.POST('/api/contests/{slug}/rounds/{roundKey}/judging/close', { params: params(r) }));

export const remindJudges = (r: PanelRef) =>
  unwrap(api.POST('/api/contests/{slug}/rounds/{roundKey}/judging/reminders', { params: params(r) }));

export const saveFinalists = (r: PanelRef, overrides: Array<{ out: string; in: string; reason: string }>) =>
  unwrap(
    api.PUT('/api/contests/{slug}/rounds/{roundKey}/results/finalists', {
      params: params(r),
      body: { overrides },
    }),
  );

export const approveResults = (r: PanelRef) =>
  unwrap(api.POST('/api/contests/{slug}/rounds/{roundKey}/results/approve', { params: params(r) }));

export const publicResultsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public', 'results', slug],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/public/contests/{slug}/results', { params: { path: { slug } }, signal })),
  });

/** Whether approved results exist: the landing page links to them then, and not before. */
export const publicResultsStatusQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public', 'results-status', slug],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/public/contests/{slug}/results/status', { params: { path: { slug } }, signal })),
  });

const q = (r: PanelRef, extra: Record<string, string> = {}) => {
  const s = new URLSearchParams({ ...(r.unit ? { unit: r.unit } : {}), ...extra }).toString();
  return s ? `?${s}` : '';
};
const base = (r: PanelRef) =>
  `/api/contests/${encodeURIComponent(r.slug)}/rounds/${encodeURIComponent(r.roundKey)}/results`;
export const resultsFiles = {
  minutes: (r: PanelRef) => `${base(r)}/minutes.pdf${q(r)}`,
  final: (r: PanelRef) => `${base(r)}/final.pdf${q(r)}`,
  sheet: (r: PanelRef, judge: string) => `${base(r)}/sheet.pdf${q(r, { judge })}`,
  xlsx: (r: PanelRef) => `${base(r)}/results.xlsx${q(r)}`,
  csv: (r: PanelRef) => `${base(r)}/results.csv${q(r)}`,
};
