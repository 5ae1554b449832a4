import { countingSnapshots, type ContestConfig, type ResultsEngagement } from '@clipcontest/core';
import type { Executor } from '../../infra/db/database.js';
import { voteRepository } from './vote.repository.js';

/**
 * The audience counts the results engine reads, one row per entry × source: native likes and shares cast
 * up to the cut-off and not voided (a like undone before the cut-off does not count), plus for each entry
 * the confirmed fanpage snapshot nearest before the cut-off. Only the sources the contest's audience
 * formula names are returned.
 */
export async function engagementAt(
  db: Executor,
  contestId: string,
  cutoffIso: string,
): Promise<ResultsEngagement[]> {
  const contest = await db
    .selectFrom('contests')
    .select('config_json')
    .where('id', '=', contestId)
    .executeTakeFirst();
  if (!contest) return [];
  const config = JSON.parse(contest.config_json) as ContestConfig;
  const sources = new Set((config.audienceFormula?.sources ?? []).map((s) => s.source));
  const rows: ResultsEngagement[] = [];
  if (sources.has('native'))
    for (const r of await voteRepository.countedAt(db, contestId, cutoffIso))
      rows.push({ entryId: r.entryId, source: 'native', likes: r.likes, shares: r.shares });
  if (sources.has('facebook')) {
    const snapshots = await db
      .selectFrom('fanpage_snapshots')
      .select(['id', 'entry_id', 'likes', 'shares', 'taken_at', 'recorded_by', 'confirmed_by'])
      .where('contest_id', '=', contestId)
      .where('source', '=', 'facebook')
      .where('confirmed_by', 'is not', null)
      .execute();
    const chosen = countingSnapshots(
      snapshots.map((s) => ({
        ...s,
        entryId: s.entry_id,
        takenAt: s.taken_at,
        recordedBy: s.recorded_by,
        confirmedBy: s.confirmed_by,
      })),
      new Date(cutoffIso),
    );
    for (const s of chosen.values())
      rows.push({
        entryId: s.entry_id,
        source: 'facebook',
        likes: Number(s.likes),
        shares: Number(s.shares),
      });
  }
  return rows.sort((a, b) => a.entryId.localeCompare(b.entryId) || a.source.localeCompare(b.source));
}
