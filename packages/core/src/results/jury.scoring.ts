/**
 * Jury side of the results, on the canonical sheet table: optional per-judge z-score normalization and
 * the per-entry aggregate (mean, median or trimmed mean).
 */
import type { Aggregation } from '../contest-config.schema.js';
import type { JudgeCalibration } from './results-output.types.js';
import type { SheetTable } from './sheet.table.js';
import { resultsError } from './results.errors.js';

export interface JuryCalibration {
  panel: { sheetCount: number; mean: number; sd: number };
  judges: JudgeCalibration[];
}

/** The fewest sheets a trimmed mean accepts (one highest and one lowest are dropped). */
export const TRIMMED_MEAN_MIN_SHEETS = 5;
/** A standard deviation this small relative to the mean counts as zero (all totals equal). */
const ZERO_SPREAD = 1e-9;

/**
 * Per-judge z-score normalization. Each judge's totals are standardized over the entries that judge
 * scored — z = (total − judge mean) / judge sd — and mapped back onto the panel: normalized =
 * panel mean + z × panel sd, where the panel is every submitted sheet of the round, so the scale stays
 * in points. Standard deviations are population ones (divide by n). A judge with a single sheet or no
 * spread cannot be standardized: that judge's totals are used unnormalized.
 *
 * Sums run in canonical order (entry, then judge), so the figures never depend on input order.
 * Writes the normalized totals into `table.value`.
 */
export function calibrateJudges(table: SheetTable): JuryCalibration {
  const { judge, total, value } = table;
  const judges = table.judgeIds.length;
  const n = total.length;
  const count = new Array<number>(judges).fill(0);
  const sum = new Array<number>(judges).fill(0);
  const squares = new Array<number>(judges).fill(0);
  let panelSum = 0;
  for (let p = 0; p < n; p += 1) {
    const j = judge[p] as number;
    const t = total[p] as number;
    count[j] = (count[j] as number) + 1;
    sum[j] = (sum[j] as number) + t;
    panelSum += t;
  }
  const panelMean = n > 0 ? panelSum / n : 0;
  const mean = sum.map((s, j) => s / (count[j] as number));
  let panelSquares = 0;
  for (let p = 0; p < n; p += 1) {
    const j = judge[p] as number;
    const t = total[p] as number;
    squares[j] = (squares[j] as number) + (t - (mean[j] as number)) ** 2;
    panelSquares += (t - panelMean) ** 2;
  }
  const panelSd = n > 0 ? Math.sqrt(panelSquares / n) : 0;
  const sd = squares.map((s, j) => Math.sqrt(s / (count[j] as number)));
  const normalized = table.judgeIds.map(
    (_, j) =>
      (count[j] as number) > 1 && (sd[j] as number) > ZERO_SPREAD * Math.max(1, Math.abs(mean[j] as number)),
  );
  for (let p = 0; p < n; p += 1) {
    const j = judge[p] as number;
    const t = total[p] as number;
    value[p] = normalized[j] ? panelMean + ((t - (mean[j] as number)) / (sd[j] as number)) * panelSd : t;
  }
  return {
    panel: { sheetCount: n, mean: panelMean, sd: panelSd },
    judges: table.judgeIds.map((judgeId, j) => ({
      judgeId,
      sheetCount: count[j] as number,
      mean: mean[j] as number,
      sd: sd[j] as number,
      normalized: normalized[j] === true,
    })),
  };
}

/** `value[from..to)` sorted ascending, in `scratch` (no allocation but a view). */
function sortedValues(
  value: readonly number[],
  from: number,
  to: number,
  scratch: Float64Array,
): Float64Array {
  for (let p = from; p < to; p += 1) scratch[p - from] = value[p] as number;
  return scratch.subarray(0, to - from).sort();
}

/**
 * Entry `e`'s aggregate of its sheets' values (normalized totals with z-score, else totals), or `null`
 * without sheets. `mean` sums in judge order. `median` of an even count is the mean of the two middle
 * values. `trimmed-mean` drops one lowest and one highest sheet — among equal values the first by judge
 * id counts as lowest and the last as highest; they are recorded in `table.droppedLow` / `droppedHigh` — and averages the
 * rest; it is refused below 5 sheets (`trimmed_mean_needs_5`). Median and trimmed mean sum in ascending
 * value order, so raising one sheet can never lower the aggregate, not even by a rounding error.
 */
export function aggregateEntry(
  table: SheetTable,
  e: number,
  method: Aggregation['method'],
  entryId: string,
  /** Working space of at least the entry's number of sheets (reused across entries). */
  scratch: Float64Array,
): number | null {
  const from = table.start[e] as number;
  const to = table.start[e + 1] as number;
  const n = to - from;
  const { value } = table;
  if (n === 0) return null;
  switch (method) {
    case 'mean': {
      let sum = 0;
      for (let p = from; p < to; p += 1) sum += value[p] as number;
      return sum / n;
    }
    case 'median': {
      const sorted = sortedValues(value, from, to, scratch);
      const mid = n >> 1;
      const upper = sorted[mid] as number;
      return n % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
    }
    case 'trimmed-mean': {
      if (n < TRIMMED_MEAN_MIN_SHEETS) {
        throw resultsError('trimmed_mean_needs_5', {
          vi: `Tác phẩm "${entryId}" chỉ có ${n} phiếu chấm; trung bình cắt (bỏ điểm cao nhất và thấp nhất) cần ít nhất ${TRIMMED_MEAN_MIN_SHEETS} phiếu.`,
          en: `Entry "${entryId}" has only ${n} sheet(s); a trimmed mean (dropping the highest and the lowest) needs at least ${TRIMMED_MEAN_MIN_SHEETS}.`,
        });
      }
      let low = from;
      let high = from;
      for (let p = from + 1; p < to; p += 1) {
        const v = value[p] as number;
        if (v < (value[low] as number)) low = p;
        if (v >= (value[high] as number)) high = p;
      }
      table.droppedLow[e] = low;
      table.droppedHigh[e] = high;
      const sorted = sortedValues(value, from, to, scratch);
      let sum = 0;
      for (let k = 1; k < n - 1; k += 1) sum += sorted[k] as number;
      return sum / (n - 2);
    }
  }
}
