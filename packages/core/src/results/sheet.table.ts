/**
 * The submitted sheets of a bundle, validated and put in canonical order (by entry, then by judge id),
 * stored as parallel arrays of numbers so that half a million sheets cost no per-sheet objects while
 * the results are computed. (Plain arrays rather than typed arrays: their memory is on the JS heap, where
 * the collector paces itself by heap size, instead of off-heap buffers, which force a full collection
 * every few dozen megabytes whatever the heap size.) Building it is linear in the number of sheets (two counting sorts).
 */
import type { Criterion, Rubric } from '../contest-config.schema.js';
import type { ResultsSheet } from './results-input.schema.js';
import { resultsError } from './results.errors.js';

export interface SheetTable {
  /** Distinct judge ids in code-unit order. */
  judgeIds: string[];
  /** The sheets of entry `e` are the positions `start[e]` to `start[e + 1] - 1`. */
  start: number[];
  /** Per position: index into `judgeIds`. */
  judge: number[];
  /** Per position: the sheet total. */
  total: number[];
  /** Per position: the figure aggregated — the normalized total after z-scoring, else `total` itself. */
  value: number[];
  /** Per entry: the positions of the lowest and the highest sheet the trimmed mean left out, or -1. */
  droppedLow: number[];
  droppedHigh: number[];
}

const STEP_TOLERANCE = 1e-9;

/** An array of `length` numbers, all `value`. */
const filled = (length: number, value: number): number[] => new Array<number>(length).fill(value);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const onStep = (value: number, step: number): boolean => {
  const q = value / step;
  return Math.abs(q - Math.round(q)) <= STEP_TOLERANCE;
};

function badScore(sheet: ResultsSheet, index: number, key: string, problem: 'missing' | 'unknown' | 'range') {
  const who = {
    vi: `Phiếu chấm của giám khảo "${sheet.judgeId}" cho tác phẩm "${sheet.entryId}"`,
    en: `The sheet of judge "${sheet.judgeId}" for entry "${sheet.entryId}"`,
  };
  const what =
    problem === 'missing'
      ? { vi: `thiếu điểm tiêu chí "${key}".`, en: `has no score for criterion "${key}".` }
      : problem === 'unknown'
        ? {
            vi: `có điểm cho tiêu chí "${key}" không thuộc bộ tiêu chí.`,
            en: `scores criterion "${key}", which is not in the rubric.`,
          }
        : {
            vi: `có điểm tiêu chí "${key}" (${String(sheet.scores[key])}) ngoài thang điểm hoặc không đúng bước điểm.`,
            en: `scores criterion "${key}" ${String(sheet.scores[key])}, outside the scale or off the step.`,
          };
  const message = { vi: `${who.vi} ${what.vi}`, en: `${who.en} ${what.en}` };
  return resultsError('invalid_sheet_score', message, [
    { path: `sheets.${index}.scores.${key}`, code: 'invalid_sheet_score', message },
  ]);
}

/** The sum of a sheet's criterion scores in rubric order, or NaN when any score is missing, extra or bad. */
function tryTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const c of criteria) {
    // An inherited property (criterion keys cannot be `__proto__`) is never a number: read as missing.
    const v: unknown = scores[c.key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.maxPoints || !onStep(v, c.step)) {
      return Number.NaN;
    }
    total += v;
  }
  let keys = 0;
  for (const _key in scores) keys += 1;
  return keys === criteria.length ? total : Number.NaN;
}

/**
 * The sum of a sheet's criterion scores, in rubric order. Each score must be present, within
 * 0..maxPoints and a multiple of the criterion's step; no other key may be scored.
 * Throws `invalid_sheet_score` naming the judge, the entry and the criterion.
 */
export function sheetTotal(criteria: readonly Criterion[], sheet: ResultsSheet, index: number): number {
  const total = tryTotal(criteria, sheet.scores);
  if (!Number.isNaN(total)) return total;
  const { scores } = sheet;
  for (const c of criteria) {
    const v: unknown = Object.hasOwn(scores, c.key) ? scores[c.key] : undefined;
    if (typeof v !== 'number') throw badScore(sheet, index, c.key, 'missing');
    if (!Number.isFinite(v) || v < 0 || v > c.maxPoints || !onStep(v, c.step)) {
      throw badScore(sheet, index, c.key, 'range');
    }
  }
  const known = new Set(criteria.map((c) => c.key));
  const extra = Object.keys(scores)
    .filter((k) => !known.has(k))
    .sort(byCodeUnits);
  throw badScore(sheet, index, extra[0] ?? '', 'unknown');
}

/**
 * Validates the submitted sheets (drafts are ignored) and orders them canonically. `indexOf` maps an
 * entry id to its canonical position. Throws `unknown_entry` (the smallest such id), `sheets_without_rubric`,
 * `duplicate_sheet`, or `invalid_sheet_score` (checked in canonical order, so the same bundle always
 * reports the same sheet).
 */
