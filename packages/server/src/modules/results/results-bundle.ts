import {
  localToInstant,
  methodUsesAudience,
  methodUsesJury,
  RESULTS_FORMAT_VERSION,
  type ResultsInputDraft,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { panelEntries, type PanelContext } from '../judging/judging-context.js';
import { judgingRepository } from '../judging/judging.repository.js';
import type { EngagementReader } from './engagement.reader.js';

/** When audience counting stops: the formula's cut-off, else the end of the round's voting window, else now. */
export function engagementCutoff(ctx: PanelContext, now: Date): string {
  const local = ctx.config.audienceFormula?.cutoff ?? ctx.round.windows.voting?.closesAt;
  if (!local) return now.toISOString();
  // `closesAt` is inclusive of its whole second.
  const end =
    localToInstant(local, ctx.config.timezone).getTime() + (ctx.config.audienceFormula?.cutoff ? 0 : 999);
  return new Date(Math.min(end, now.getTime())).toISOString();
}

/**
 * Exactly what `computeResults` needs for one panel, self-contained: the round, its rubric and formula, the
 * entries, the submitted sheets (judges by account id) and the engagement snapshot (counts only — no voter).
 */
export async function buildBundle(
  deps: Pick<Deps, 'clock'>,
  db: Executor,
  ctx: PanelContext,
  reader: EngagementReader,
): Promise<ResultsInputDraft> {
  const entries = await panelEntries(db, ctx);
  const ids = new Set(entries.map((e) => e.id));
  const sheets = (await judgingRepository.sheets(db, ctx.panel.id)).filter(
    (s) => s.status === 'submitted' && ids.has(s.entry_id),
  );
  const usesAudience = methodUsesAudience(ctx.round.method) && ctx.config.audienceFormula !== undefined;
  const sources = new Set(ctx.config.audienceFormula?.sources.map((s) => s.source) ?? []);
  const engagement = usesAudience
    ? (await reader.engagementAt(db, ctx.contest.id, engagementCutoff(ctx, deps.clock.now()))).filter(
        (e) => ids.has(e.entryId) && sources.has(e.source),
      )
    : [];
  return {
    formatVersion: RESULTS_FORMAT_VERSION,
    round: ctx.round,
    rubric: methodUsesJury(ctx.round.method) ? ctx.rubric : null,
    audienceFormula: usesAudience ? (ctx.config.audienceFormula ?? null) : null,
    tieBreakers: ctx.config.tieBreakers,
    entries: entries.map((e) => ({
      id: e.id,
      title: e.title,
      orgUnitId: e.org_unit_id,
      submittedAt: e.submitted_at ?? e.created_at,
    })),
    sheets: sheets.map((s) => ({
      judgeId: s.judge_user_id,
      entryId: s.entry_id,
      scores: JSON.parse(s.scores_json) as Record<string, number>,
      status: 'submitted' as const,
    })),
    engagement: engagement.map((e) => ({
      entryId: e.entryId,
      source: e.source,
      likes: e.likes,
      shares: e.shares,
    })),
  };
}
