import {
  computeResults,
  parseResultsInput,
  selectFinalists,
  type Actor,
  type EntryEvent,
  type FinalistOverride,
  type FinalistSelection,
  type LocalizedText,
  type ResultsBasis,
  type ResultsInputDraft,
  type ResultsOutput,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadContest } from '../contests/contest.service.js';
import { resourceOf } from '../entries/entry-context.js';
import { transition } from '../entries/entry-transition.js';
import { entryRepository } from '../entries/entry.repository.js';
import { flushEmails } from '../notifications/notification.service.js';
import {
  CONTEST_POOL,
  judgingErrors,
  loadPanel,
  panelOf,
  type PanelContext,
} from '../judging/judging-context.js';
import { judgingRepository } from '../judging/judging.repository.js';
import type { PanelRef } from '../judging/panel.service.js';
import type { EngagementReader } from './engagement.reader.js';
import { buildBundle } from './results-bundle.js';
import { DomainError } from '@clipcontest/core';

export interface ResultsRowView {
  rank: number;
  entryId: string;
  title: string;
  unitName: string;
  submittedAt: string;
  jury: {
    sheetCount: number;
    judgeIds: string[];
    totals: number[];
    dropped: string[];
    aggregate: number | null;
    points: number;
  };
  audience: {
    sources: Array<{ source: string; likes: number; shares: number; raw: number }>;
    raw: number;
    rank: number | null;
    points: number;
  };
  final: number;
  decidedBy: string | null;
  flags: string[];
  finalist: boolean;
  selectedBy: 'rank' | 'override' | null;
}

export interface ResultsView {
  panelId: string;
  contestSlug: string;
  contestTitle: LocalizedText;
  roundKey: string;
  roundName: LocalizedText;
  pool: string;
  poolName: string | null;
  status: 'open' | 'closed';
  resultsStatus: 'draft' | 'approved';
  approvedAt: string | null;
  basis: ResultsBasis;
  judges: Array<{ id: string; name: string }>;
  rows: ResultsRowView[];
  finalistCount: number | null;
  overrides: FinalistOverride[];
  swaps: FinalistSelection['swaps'];
  tieAtCutoff: boolean;
}

export interface ComputedResults {
  ctx: PanelContext;
  bundle: ResultsInputDraft;
  output: ResultsOutput;
  selection: FinalistSelection | null;
  overrides: FinalistOverride[];
}

const notApproved = () =>
  new DomainError('not_found', 'results_not_published', {
    vi: 'Kết quả chưa được công bố.',
    en: 'The results are not published yet.',
  });

/** The results of a panel: its approved snapshot when there is one, else computed now from the records. */
export async function computePanel(
  deps: Deps,
  ctx: PanelContext,
  reader: EngagementReader,
  overrides?: FinalistOverride[],
): Promise<ComputedResults> {
  const useOverrides = overrides ?? (JSON.parse(ctx.panel.overrides_json) as FinalistOverride[]);
  if (ctx.panel.results_status === 'approved' && ctx.panel.bundle_json && ctx.panel.output_json) {
    const output = JSON.parse(ctx.panel.output_json) as ResultsOutput;
    const selection = ctx.panel.finalists_json
      ? (JSON.parse(ctx.panel.finalists_json) as FinalistSelection)
      : null;
    return {
      ctx,
      bundle: JSON.parse(ctx.panel.bundle_json) as ResultsInputDraft,
      output,
      selection,
      overrides: useOverrides,
    };
  }
  const bundle = await buildBundle(deps, deps.db.kysely, ctx, reader);
  const output = computeResults(parseResultsInput(bundle));
  const count = ctx.round.finalistCount;
  const selection = count ? selectFinalists(output, count, useOverrides) : null;
  return { ctx, bundle, output, selection, overrides: useOverrides };
}

