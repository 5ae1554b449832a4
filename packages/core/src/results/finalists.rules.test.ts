import { describe, expect, it } from 'vitest';
import { selectFinalists } from './finalists.rules.js';
import { computeResults } from './results.compute.js';
import { bundle, engagement, entry, sheet } from './results.fixtures.js';

// Six entries E1..E6 with one judge's totals 29, 27, 25, 23, 21, 21 (E5 and E6 tie on every key).
const output = computeResults(
  bundle({
    audienceFormula: null,
    entries: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((id) => entry(id)),
    sheets: [
      sheet('j1', 'E1', [10, 10, 9]),
      sheet('j1', 'E2', [9, 9, 9]),
      sheet('j1', 'E3', [9, 8, 8]),
      sheet('j1', 'E4', [8, 8, 7]),
      sheet('j1', 'E5', [7, 7, 7]),
      sheet('j1', 'E6', [7, 7, 7]),
    ],
    engagement: [engagement('E1', 'native', 1, 0)],
  }),
);

describe('selectFinalists', () => {
  it('takes the top N by rank', () => {
    const s = selectFinalists(output, 4);
    expect(s.finalists.map((f) => [f.rank, f.entryId, f.selectedBy])).toEqual([
      [1, 'E1', 'rank'],
      [2, 'E2', 'rank'],
      [3, 'E3', 'rank'],
      [4, 'E4', 'rank'],
    ]);
    expect(s.swaps).toEqual([]);
    expect(s.tieAtCutoff).toBe(false);
  });

  it('lists swaps with their reasons and keeps rank order', () => {
    const s = selectFinalists(output, 4, [
      { out: 'E3', in: 'E5', reason: '  Tiết mục phù hợp sân khấu hơn ' },
    ]);
    expect(s.finalists.map((f) => [f.entryId, f.selectedBy])).toEqual([
      ['E1', 'rank'],
      ['E2', 'rank'],
      ['E4', 'rank'],
      ['E5', 'override'],
    ]);
    expect(s.swaps).toEqual([
      { out: 'E3', outRank: 3, in: 'E5', inRank: 5, reason: 'Tiết mục phù hợp sân khấu hơn' },
    ]);
  });

  it('refuses a swap without a reason', () => {
    for (const reason of ['', '   ']) {
      expect(() => selectFinalists(output, 4, [{ out: 'E3', in: 'E5', reason }])).toThrow(
        expect.objectContaining({ code: 'finalist_override_reason_required', kind: 'bad_request' }),
      );
    }
  });

  it('refuses swaps that do not take a finalist out or bring a non-finalist in', () => {
    for (const [out, inn] of [
      ['E5', 'E6'],
      ['E1', 'E2'],
      ['E1', 'nope'],
    ] as const) {
      expect(() => selectFinalists(output, 4, [{ out, in: inn, reason: 'x' }])).toThrow(
        expect.objectContaining({ code: 'finalist_override_invalid' }),
      );
    }
    expect(() => selectFinalists(output, 0)).toThrow(
      expect.objectContaining({ code: 'invalid_finalist_count' }),
    );
  });

  it('flags a cut that falls inside an unresolved tie, and caps N at the number of entries', () => {
    expect(selectFinalists(output, 5).tieAtCutoff).toBe(true);
    expect(selectFinalists(output, 10).finalists).toHaveLength(6);
  });
});
