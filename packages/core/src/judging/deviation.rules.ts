/**
 * Deviation alerts for the secretariat: a judge whose scores stand apart from the panel, so the committee can
 * discuss it before results. For each judge, over the entries they scored, the **bias** is the mean of
 * (their sheet total − the mean of the other judges' totals for that entry), and the **spread** is the
 * standard deviation of their own totals. A judge is flagged when their bias or spread lies more than
 * `threshold` standard deviations from the panel's mean of that figure (population sd over judges).
 * Needs at least 3 judges with a figure; a panel without variation flags nobody.
 */

export interface SheetTotal {
  judgeId: string;
  entryId: string;
  total: number;
}

export interface JudgeDeviation {
  judgeId: string;
  sheets: number;
  mean: number;
  spread: number;
  bias: number | null;
  biasZ: number | null;
  spreadZ: number | null;
  alerts: Array<'bias' | 'spread'>;
}

export const DEFAULT_DEVIATION_THRESHOLD = 1.5;

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

function zScores(values: Map<string, number>): Map<string, number | null> {
  const xs = [...values.values()];
  const out = new Map<string, number | null>();
  const s = xs.length >= 3 ? sd(xs) : 0;
  const m = xs.length ? mean(xs) : 0;
  for (const [k, v] of values) out.set(k, s > 1e-9 ? (v - m) / s : null);
  return out;
}

export function deviationReport(
  sheets: readonly SheetTotal[],
  threshold = DEFAULT_DEVIATION_THRESHOLD,
): JudgeDeviation[] {
  const byEntry = new Map<string, SheetTotal[]>();
  const byJudge = new Map<string, SheetTotal[]>();
  for (const s of sheets) {
    byEntry.set(s.entryId, [...(byEntry.get(s.entryId) ?? []), s]);
    byJudge.set(s.judgeId, [...(byJudge.get(s.judgeId) ?? []), s]);
  }
  const judges = [...byJudge.keys()].sort();
  const bias = new Map<string, number>();
  const spread = new Map<string, number>();
  for (const j of judges) {
    const own = byJudge.get(j) ?? [];
    const diffs = own.flatMap((s) => {
      const others = (byEntry.get(s.entryId) ?? []).filter((o) => o.judgeId !== j).map((o) => o.total);
      return others.length ? [s.total - mean(others)] : [];
    });
    if (diffs.length) bias.set(j, mean(diffs));
    if (own.length >= 2) spread.set(j, sd(own.map((s) => s.total)));
  }
  const biasZ = zScores(bias);
  const spreadZ = zScores(spread);
  return judges.map((j) => {
    const own = (byJudge.get(j) ?? []).map((s) => s.total);
    const bz = biasZ.get(j) ?? null;
    const sz = spreadZ.get(j) ?? null;
    const alerts: JudgeDeviation['alerts'] = [];
    if (bz !== null && Math.abs(bz) > threshold) alerts.push('bias');
    if (sz !== null && Math.abs(sz) > threshold) alerts.push('spread');
    return {
      judgeId: j,
      sheets: own.length,
      mean: mean(own),
      spread: own.length >= 2 ? sd(own) : 0,
      bias: bias.get(j) ?? null,
      biasZ: bz,
      spreadZ: sz,
      alerts,
    };
  });
}
