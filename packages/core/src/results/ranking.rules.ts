/** Final ordering of the results: final score, then the contest's tie-breakers in order, then entry id. */
import type { TieBreaker } from '../contest-config.constants.js';

/** The published (rounded) figures a row is ranked on. */
export interface RankKey {
  entryId: string;
  final: number;
  audienceRaw: number;
  jury: number;
  submittedMs: number;
}

export interface Ranked<T> {
  row: T;
  rank: number;
  decidedBy: TieBreaker | null;
}

/** Negative when `a` goes first on this tie-breaker, positive when `b` does, 0 when they are equal. */
export function compareOn(tieBreaker: TieBreaker, a: RankKey, b: RankKey): number {
  switch (tieBreaker) {
    case 'audience_raw':
      return b.audienceRaw - a.audienceRaw;
    case 'jury':
      return b.jury - a.jury;
    case 'earlier_submission':
      return a.submittedMs - b.submittedMs;
  }
}

/**
 * Sorts by final score (highest first), then each tie-breaker in order, then entry id (code-unit order)
 * as the last deterministic key. Rows equal on the final score and every tie-breaker share a rank
 * (standard competition ranking: 1, 2, 2, 4); `decidedBy` names the tie-breaker that separated a row
 * from the previous one when their final scores are equal.
 */
export function rankRows<T extends RankKey>(
  rows: readonly T[],
  tieBreakers: readonly TieBreaker[],
): Ranked<T>[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.final !== b.final) return b.final - a.final;
    for (const tb of tieBreakers) {
      const c = compareOn(tb, a, b);
      if (c !== 0) return c;
    }
    return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;
  });
  const ranked: Ranked<T>[] = [];
  sorted.forEach((row, i) => {
    const prev = ranked[i - 1];
    if (!prev) {
      ranked.push({ row, rank: 1, decidedBy: null });
      return;
    }
    if (prev.row.final !== row.final) {
      ranked.push({ row, rank: i + 1, decidedBy: null });
      return;
    }
    const decidedBy = tieBreakers.find((tb) => compareOn(tb, prev.row, row) !== 0) ?? null;
    ranked.push({ row, rank: decidedBy === null ? prev.rank : i + 1, decidedBy });
  });
  return ranked;
}
