import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { computeResults } from './results.compute.js';
import { parseResultsInput } from './results-input.schema.js';
import type { ResultsInput } from './results-input.schema.js';
import { bundle, engagement, entry, sheet } from './results.fixtures.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
};

/*
 * The reference contest's 30/70 rule: 3 entries, 6 judges, 3 criteria 0..10 step 0.5 (rubric max 30),
 * jury max 70, audience max 30, likes and shares weight 1 on both sources.
 *
 * Sheet totals (content + form + effectiveness):
 *   A: j1 8.5+8+8.5=25   j2 8+8+8=24      j3 9+8.5+9=26.5  j4 7.5+7.5+8=23  j5 8.5×3=25.5  j6 9+8+9=26
 *   B: j1 9×3=27         j2 9.5+9+9.5=28  j3 8.5+8.5+9=26  j4 9+9+9.5=27.5  j5 9.5×3=28.5  j6 9×3=27
 *   C: j1 7+6.5+6.5=20   j2 7.5+7+7.5=22  j3 7×3=21        j4 6.5×3=19.5    j5 7.5×3=22.5  j6 7×3=21
 */
const judges = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'];
const scores: Record<string, number[][]> = {
  A: [
    [8.5, 8, 8.5],
    [8, 8, 8],
    [9, 8.5, 9],
    [7.5, 7.5, 8],
    [8.5, 8.5, 8.5],
    [9, 8, 9],
  ],
  B: [
    [9, 9, 9],
    [9.5, 9, 9.5],
    [8.5, 8.5, 9],
    [9, 9, 9.5],
    [9.5, 9.5, 9.5],
    [9, 9, 9],
  ],
  C: [
    [7, 6.5, 6.5],
    [7.5, 7, 7.5],
    [7, 7, 7],
    [6.5, 6.5, 6.5],
    [7.5, 7.5, 7.5],
    [7, 7, 7],
  ],
};
/*
 * Audience raw = likes + shares over both sources:
 *   A: facebook 800 + 150, native 50 + 0   = 1000
 *   B: facebook 400 + 80,  native 20 + 0   = 500
 *   C: facebook 1500 + 300, native 200 + 0 = 2000 (the highest)
 * Audience points = 30 × raw / 2000: A 15, B 7.5, C 30.
 */
const reference = (aggregation: 'mean' | 'median' | 'trimmed-mean' = 'mean'): ResultsInput =>
  bundle({
    round: { aggregation: { method: aggregation, zScore: false } },
    entries: [entry('A'), entry('B'), entry('C')],
    sheets: Object.entries(scores).flatMap(([id, rows]) => rows.map((s, i) => sheet(judges[i] ?? '', id, s))),
    engagement: [
      engagement('A', 'facebook', 800, 150),
      engagement('A', 'native', 50, 0),
      engagement('B', 'facebook', 400, 80),
      engagement('B', 'native', 20, 0),
      engagement('C', 'facebook', 1500, 300),
      engagement('C', 'native', 200, 0),
    ],
  });

const summary = (input: ResultsInput) =>
  computeResults(input).rows.map((r) => [
    r.rank,
    r.entryId,
    r.jury.aggregate,
    r.jury.points,
    r.audience.raw,
    r.audience.points,
    r.final,
  ]);