export function buildSheetTable(
  sheets: readonly ResultsSheet[],
  indexOf: ReadonlyMap<string, number>,
  rubric: Rubric | null,
  /** True when the values will be normalized (z-score): `value` then gets its own array. */
  normalize: boolean,
): SheetTable {
  const entryCount = indexOf.size;
  const entryOf = filled(sheets.length, -1);
  const judgeOf = filled(sheets.length, 0);
  const judgeSeen = new Map<string, number>();
  const counts = filled(entryCount + 1, 0);
  const totalOf = filled(sheets.length, 0);
  const criteria = rubric?.criteria ?? [];
  let unknown: string | undefined;
  let submitted = 0;
  for (let i = 0; i < sheets.length; i += 1) {
    const sheet = sheets[i] as ResultsSheet;
    if (sheet.status !== 'submitted') continue;
    const e = indexOf.get(sheet.entryId);
    if (e === undefined) {
      if (unknown === undefined || sheet.entryId < unknown) unknown = sheet.entryId;
      continue;
    }
    let j = judgeSeen.get(sheet.judgeId);
    if (j === undefined) {
      j = judgeSeen.size;
      judgeSeen.set(sheet.judgeId, j);
    }
    entryOf[i] = e;
    judgeOf[i] = j;
    totalOf[i] = tryTotal(criteria, sheet.scores);
    counts[e + 1] = (counts[e + 1] as number) + 1;
    submitted += 1;
  }
  if (unknown !== undefined) {
    throw resultsError('unknown_entry', {
      vi: `Phiếu chấm nhắc đến tác phẩm "${unknown}" không có trong danh sách tác phẩm.`,
      en: `Score sheets refer to entry "${unknown}", which is not among the entries.`,
    });
  }
  if (submitted > 0 && !rubric) {
    throw resultsError('sheets_without_rubric', {
      vi: 'Vòng thi không có phiếu chấm nhưng tệp dữ liệu có phiếu chấm đã nộp.',
      en: 'The bundle has submitted sheets but no rubric.',
    });
  }

  const judgeIds = [...judgeSeen.keys()].sort(byCodeUnits);
  const judgeRank = filled(judgeIds.length, 0);
  judgeIds.forEach((id, rank) => {
    judgeRank[judgeSeen.get(id) as number] = rank;
  });

  // Two stable counting sorts (by judge, then by entry): sheets end up by entry, then judge id.
  const byJudge = filled(judgeIds.length + 1, 0);
  for (let i = 0; i < sheets.length; i += 1) {
    if ((entryOf[i] as number) < 0) continue;
    const j = judgeRank[judgeOf[i] as number] as number;
    judgeOf[i] = j;
    byJudge[j + 1] = (byJudge[j + 1] as number) + 1;
  }
  for (let j = 0; j < judgeIds.length; j += 1)
    byJudge[j + 1] = (byJudge[j + 1] as number) + (byJudge[j] as number);
  const judgeOrder = filled(submitted, 0);
  for (let i = 0; i < sheets.length; i += 1) {
    if ((entryOf[i] as number) < 0) continue;
    const j = judgeOf[i] as number;
    const at = byJudge[j] as number;
    byJudge[j] = at + 1;
    judgeOrder[at] = i;
  }
  const start = filled(entryCount + 1, 0);
  for (let e = 0; e < entryCount; e += 1) start[e + 1] = (start[e] as number) + (counts[e + 1] as number);
  const fill = start.slice(0, entryCount);
  const judge = filled(submitted, 0);
  const source = filled(submitted, 0);
  const total = filled(submitted, 0);
  for (let k = 0; k < submitted; k += 1) {
    const i = judgeOrder[k] as number;
    const e = entryOf[i] as number;
    const pos = fill[e] as number;
    fill[e] = pos + 1;
    judge[pos] = judgeOf[i] as number;
    source[pos] = i;
    total[pos] = totalOf[i] as number;
  }
  for (let e = 0; e < entryCount; e += 1) {
    const from = start[e] as number;
    const to = start[e + 1] as number;
    for (let p = from + 1; p < to; p += 1) {
      if (judge[p - 1] === judge[p]) {
        const sheet = sheets[source[p] as number] as ResultsSheet;
        throw resultsError('duplicate_sheet', {
          vi: `Giám khảo "${sheet.judgeId}" có nhiều hơn một phiếu chấm đã nộp cho tác phẩm "${sheet.entryId}".`,
          en: `Judge "${sheet.judgeId}" has more than one submitted sheet for entry "${sheet.entryId}".`,
        });
      }
    }
  }

  // Totals were taken in input order (cache-friendly); bad sheets are reported in canonical order.
  for (let p = 0; p < submitted; p += 1) {
    if (Number.isNaN(total[p])) {
      const i = source[p] as number;
      sheetTotal(criteria, sheets[i] as ResultsSheet, i);
    }
  }
  return {
    judgeIds,
    start,
    judge,
    total,
    value: normalize ? total.slice() : total,
    droppedLow: filled(entryCount, -1),
    droppedHigh: filled(entryCount, -1),
  };
}
