/** Finalists of a round: the top N by rank, with organizer swaps that each carry a written reason. */
import type { ResultRow, ResultsOutput } from './results-output.types.js';
import { resultsError } from './results.errors.js';

export interface FinalistOverride {
  /** A finalist by rank who is replaced. */
  out: string;
  /** A non-finalist who takes the place. */
  in: string;
  /** Why (e.g. stage-worthiness); shown in the minutes. Required, non-empty. */
  reason: string;
}

export interface Finalist {
  rank: number;
  entryId: string;
  title: string;
  orgUnitId: string;
  final: number;
  selectedBy: 'rank' | 'override';
}

export interface FinalistSwap {
  out: string;
  outRank: number;
  in: string;
  inRank: number;
  reason: string;
}

export interface FinalistSelection {
  count: number;
  /** In rank order. */
  finalists: Finalist[];
  /** In the order they were applied. */
  swaps: FinalistSwap[];
  /**
   * True when the row just below the cut shares a rank with the last one selected by rank, i.e. the cut
   * fell inside a tie that no tie-breaker resolved (the entry id decided).
   */
  tieAtCutoff: boolean;
}

/**
 * The first `count` rows of `output` (fewer when there are fewer entries), then each override applied in
 * order: `out` must be selected at that point and `in` must be a ranked entry not selected. An override
 * without a non-empty reason is refused with `finalist_override_reason_required`; other inconsistencies
 * with `finalist_override_invalid`; a count that is not a positive integer with `invalid_finalist_count`.
 */
export function selectFinalists(
  output: ResultsOutput,
  count: number,
  overrides: readonly FinalistOverride[] = [],
): FinalistSelection {
  if (!Number.isInteger(count) || count < 1) {
    throw resultsError('invalid_finalist_count', {
      vi: `Số người vào chung kết phải là số nguyên dương (nhận được ${String(count)}).`,
      en: `The number of finalists must be a positive integer (got ${String(count)}).`,
    });
  }
  const rowOf = new Map<string, ResultRow>(output.rows.map((r) => [r.entryId, r]));
  const cut = Math.min(count, output.rows.length);
  const selected = new Map<string, 'rank' | 'override'>(
    output.rows.slice(0, cut).map((r) => [r.entryId, 'rank'] as const),
  );
  const last = output.rows[cut - 1];
  const next = output.rows[cut];
  const tieAtCutoff = last !== undefined && next !== undefined && last.rank === next.rank;

  const swaps: FinalistSwap[] = overrides.map((o, i) => {
    const reason = o.reason.trim();
    if (reason === '') {
      throw resultsError(
        'finalist_override_reason_required',
        {
          vi: `Thay "${o.out}" bằng "${o.in}" phải ghi rõ lý do.`,
          en: `Swapping "${o.out}" for "${o.in}" needs a written reason.`,
        },
        [
          {
            path: `overrides.${i}.reason`,
            code: 'finalist_override_reason_required',
            message: { vi: 'Cần ghi lý do.', en: 'A reason is required.' },
          },
        ],
      );
    }
    const outRow = rowOf.get(o.out);
    const inRow = rowOf.get(o.in);
    if (!outRow || !selected.has(o.out)) {
      throw resultsError('finalist_override_invalid', {
        vi: `Tác phẩm "${o.out}" không nằm trong danh sách vào chung kết nên không thể thay ra.`,
        en: `Entry "${o.out}" is not a finalist, so it cannot be swapped out.`,
      });
    }
    if (!inRow || selected.has(o.in)) {
      throw resultsError('finalist_override_invalid', {
        vi: `Tác phẩm "${o.in}" không phải tác phẩm được xếp hạng ngoài danh sách chung kết nên không thể thay vào.`,
        en: `Entry "${o.in}" is not a ranked entry outside the finalists, so it cannot be swapped in.`,
      });
    }
    selected.delete(o.out);
    selected.set(o.in, 'override');
    return { out: o.out, outRank: outRow.rank, in: o.in, inRank: inRow.rank, reason };
  });

  const finalists: Finalist[] = output.rows
    .filter((r) => selected.has(r.entryId))
    .map((r) => ({
      rank: r.rank,
      entryId: r.entryId,
      title: r.title,
      orgUnitId: r.orgUnitId,
      final: r.final,
      selectedBy: selected.get(r.entryId) ?? 'rank',
    }));
  return { count, finalists, swaps, tieAtCutoff };
}