describe('computeResults — the reference 30/70 rule by hand', () => {
  it('mean', () => {
    // Means: A 150/6 = 25; B 164/6 = 27.33333…; C 126/6 = 21.
    // Jury = mean / 30 × 70: A 58.33333… → 58.3333; B 63.77777… → 63.7778; C 49.
    // Final = jury + audience: C 49 + 30 = 79; A 58.3333 + 15 = 73.3333; B 63.7778 + 7.5 = 71.2778.
    expect(summary(reference())).toEqual([
      [1, 'C', 21, 49, 2000, 30, 79],
      [2, 'A', 25, 58.3333, 1000, 15, 73.3333],
      [3, 'B', 27.3333, 63.7778, 500, 7.5, 71.2778],
    ]);
  });

  it('median', () => {
    // A sorted 23 24 25 25.5 26 26.5 → (25 + 25.5) / 2 = 25.25 → × 70/30 = 58.91666… → 58.9167
    // B sorted 26 27 27 27.5 28 28.5 → (27 + 27.5) / 2 = 27.25 → 63.58333… → 63.5833
    // C sorted 19.5 20 21 21 22 22.5 → 21 → 49
    expect(summary(reference('median'))).toEqual([
      [1, 'C', 21, 49, 2000, 30, 79],
      [2, 'A', 25.25, 58.9167, 1000, 15, 73.9167],
      [3, 'B', 27.25, 63.5833, 500, 7.5, 71.0833],
    ]);
  });

  it('trimmed mean drops one highest and one lowest sheet', () => {
    // A drops j4 (23) and j3 (26.5): (24 + 25 + 25.5 + 26) / 4 = 25.125 → × 70/30 = 58.625
    // B drops j3 (26) and j5 (28.5): (27 + 27 + 27.5 + 28) / 4 = 27.375 → 63.875
    // C drops j4 (19.5) and j5 (22.5): (20 + 21 + 21 + 22) / 4 = 21 → 49
    const out = computeResults(reference('trimmed-mean'));
    expect(out.rows.map((r) => [r.entryId, r.jury.aggregate, r.jury.points, r.final])).toEqual([
      ['C', 21, 49, 79],
      ['A', 25.125, 58.625, 73.625],
      ['B', 27.375, 63.875, 71.375],
    ]);
    expect(out.rows.map((r) => r.jury.dropped)).toEqual([
      ['j4', 'j5'],
      ['j4', 'j3'],
      ['j3', 'j5'],
    ]);
  });

  it('carries every intermediate figure', () => {
    const row = computeResults(reference()).rows[1];
    expect(row).toEqual({
      rank: 2,
      entryId: 'A',
      title: 'Clip A',
      orgUnitId: 'D1',
      submittedAt: '2023-08-30T02:00:00.000Z',
      jury: {
        sheetCount: 6,
        judgeIds: ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'],
        totals: [25, 24, 26.5, 23, 25.5, 26],
        normalizedTotals: null,
        dropped: [],
        aggregate: 25,
        points: 58.3333,
      },
      audience: {
        sources: [
          { source: 'facebook', likes: 800, shares: 150, raw: 950 },
          { source: 'native', likes: 50, shares: 0, raw: 50 },
        ],
        raw: 1000,
        rank: null,
        points: 15,
      },
      final: 73.3333,
      decidedBy: null,
      flags: [],
    });
  });

  it('round-trips through JSON and the bundle schema', () => {
    const input = reference();
    const again = parseResultsInput(JSON.parse(JSON.stringify(input)));
    expect(JSON.stringify(computeResults(again))).toBe(JSON.stringify(computeResults(input)));
  });
});

describe('computeResults — z-score normalization', () => {
  it('makes a harsh and a lenient judge who agree on the order give the same sheets', () => {
    // Harsh h: X 10, Y 15, Z 20 (mean 15); lenient l: X 20, Y 25, Z 30 (mean 25); both sd √(50/3).
    // Panel of all six totals: mean 20, sd √(250/6) = √(125/3).
    // X: z = −5/√(50/3) = −√1.5; normalized = 20 − √1.5 × √(125/3) = 20 − √62.5 = 12.0943058…
    // Z: 20 + √62.5 = 27.9056941…; Y: z = 0 → 20.
    // Jury = normalized / 30 × 70: X 28.2200469… → 28.22; Y 46.6666… → 46.6667; Z 65.1132863… → 65.1133.
    const out = computeResults(
      bundle({
        round: { aggregation: { method: 'mean', zScore: true } },
        audienceFormula: null,
        entries: [entry('X'), entry('Y'), entry('Z')],
        sheets: [
          sheet('h', 'X', [4, 3, 3]),
          sheet('h', 'Y', [5, 5, 5]),
          sheet('h', 'Z', [7, 7, 6]),
          sheet('l', 'X', [7, 7, 6]),
          sheet('l', 'Y', [9, 8, 8]),
          sheet('l', 'Z', [10, 10, 10]),
        ],
      }),
    );
    expect(out.panel).toEqual({ sheetCount: 6, mean: 20, sd: 6.455 });
    expect(out.judges).toEqual([
      { judgeId: 'h', sheetCount: 3, mean: 15, sd: 4.0825, normalized: true },
      { judgeId: 'l', sheetCount: 3, mean: 25, sd: 4.0825, normalized: true },
    ]);
    expect(out.rows.map((r) => [r.entryId, r.jury.normalizedTotals, r.jury.points])).toEqual([
      ['Z', [27.9057, 27.9057], 65.1133],
      ['Y', [20, 20], 46.6667],
      ['X', [12.0943, 12.0943], 28.22],
    ]);
  });

  it('uses a single-sheet or no-spread judge unnormalized', () => {
    const out = computeResults(
      bundle({
        round: { aggregation: { method: 'mean', zScore: true } },
        audienceFormula: null,
        entries: [entry('X'), entry('Y')],
        sheets: [sheet('one', 'X', [5, 5, 5]), sheet('flat', 'X', [6, 6, 6]), sheet('flat', 'Y', [6, 6, 6])],
      }),
    );
    expect(out.judges.map((j) => [j.judgeId, j.normalized])).toEqual([
      ['flat', false],
      ['one', false],
    ]);
    expect(out.rows.map((r) => [r.entryId, r.jury.judgeIds, r.jury.totals, r.jury.normalizedTotals])).toEqual(
      [
        ['Y', ['flat'], [18], [18]], // 18 → rank 1
        ['X', ['flat', 'one'], [18, 15], [18, 15]], // (18 + 15) / 2 = 16.5
      ],
    );
  });
  it('can move an entry down when its own score goes up (documented limitation of z-scores)', () => {
    // Judges h (A 0, B 4, C 27) and l (A 12, B 4, C 2). Raising l's sheet for A from 12 to 16 raises
    // A's own final, but it also widens the panel's spread, and every normalized sheet is stretched
    // away from the panel mean: C's outstanding sheet from h gains more than A does, and C overtakes A.
    const split = (t: number) => [Math.min(10, t), Math.min(10, Math.max(0, t - 10)), Math.max(0, t - 20)];
    const run = (aFromL: number) =>
      computeResults(
        bundle({
          round: { aggregation: { method: 'mean', zScore: true } },
          audienceFormula: null,
          entries: [entry('A'), entry('B'), entry('C')],
          sheets: [
            sheet('h', 'A', split(0)),
            sheet('h', 'B', split(4)),
            sheet('h', 'C', split(27)),
            sheet('l', 'A', split(aFromL)),
            sheet('l', 'B', split(4)),
            sheet('l', 'C', split(2)),
          ],
        }),
      ).rows.map((r) => [r.entryId, r.rank, r.final]);
    const before = run(12);
    const after = run(16);
    expect(before.map((r) => r[0])).toEqual(['A', 'C', 'B']);
    expect(after.map((r) => r[0])).toEqual(['C', 'A', 'B']);
    expect(Number(after[1]?.[2])).toBeGreaterThan(Number(before[0]?.[2]));
  });
});

