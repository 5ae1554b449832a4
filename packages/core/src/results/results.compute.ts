/**
 * `computeResults`: the published results of one round from a self-contained bundle. Pure and
 * deterministic: inputs are put in canonical order first (entries by id, sheets by entry then judge,
 * engagement by entry then source), every sum is taken in that order, and figures are rounded only at
 * output, so the same bundle always gives byte-identical JSON whatever the order of its arrays.
 */
import type { FieldIssue } from '../errors.js';
import type { AudienceWork, EntryEngagement } from './audience.scoring.js';
import { audienceRaw, normalizeAudience } from './audience.scoring.js';
import type { JuryCalibration } from './jury.scoring.js';
import { aggregateEntry, calibrateJudges } from './jury.scoring.js';
import { rankRows } from './ranking.rules.js';
import type { RankKey } from './ranking.rules.js';
import type { ResultsEntry, ResultsInput } from './results-input.schema.js';
import type { JuryResult, ResultFlag, ResultRow, ResultsOutput } from './results-output.types.js';
import { resultsError } from './results.errors.js';
import { RESULT_DECIMALS, roundResult } from './rounding.rules.js';
import { buildSheetTable } from './sheet.table.js';
import type { SheetTable } from './sheet.table.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function invalid(path: string, vi: string, en: string): never {
  const message = { vi, en };
  const issues: FieldIssue[] = [{ path, code: 'invalid_results_input', message }];
  throw resultsError('invalid_results_input', message, issues);
}

/** Rules between the configuration parts of the bundle. */
function checkBasis(input: ResultsInput): void {
  const { round, rubric, audienceFormula } = input;
  if (rubric && round.rubricKey !== undefined && rubric.key !== round.rubricKey) {
    throw resultsError('rubric_mismatch', {
      vi: `Vòng "${round.key}" dùng phiếu chấm "${round.rubricKey}", nhưng tệp dữ liệu chứa phiếu chấm "${rubric.key}".`,
      en: `Round "${round.key}" uses rubric "${round.rubricKey}", but the bundle carries rubric "${rubric.key}".`,
    });
  }
  if (audienceFormula?.normalization === 'rank-table' && !audienceFormula.rankTable) {
    throw resultsError('rank_table_required', {
      vi: 'Cách quy đổi theo thứ hạng cần bảng điểm theo thứ hạng.',
      en: 'Rank-table normalization needs a rank table.',
    });
  }
  const criteria = new Set<string>();
  rubric?.criteria.forEach((c, i) => {
    if (criteria.has(c.key)) {
      invalid(
        `rubric.criteria.${i}.key`,
        `Tiêu chí "${c.key}" bị trùng.`,
        `Criterion "${c.key}" is repeated.`,
      );
    }
    criteria.add(c.key);
  });
  const sources = new Set<string>();
  audienceFormula?.sources.forEach((s, i) => {
    if (sources.has(s.source)) {
      invalid(
        `audienceFormula.sources.${i}.source`,
        `Nguồn tương tác "${s.source}" bị trùng.`,
        `Engagement source "${s.source}" is repeated.`,
      );
    }
    sources.add(s.source);
  });
}

interface CanonEntry {
  entry: ResultsEntry;
  submittedMs: number;
}

function canonicalEntries(entries: readonly ResultsEntry[]): CanonEntry[] {
  const sorted = entries
    .map((entry) => ({ entry, submittedMs: Date.parse(entry.submittedAt) }))
    .sort((a, b) => byCodeUnits(a.entry.id, b.entry.id));
  sorted.forEach((c, i) => {
    if (Number.isNaN(c.submittedMs)) {
      invalid(
        `entries.${entries.indexOf(c.entry)}.submittedAt`,
        `Thời điểm nộp bài của tác phẩm "${c.entry.id}" không hợp lệ.`,
        `The submission time of entry "${c.entry.id}" is invalid.`,
      );
    }
    if (i > 0 && sorted[i - 1]?.entry.id === c.entry.id) {
      throw resultsError('duplicate_entry', {
        vi: `Tác phẩm "${c.entry.id}" xuất hiện nhiều lần.`,
        en: `Entry "${c.entry.id}" appears more than once.`,
      });
    }
  });
  return sorted;
}

/** Engagement rows per entry (canonical entry order); one per entry × source. */
function engagementByEntry(input: ResultsInput, indexOf: ReadonlyMap<string, number>): EntryEngagement[] {
  const result: EntryEngagement[] = Array.from({ length: indexOf.size }, () => ({}));
  let unknown: string | undefined;
  for (const row of input.engagement) {
    const at = indexOf.get(row.entryId);
    if (at === undefined) {
      if (unknown === undefined || row.entryId < unknown) unknown = row.entryId;
      continue;
    }
    const e = result[at] as EntryEngagement;
    if (e[row.source]) {
      throw resultsError('duplicate_engagement', {
        vi: `Tác phẩm "${row.entryId}" có nhiều hơn một dòng tương tác cho nguồn "${row.source}".`,
        en: `Entry "${row.entryId}" has more than one engagement row for source "${row.source}".`,
      });
    }
    e[row.source] = { likes: row.likes, shares: row.shares };
  }
  if (unknown !== undefined) {
    throw resultsError('unknown_entry', {
      vi: `Số liệu tương tác nhắc đến tác phẩm "${unknown}" không có trong danh sách tác phẩm.`,
      en: `Engagement rows refer to entry "${unknown}", which is not among the entries.`,
    });
  }
  return result;
}