export async function toResultsView(
  deps: Deps,
  r: ComputedResults,
  withJudges: boolean,
): Promise<ResultsView> {
  const { ctx, output, selection } = r;
  const judges = withJudges ? await judgingRepository.judges(deps.db.kysely, ctx.panel.id) : [];
  const finalists = new Map(selection?.finalists.map((f) => [f.entryId, f.selectedBy]) ?? []);
  return {
    panelId: ctx.panel.id,
    contestSlug: ctx.contest.slug,
    contestTitle: ctx.config.title,
    roundKey: ctx.round.key,
    roundName: ctx.round.name,
    pool: ctx.pool,
    poolName: ctx.pool === CONTEST_POOL ? null : (ctx.units.get(ctx.pool)?.name ?? null),
    status: ctx.panel.status,
    resultsStatus: ctx.panel.results_status,
    approvedAt: ctx.panel.approved_at,
    basis: output.basis,
    judges: judges.map((j) => ({ id: j.user_id, name: j.name })),
    rows: output.rows.map((row) => ({
      rank: row.rank,
      entryId: row.entryId,
      title: row.title,
      unitName: ctx.units.get(row.orgUnitId)?.name ?? '',
      submittedAt: row.submittedAt,
      jury: withJudges
        ? {
            sheetCount: row.jury.sheetCount,
            judgeIds: row.jury.judgeIds,
            totals: row.jury.totals,
            dropped: row.jury.dropped,
            aggregate: row.jury.aggregate,
            points: row.jury.points,
          }
        : {
            sheetCount: row.jury.sheetCount,
            judgeIds: [],
            totals: [],
            dropped: [],
            aggregate: row.jury.aggregate,
            points: row.jury.points,
          },
      audience: row.audience,
      final: row.final,
      decidedBy: row.decidedBy,
      flags: row.flags,
      finalist: finalists.has(row.entryId),
      selectedBy: finalists.get(row.entryId) ?? null,
    })),
    finalistCount: ctx.round.finalistCount ?? null,
    overrides: r.overrides,
    swaps: selection?.swaps ?? [],
    tieAtCutoff: selection?.tieAtCutoff ?? false,
  };
}

/** The committee's preview: every figure, per judge. Only once judging is closed (403 before). */
export async function previewResults(
  deps: Deps,
  reader: EngagementReader,
  actor: Actor | null,
  ref: PanelRef,
): Promise<ResultsView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.follow');
  if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  return toResultsView(deps, await computePanel(deps, ctx, reader), true);
}

/**
 * The committee's finalist choice: the top N, with swaps for stage-worthiness. Every swap needs a written
 * reason (400 without one); the swaps are audited and printed in the minutes.
 */
export async function setFinalists(
  deps: Deps,
  reader: EngagementReader,
  actor: Actor | null,
  ref: PanelRef,
  overrides: FinalistOverride[],
): Promise<ResultsView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.manage');
  if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  if (ctx.panel.results_status === 'approved') throw judgingErrors.resultsApproved();
  // Validates the swaps (reason present, `out` selected, `in` ranked) before anything is stored.
  const computed = await computePanel(deps, ctx, reader, overrides);
  const clean = overrides.map((o) => ({ out: o.out, in: o.in, reason: o.reason.trim() }));
  await inTransaction(deps, async (trx) => {
    const ok = await judgingRepository.updatePanel(trx, ctx.panel.id, ctx.panel.version, {
      overrides_json: JSON.stringify(clean),
      updated_at: nowIso(deps.clock),
    });
    if (!ok) throw judgingErrors.versionConflict();
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'results.finalists_selected',
      subjectType: 'jury_panel',
      subjectId: ctx.panel.id,
      contestId: ctx.contest.id,
      data: {
        roundKey: ctx.round.key,
        pool: ctx.pool,
        finalists: computed.selection?.finalists.map((f) => f.entryId) ?? [],
        swaps: computed.selection?.swaps ?? [],
      },
    });
  });
  return previewResults(deps, reader, actor, ref);
}

/**
 * The head of the committee approves: the inputs and the output are frozen (the published results are
 * exactly this snapshot), entries of an advancement round become scored / finalist, and the page goes public.
 */