describe('computeResults — refusals', () => {
  const base = () => reference();

  it.each([
    ['above the maximum', 10.5],
    ['below zero', -0.5],
    ['off the step', 7.25],
  ])('refuses a score %s, naming judge, entry and criterion', (_label, value) => {
    const input = base();
    const s = input.sheets[4];
    if (!s) throw new Error('fixture');
    s.scores.form = value;
    try {
      computeResults(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_sheet_score', kind: 'bad_request' });
      const msg = (e as Error).message;
      expect(msg).toContain(`"${s.judgeId}"`);
      expect(msg).toContain(`"${s.entryId}"`);
      expect(msg).toContain('"form"');
      expect(e).toMatchObject({ issues: [{ path: 'sheets.4.scores.form' }] });
    }
  });

  it('refuses missing and unknown criteria, ignores drafts', () => {
    const missing = base();
    delete missing.sheets[0]?.scores.content;
    expect(codeOf(() => computeResults(missing))).toBe('invalid_sheet_score');
    const extra = base();
    (extra.sheets[0] as { scores: Record<string, number> }).scores.bonus = 1;
    expect(codeOf(() => computeResults(extra))).toBe('invalid_sheet_score');
    const draft = base();
    draft.sheets.push({ judgeId: 'j7', entryId: 'A', status: 'draft', scores: { content: 99 } });
    expect(JSON.stringify(computeResults(draft))).toBe(JSON.stringify(computeResults(base())));
  });

  it('refuses a trimmed mean below 5 sheets', () => {
    const input = reference('trimmed-mean');
    input.sheets = input.sheets.filter(
      (s) => !(s.entryId === 'B' && (s.judgeId === 'j1' || s.judgeId === 'j2')),
    );
    expect(codeOf(() => computeResults(input))).toBe('trimmed_mean_needs_5');
  });

  it('refuses duplicates and unknown entries', () => {
    const dupEntry = base();
    dupEntry.entries.push(entry('A'));
    expect(codeOf(() => computeResults(dupEntry))).toBe('duplicate_entry');
    const dupSheet = base();
    dupSheet.sheets.push(sheet('j1', 'A', [1, 1, 1]));
    expect(codeOf(() => computeResults(dupSheet))).toBe('duplicate_sheet');
    const dupEng = base();
    dupEng.engagement.push(engagement('A', 'native', 1, 1));
    expect(codeOf(() => computeResults(dupEng))).toBe('duplicate_engagement');
    const unknown = base();
    unknown.engagement.push(engagement('Z', 'native', 1, 1));
    expect(codeOf(() => computeResults(unknown))).toBe('unknown_entry');
    const noRubric = bundle({ rubric: null, entries: [entry('A')], sheets: [sheet('j1', 'A', [1, 1, 1])] });
    expect(codeOf(() => computeResults(noRubric))).toBe('sheets_without_rubric');
    expect(codeOf(() => computeResults({ ...base(), rubric: { ...base().rubric!, key: 'other' } }))).toBe(
      'rubric_mismatch',
    );
  });

  it('gives an entry without sheets 0 jury points and a flag', () => {
    const input = base();
    input.entries.push(entry('D'));
    const d = computeResults(input).rows.find((r) => r.entryId === 'D');
    expect(d?.jury).toEqual({
      sheetCount: 0,
      judgeIds: [],
      totals: [],
      normalizedTotals: null,
      dropped: [],
      aggregate: null,
      points: 0,
    });
    expect(d?.flags).toEqual(['no_sheets', 'no_engagement']);
  });

  it('refuses a malformed bundle with field issues', () => {
    try {
      parseResultsInput({ ...base(), formatVersion: 2, entries: [{ id: 'A' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_results_input' });
      const paths = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toContain('formatVersion');
      expect(paths).toContain('entries.0.submittedAt');
    }
  });
});