/** Entry `e`'s jury result, per-judge figures as columns. */
function juryResult(
  table: SheetTable,
  e: number,
  normalized: boolean,
  aggregate: number | null,
  points: number,
): JuryResult {
  const from = table.start[e] as number;
  const n = (table.start[e + 1] as number) - from;
  const judgeIds = new Array<string>(n);
  const totals = new Array<number>(n);
  const normalizedTotals = normalized ? new Array<number>(n) : null;
  for (let k = 0; k < n; k += 1) {
    judgeIds[k] = table.judgeIds[table.judge[from + k] as number] as string;
    totals[k] = roundResult(table.total[from + k] as number);
    if (normalizedTotals) normalizedTotals[k] = roundResult(table.value[from + k] as number);
  }
  const low = table.droppedLow[e] as number;
  const high = table.droppedHigh[e] as number;
  const dropped = low < 0 ? [] : [judgeIds[low - from] as string, judgeIds[high - from] as string];
  return {
    sheetCount: n,
    judgeIds,
    totals,
    normalizedTotals,
    dropped,
    aggregate: aggregate === null ? null : roundResult(aggregate),
    points,
  };
}

interface WorkRow extends RankKey {
  canon: CanonEntry;
  index: number;
  aggregate: number | null;
  juryPoints: number;
  audience: AudienceWork;
  audiencePoints: number;
  flags: ResultFlag[];
}

/**
 * Computes the results of the bundle's round. Throws `DomainError('bad_request', code)` with codes from
 * `resultsErrorCodes` on inconsistent data (see `docs/results-formula.md`).
 */
export function computeResults(input: ResultsInput): ResultsOutput {
  checkBasis(input);
  const { round, rubric, audienceFormula: formula } = input;
  const { method, zScore } = round.aggregation;
  const entries = canonicalEntries(input.entries);
  const indexOf = new Map(entries.map((c, i) => [c.entry.id, i]));

  const table = buildSheetTable(input.sheets, indexOf, rubric, zScore && rubric !== null);
  const calibration: JuryCalibration | null = zScore && rubric ? calibrateJudges(table) : null;
  let widest = 0;
  for (let e = 0; e < entries.length; e += 1) {
    widest = Math.max(widest, (table.start[e + 1] as number) - (table.start[e] as number));
  }
  const scratch = new Float64Array(widest);
  const rubricMaxTotal = rubric ? rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0) : 0;

  const engagement = engagementByEntry(input, indexOf);
  const audience: AudienceWork[] = engagement.map((e) =>
    formula ? audienceRaw(formula, e) : { sources: [], raw: 0, rank: null, points: 0, missing: false },
  );
  const audienceMaxRaw = formula ? normalizeAudience(formula, round.audienceMaxPoints, audience) : 0;

  const work: WorkRow[] = entries.map((canon, i) => {
    const aud = audience[i] as AudienceWork;
    const sheetCount = (table.start[i + 1] as number) - (table.start[i] as number);
    const aggregate = aggregateEntry(table, i, method, canon.entry.id, scratch);
    const juryPoints =
      aggregate === null || rubricMaxTotal === 0 ? 0 : (aggregate / rubricMaxTotal) * round.juryMaxPoints;
    const jury = roundResult(juryPoints);
    const audiencePoints = roundResult(aud.points);
    const flags: ResultFlag[] = [];
    if (rubric && sheetCount === 0) flags.push('no_sheets');
    if (aud.missing) flags.push('no_engagement');
    return {
      entryId: canon.entry.id,
      final: roundResult(jury + audiencePoints),
      audienceRaw: roundResult(aud.raw),
      jury,
      submittedMs: canon.submittedMs,
      canon,
      index: i,
      aggregate,
      juryPoints: jury,
      audience: aud,
      audiencePoints,
      flags,
    };
  });

  const rows: ResultRow[] = rankRows(work, input.tieBreakers).map(({ row, rank, decidedBy }) => ({
    rank,
    entryId: row.entryId,
    title: row.canon.entry.title,
    orgUnitId: row.canon.entry.orgUnitId,
    submittedAt: new Date(row.submittedMs).toISOString(),
    jury: juryResult(table, row.index, calibration !== null, row.aggregate, row.juryPoints),
    audience: {
      sources: row.audience.sources.map((s) => ({ ...s, raw: roundResult(s.raw) })),
      raw: row.audienceRaw,
      rank: row.audience.rank,
      points: row.audiencePoints,
    },
    final: row.final,
    decidedBy,
    flags: row.flags,
  }));

  return {
    formatVersion: 1,
    roundKey: round.key,
    basis: {
      rubricKey: rubric?.key ?? null,
      rubricMaxTotal: roundResult(rubricMaxTotal),
      juryMaxPoints: round.juryMaxPoints,
      audienceMaxPoints: round.audienceMaxPoints,
      aggregation: method,
      zScore,
      normalization: formula?.normalization ?? null,
      tieBreakers: [...input.tieBreakers],
      decimals: RESULT_DECIMALS,
    },
    panel: calibration
      ? {
          sheetCount: calibration.panel.sheetCount,
          mean: roundResult(calibration.panel.mean),
          sd: roundResult(calibration.panel.sd),
        }
      : null,
    judges: (calibration?.judges ?? []).map((j) => ({
      ...j,
      mean: roundResult(j.mean),
      sd: roundResult(j.sd),
    })),
    audienceMaxRaw: roundResult(audienceMaxRaw),
    rows,
  };
}
