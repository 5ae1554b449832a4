/**
 * Audience side of the results: raw score per source and in total, then normalization to points.
 */
import type { EngagementSource } from '../contest-config.constants.js';
import type { AudienceFormula } from '../contest-config.schema.js';
import type { AudienceSourceResult } from './results-output.types.js';
import { roundResult } from './rounding.rules.js';

export interface EngagementCounts {
  likes: number;
  shares: number;
}

/** Engagement of one entry: at most one row per source. */
export type EntryEngagement = Partial<Record<EngagementSource, EngagementCounts>>;

export interface AudienceWork {
  /** By source name; one per configured source. */
  sources: AudienceSourceResult[];
  raw: number;
  rank: number | null;
  points: number;
  /** No row for any configured source. */
  missing: boolean;
}

const bySource = (a: { source: string }, b: { source: string }): number =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : 0;

/** Raw audience score: Σ over the configured sources of likes × likeWeight + shares × shareWeight. */
export function audienceRaw(formula: AudienceFormula, engagement: EntryEngagement): AudienceWork {
  const sources = [...formula.sources].sort(bySource).map(({ source, likeWeight, shareWeight }) => {
    const counts = engagement[source];
    const likes = counts?.likes ?? 0;
    const shares = counts?.shares ?? 0;
    return { source, likes, shares, raw: likes * likeWeight + shares * shareWeight };
  });
  let raw = 0;
  for (const s of sources) raw += s.raw;
  const missing = formula.sources.every((s) => engagement[s.source] === undefined);
  return { sources, raw, rank: null, points: 0, missing };
}

/**
 * Audience points of every entry (set in place), given their raw scores:
 * - `proportional-to-max`: audienceMax × raw / highest raw (the top entry gets exactly audienceMax;
 *   when every raw score is 0, everyone gets 0);
 * - `rank-table`: entries ranked by raw score, published (rounded) value, highest first; equal raw
 *   scores share the better rank ("1, 2, 2, 4"). Points = audienceMax × rankTable[rank − 1] / the
 *   table's highest value; ranks past the table's end get 0, and so does an entry with raw 0;
 * - `raw`: points = raw, neither scaled nor capped (audienceMax is not used).
 * Returns the highest raw score.
 */
export function normalizeAudience(
  formula: AudienceFormula,
  audienceMax: number,
  works: readonly AudienceWork[],
): number {
  let maxRaw = 0;
  for (const w of works) if (w.raw > maxRaw) maxRaw = w.raw;
  switch (formula.normalization) {
    case 'proportional-to-max':
      for (const w of works) w.points = maxRaw > 0 ? audienceMax * (w.raw / maxRaw) : 0;
      break;
    case 'raw':
      for (const w of works) w.points = w.raw;
      break;
    case 'rank-table': {
      const table = formula.rankTable ?? [];
      const top = table.reduce((m, v) => Math.max(m, v), 0);
      const order = works.map((w) => ({ w, raw: roundResult(w.raw) })).sort((a, b) => b.raw - a.raw);
      order.forEach((item, i) => {
        const prev = order[i - 1];
        const rank = prev && prev.raw === item.raw ? (prev.w.rank as number) : i + 1;
        item.w.rank = rank;
        const value = table[rank - 1] ?? 0;
        item.w.points = item.raw > 0 && top > 0 ? audienceMax * (value / top) : 0;
      });
      break;
    }
  }
  return maxRaw;
}
