import { describe, expect, it } from 'vitest';
import { computeResults } from './results.compute.js';
import type { ResultsInput } from './results-input.schema.js';
import { bundle, engagement, entry, referenceFormula, sheet } from './results.fixtures.js';

describe('computeResults — audience normalizations', () => {
  const entries = [entry('A'), entry('B'), entry('C'), entry('D')];
  const rows = [
    engagement('A', 'facebook', 90, 10), // raw 100
    engagement('B', 'facebook', 40, 10), // raw 50
    engagement('C', 'facebook', 50, 0), // raw 50
  ]; // D: no row → raw 0
  const audience = (formula: Partial<typeof referenceFormula>) =>
    computeResults(
      bundle({
        rubric: null,
        entries,
        engagement: rows,
        audienceFormula: { ...referenceFormula, ...formula },
      }),
    ).rows.map((r) => [r.entryId, r.audience.raw, r.audience.rank, r.audience.points, r.flags]);

  it('proportional-to-max: 30 × raw / 100', () => {
    expect(audience({})).toEqual([
      ['A', 100, null, 30, []],
      ['B', 50, null, 15, []],
      ['C', 50, null, 15, []],
      ['D', 0, null, 0, ['no_engagement']],
    ]);
  });

  it('rank-table: ties share the better rank; raw 0 earns nothing; scaled to the table top', () => {
    // Table 10, 6, 3, 1 scaled to 30: 30, 18, 9, 3. A rank 1 → 30; B and C rank 2 → 18; D raw 0 → 0.
    expect(audience({ normalization: 'rank-table', rankTable: [10, 6, 3, 1] })).toEqual([
      ['A', 100, 1, 30, []],
      ['B', 50, 2, 18, []],
      ['C', 50, 2, 18, []],
      ['D', 0, 4, 0, ['no_engagement']],
    ]);
  });

  it('raw: points are the raw score, not scaled to the maximum', () => {
    expect(audience({ normalization: 'raw' }).map((r) => r[3])).toEqual([100, 50, 50, 0]);
  });

  it('weights apply per action and per source', () => {
    // Hà Tĩnh 2021: like 1, share 2 (facebook); native ignored here. A: 90 + 2 × 10 = 110.
    const out = audience({ sources: [{ source: 'facebook', likeWeight: 1, shareWeight: 2 }] });
    expect(out[0]).toEqual(['A', 110, null, 30, []]);
  });

  it('all zero gives everyone 0', () => {
    const out = computeResults(bundle({ rubric: null, entries, engagement: [] }));
    expect(out.rows.map((r) => r.audience.points)).toEqual([0, 0, 0, 0]);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 1, 1, 1]);
  });
});

describe('computeResults — tie-breakers', () => {
  // All finals are 70: P jury 56 (24/30 × 70) + audience 14; Q jury 49 (21/30) + 21; R like Q, later.
  // Audience max raw is 3000 (S, jury 0 → final 30): P 1400 → 14, Q and R 2100 → 21.
  const input = (tieBreakers: ResultsInput['tieBreakers']) =>
    bundle({
      tieBreakers,
      entries: [
        entry('P', '2023-08-30T01:00:00Z'),
        entry('Q', '2023-08-30T03:00:00Z'),
        entry('R', '2023-08-30T02:00:00Z'),
        entry('S'),
      ],
      sheets: [sheet('j1', 'P', [8, 8, 8]), sheet('j1', 'Q', [7, 7, 7]), sheet('j1', 'R', [7, 7, 7])],
      engagement: [
        engagement('P', 'facebook', 1400, 0),
        engagement('Q', 'facebook', 2100, 0),
        engagement('R', 'facebook', 2000, 100),
        engagement('S', 'native', 3000, 0),
      ],
    });
  const order = (tbs: ResultsInput['tieBreakers']) =>
    computeResults(input(tbs)).rows.map((r) => [r.rank, r.entryId, r.final, r.decidedBy]);

  it('applies them in the configured order', () => {
    expect(order(['audience_raw', 'jury', 'earlier_submission'])).toEqual([
      [1, 'R', 70, null],
      [2, 'Q', 70, 'earlier_submission'],
      [3, 'P', 70, 'audience_raw'],
      [4, 'S', 30, null],
    ]);
    expect(order(['jury', 'earlier_submission', 'audience_raw'])).toEqual([
      [1, 'P', 70, null],
      [2, 'R', 70, 'jury'],
      [3, 'Q', 70, 'earlier_submission'],
      [4, 'S', 30, null],
    ]);
  });

  it('shares a rank when no tie-breaker separates, listing by entry id', () => {
    expect(order(['audience_raw'])).toEqual([
      [1, 'Q', 70, null],
      [1, 'R', 70, null],
      [3, 'P', 70, 'audience_raw'],
      [4, 'S', 30, null],
    ]);
  });
});