export async function approveResults(
  deps: Deps,
  reader: EngagementReader,
  actor: Actor | null,
  ref: PanelRef,
): Promise<ResultsView> {
  const ctx = await loadPanel(deps, actor, ref, 'results.approve');
  if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  if (ctx.panel.results_status === 'approved') throw judgingErrors.resultsApproved();
  const computed = await computePanel(deps, ctx, reader);
  const at = nowIso(deps.clock);
  const finalists = new Set(computed.selection?.finalists.map((f) => f.entryId) ?? []);
  await inTransaction(deps, async (trx) => {
    const ok = await judgingRepository.updatePanel(trx, ctx.panel.id, ctx.panel.version, {
      results_status: 'approved',
      bundle_json: JSON.stringify(computed.bundle),
      output_json: JSON.stringify(computed.output),
      finalists_json: computed.selection ? JSON.stringify(computed.selection) : null,
      approved_by: actor?.userId ?? null,
      approved_at: at,
      updated_at: at,
    });
    if (!ok) throw judgingErrors.versionConflict();
    if (ctx.round.source.kind === 'advancement')
      for (const row of computed.output.rows) {
        const entry = await entryRepository.findById(trx, row.entryId);
        if (!entry) continue;
        const events: EntryEvent[] = [];
        if (entry.status === 'accepted' || entry.status === 'published') events.push('score');
        if (finalists.has(entry.id) && (events.length || entry.status === 'scored'))
          events.push('make_finalist');
        if (!events.length) continue;
        const ancestry = ctx.units.ancestry(entry.org_unit_id);
        await transition(
          trx,
          deps,
          {
            entry,
            contest: ctx.contest,
            config: ctx.config,
            units: ctx.units,
            ancestry,
            resource: resourceOf(entry, ancestry),
          },
          actor?.userId ?? null,
          events,
          { data: { rank: row.rank, final: row.final } },
        );
      }
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'results.approved',
      subjectType: 'jury_panel',
      subjectId: ctx.panel.id,
      contestId: ctx.contest.id,
      data: {
        roundKey: ctx.round.key,
        pool: ctx.pool,
        ranking: computed.output.rows.map((r) => ({ entryId: r.entryId, rank: r.rank, final: r.final })),
        finalists: [...finalists],
        swaps: computed.selection?.swaps ?? [],
      },
    });
  });
  await flushEmails(deps);
  return previewResults(deps, reader, actor, ref);
}

/** Approved results of a contest, for everyone. */
export async function publicResults(deps: Deps, slug: string): Promise<{ panels: ResultsView[] }> {
  const contest = await loadContest(deps, slug);
  const panels = (await judgingRepository.panelsOfContest(deps.db.kysely, contest.id)).filter(
    (p) => p.results_status === 'approved',
  );
  const out: ResultsView[] = [];
  for (const p of panels) {
    const ctx = await panelOf(
      deps,
      null,
      contest,
      p.round_key,
      p.pool === CONTEST_POOL ? null : p.pool,
      'contest.view',
    );
    out.push(
      await toResultsView(
        deps,
        await computePanel(deps, ctx, { engagementAt: () => Promise.resolve([]) }),
        false,
      ),
    );
  }
  return { panels: out };
}

/** Whether a contest has approved results to show — cheap enough for every landing-page view. */
export async function publicResultsStatus(deps: Deps, slug: string): Promise<{ published: boolean }> {
  const contest = await loadContest(deps, slug);
  const panels = await judgingRepository.panelsOfContest(deps.db.kysely, contest.id);
  return { published: panels.some((p) => p.results_status === 'approved') };
}

/** One approved panel (public), for downloads and the final-results PDF. */
export async function approvedPanel(deps: Deps, ref: PanelRef): Promise<ComputedResults> {
  const ctx = await loadPanel(deps, null, ref, 'contest.view');
  if (ctx.panel.results_status !== 'approved') throw notApproved();
  return computePanel(deps, ctx, { engagementAt: () => Promise.resolve([]) });
}
