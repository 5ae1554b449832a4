import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { computeResults } from './results.compute.js';
import type { ResultsInput } from './results-input.schema.js';
import type { ResultsOutput } from './results-output.types.js';
import { bundleArb, shuffled } from './results.arbitraries.js';

const runs = { numRuns: 300 };

const rankOf = (out: ResultsOutput, entryId: string): number =>
  out.rows.find((r) => r.entryId === entryId)?.rank ?? Number.NaN;

describe('computeResults — properties', () => {
  it('ranks every entry exactly once, 1-based, competition style', () => {
    fc.assert(
      fc.property(bundleArb(), (input) => {
        const out = computeResults(input);
        expect(out.rows.map((r) => r.entryId).sort()).toEqual(input.entries.map((e) => e.id).sort());
        out.rows.forEach((r, i) => {
          const prev = out.rows[i - 1];
          if (!prev) expect(r.rank).toBe(1);
          else expect([prev.rank, i + 1]).toContain(r.rank);
          if (prev) expect(r.final).toBeLessThanOrEqual(prev.final);
        });
      }),
      runs,
    );
  });

  it('gives byte-identical JSON whatever the order of entries, sheets and engagement', () => {
    fc.assert(
      fc.property(bundleArb(), fc.integer(), (input, seed) => {
        const reordered: ResultsInput = {
          ...input,
          entries: shuffled(input.entries, seed),
          sheets: shuffled(input.sheets, seed + 1),
          engagement: shuffled(input.engagement, seed + 2),
          rubric: input.rubric && {
            ...input.rubric,
            criteria: input.rubric.criteria,
          },
        };
        // Keys of each score object in another order, too.
        reordered.sheets = reordered.sheets.map((s) => ({
          ...s,
          scores: Object.fromEntries(Object.entries(s.scores).reverse()),
        }));
        expect(JSON.stringify(computeResults(reordered))).toBe(JSON.stringify(computeResults(input)));
      }),
      runs,
    );
  });

  it('never lowers an entry’s rank when one of its criterion scores goes up (without z-score)', () => {
    fc.assert(
      fc.property(
        bundleArb({ zScore: false }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        (input, si, ci, up) => {
          const submitted = input.sheets.filter((s) => s.status === 'submitted');
          fc.pre(submitted.length > 0 && input.rubric !== null);
          const target = submitted[si % submitted.length];
          const criteria = input.rubric?.criteria ?? [];
          const criterion = criteria[ci % criteria.length];
          if (!target || !criterion) return;
          const before = target.scores[criterion.key] ?? 0;
          const after = Math.min(criterion.maxPoints, before + up * criterion.step);
          fc.pre(after > before);
          const raised: ResultsInput = {
            ...input,
            sheets: input.sheets.map((s) =>
              s === target ? { ...s, scores: { ...s.scores, [criterion.key]: after } } : s,
            ),
          };
          const old = computeResults(input);
          const now = computeResults(raised);
          expect(rankOf(now, target.entryId)).toBeLessThanOrEqual(rankOf(old, target.entryId));
          const row = (o: ResultsOutput) => o.rows.find((r) => r.entryId === target.entryId);
          expect(row(now)?.final ?? 0).toBeGreaterThanOrEqual(row(old)?.final ?? 0);
        },
      ),
      runs,
    );
  });

  it('gives the top raw entry exactly the audience maximum under proportional-to-max', () => {
    fc.assert(
      fc.property(bundleArb({ normalization: 'proportional-to-max' }), (input) => {
        const out = computeResults(input);
        const maxRaw = Math.max(...out.rows.map((r) => r.audience.raw));
        for (const r of out.rows) {
          if (maxRaw > 0 && r.audience.raw === maxRaw)
            expect(r.audience.points).toBe(input.round.audienceMaxPoints);
          expect(r.audience.points).toBeLessThanOrEqual(input.round.audienceMaxPoints);
          if (maxRaw === 0) expect(r.audience.points).toBe(0);
        }
      }),
      runs,
    );
  });

  it('refuses a trimmed mean for an entry with 1 to 4 sheets', () => {
    fc.assert(
      fc.property(
        bundleArb({ method: 'trimmed-mean' }),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        (input, ei, keep) => {
          const victim = input.entries[ei % input.entries.length]?.id;
          let kept = 0;
          const sheets = input.sheets.filter((s) => {
            if (s.entryId !== victim || s.status !== 'submitted') return true;
            kept += 1;
            return kept <= keep;
          });
          try {
            computeResults({ ...input, sheets });
            expect.unreachable();
          } catch (e) {
            expect(isDomainError(e) && e.code).toBe('trimmed_mean_needs_5');
          }
        },
      ),
      runs,
    );
  });

  it('orders equal final scores by the tie-breakers in order, then by entry id', () => {
    let ties = 0;
    fc.assert(
      fc.property(bundleArb({ tieHeavy: true, zScore: false }), (input) => {
        const out = computeResults(input);
        const key = {
          audience_raw: (r: (typeof out.rows)[number]) => -r.audience.raw,
          jury: (r: (typeof out.rows)[number]) => -r.jury.points,
          earlier_submission: (r: (typeof out.rows)[number]) => Date.parse(r.submittedAt),
        } as const;
        out.rows.forEach((r, i) => {
          const prev = out.rows[i - 1];
          if (!prev || prev.final !== r.final) {
            expect(r.decidedBy).toBeNull();
            return;
          }
          ties += 1;
          const first = input.tieBreakers.find((tb) => key[tb](prev) !== key[tb](r));
          if (first === undefined) {
            expect(r.decidedBy).toBeNull();
            expect(r.rank).toBe(prev.rank);
            expect(prev.entryId < r.entryId).toBe(true);
          } else {
            expect(r.decidedBy).toBe(first);
            expect(key[first](prev)).toBeLessThan(key[first](r));
            expect(r.rank).toBe(i + 1);
          }
        });
      }),
      runs,
    );
    expect(ties).toBeGreaterThan(100);
  });

  it('z-score keeps each judge’s order and puts every normalized judge on the panel mean', () => {
    fc.assert(
      fc.property(bundleArb({ zScore: true }), (input) => {
        const out = computeResults(input);
        const normalized = new Set(out.judges.filter((j) => j.normalized).map((j) => j.judgeId));
        const byJudge = new Map<string, { total: number; norm: number }[]>();
        for (const r of out.rows) {
          r.jury.judgeIds.forEach((judgeId, k) => {
            const list = byJudge.get(judgeId) ?? [];
            list.push({
              total: r.jury.totals[k] ?? Number.NaN,
              norm: r.jury.normalizedTotals?.[k] ?? Number.NaN,
            });
            byJudge.set(judgeId, list);
          });
        }
        for (const [judgeId, list] of byJudge) {
          for (const a of list) {
            for (const b of list) if (a.total < b.total) expect(a.norm).toBeLessThanOrEqual(b.norm);
          }
          if (normalized.has(judgeId)) {
            const mean = list.reduce((s, x) => s + x.norm, 0) / list.length;
            expect(Math.abs(mean - (out.panel?.mean ?? 0))).toBeLessThan(1e-3);
          } else {
            for (const x of list) expect(x.norm).toBe(x.total);
          }
        }
      }),
      runs,
    );
  });
});
