/** The shape of `computeResults`' answer: every figure of the computation, rounded to 4 decimals. */
import type { EngagementSource, TieBreaker } from '../contest-config.constants.js';
import type { Aggregation, AudienceFormula } from '../contest-config.schema.js';

/**
 * The jury figures of one entry. The per-judge figures are columns aligned with `judgeIds` (compact for
 * contests with hundreds of thousands of sheets).
 */
export interface JuryResult {
  sheetCount: number;
  /** The judges who submitted a sheet for the entry, by judge id. */
  judgeIds: string[];
  /** Each sheet's total (sum of its criterion scores), aligned with `judgeIds`. */
  totals: number[];
  /** Each sheet's total after per-judge z-score normalization; `null` when the round does not normalize. */
  normalizedTotals: number[] | null;
  /** The judges whose sheets the trimmed mean left out, lowest then highest; empty otherwise. */
  dropped: string[];
  /** Mean, median or trimmed mean of the (normalized) totals; `null` without sheets. */
  aggregate: number | null;
  /** aggregate / rubric maximum total × round jury maximum (0 without sheets). */
  points: number;
}

export interface AudienceSourceResult {
  source: EngagementSource;
  likes: number;
  shares: number;
  /** likes × likeWeight + shares × shareWeight. */
  raw: number;
}

export interface AudienceResult {
  /** One per configured source, by source name. */
  sources: AudienceSourceResult[];
  /** Sum over the sources. */
  raw: number;
  /** Audience rank under `rank-table` normalization (ties share the better rank); otherwise `null`. */
  rank: number | null;
  points: number;
}

export type ResultFlag = 'no_sheets' | 'no_engagement';

export interface ResultRow {
  /** 1-based; rows equal on the final score and every tie-breaker share a rank. */
  rank: number;
  entryId: string;
  title: string;
  orgUnitId: string;
  /** Normalized to UTC (`toISOString`). */
  submittedAt: string;
  jury: JuryResult;
  audience: AudienceResult;
  /** Published jury points + published audience points. */
  final: number;
  /** The tie-breaker that separated this row from the previous one when their final scores are equal. */
  decidedBy: TieBreaker | null;
  flags: ResultFlag[];
}

export interface JudgeCalibration {
  judgeId: string;
  sheetCount: number;
  /** Mean and population standard deviation of the judge's raw totals. */
  mean: number;
  sd: number;
  /** False when the judge has a single sheet or no spread: those totals are used as they are. */
  normalized: boolean;
}

export interface ResultsBasis {
  rubricKey: string | null;
  rubricMaxTotal: number;
  juryMaxPoints: number;
  audienceMaxPoints: number;
  aggregation: Aggregation['method'];
  zScore: boolean;
  normalization: AudienceFormula['normalization'] | null;
  tieBreakers: TieBreaker[];
  decimals: number;
}

export interface ResultsOutput {
  formatVersion: 1;
  roundKey: string;
  basis: ResultsBasis;
  /** Mean and population sd of every submitted sheet total; only with z-score normalization. */
  panel: { sheetCount: number; mean: number; sd: number } | null;
  /** By judge id; empty without z-score normalization. */
  judges: JudgeCalibration[];
  /** The highest raw audience score (the denominator of `proportional-to-max`). */
  audienceMaxRaw: number;
  /** In rank order; ties on every key listed by entry id. */
  rows: ResultRow[];
}
