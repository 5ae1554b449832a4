import {
  computeResults,
  parseResultsInput,
  type ResultsInputDraft,
  type ResultsOutput,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { loadPanel } from '../judging/judging-context.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import type { EngagementReader } from './engagement.reader.js';
import { buildBundle } from './results-bundle.js';
import { computePanel } from './results.service.js';

/**
 * The results bundle of a round (`clipcontest results export`): once results are approved, exactly the frozen
 * inputs they were computed from; before, the inputs as recorded now. Engagement is counts per entry × source,
 * so no voter appears in it.
 */
export async function exportBundle(
  deps: Deps,
  reader: EngagementReader,
  opts: { slug: string; roundKey: string; unitCode?: string | undefined },
): Promise<ResultsInputDraft> {
  const unit = opts.unitCode ? await orgUnitRepository.findByCode(deps.db.kysely, opts.unitCode) : undefined;
  const ctx = await loadPanel(
    deps,
    null,
    { slug: opts.slug, roundKey: opts.roundKey, unitId: unit?.id },
    'contest.view',
  );
  if (ctx.panel.results_status === 'approved') return (await computePanel(deps, ctx, reader)).bundle;
  return buildBundle(deps, deps.db.kysely, ctx, reader);
}

/** `clipcontest results compute`: the ranking from a bundle alone, as the documented formula gives it. */
export function computeFromBundle(json: unknown): ResultsOutput {
  return computeResults(parseResultsInput(json));
}

export function formatRanking(output: ResultsOutput, finalistCount?: number): string {
  const b = output.basis;
  const lines = [
    `round ${output.roundKey}: jury /${b.juryMaxPoints} (${b.aggregation}${b.zScore ? ', z-score' : ''}) + audience /${b.audienceMaxPoints} (${b.normalization ?? 'none'}); tie-breakers ${b.tieBreakers.join(' > ') || 'none'}`,
    ['rank', 'final', 'jury', 'audience', 'sheets', 'raw', 'entry', 'title'].join('\t'),
  ];
  for (const [i, r] of output.rows.entries())
    lines.push(
      [
        `${r.rank}${finalistCount !== undefined && i < finalistCount ? '*' : ''}`,
        r.final,
        r.jury.points,
        r.audience.points,
        r.jury.sheetCount,
        r.audience.raw,
        r.entryId,
        r.title,
      ].join('\t'),
    );
  if (finalistCount !== undefined) lines.push(`* top ${finalistCount} by rank (before any reasoned swap)`);
  return lines.join('\n');
}
