/** fast-check generators of results bundles, for the property tests. Not exported from the package. */
import fc from 'fast-check';
import type { AudienceFormula, Round, Rubric } from '../contest-config.schema.js';
import type { EngagementSource, TieBreaker } from '../contest-config.constants.js';
import type { ResultsEngagement, ResultsInput, ResultsSheet } from './results-input.schema.js';
import { referenceRound } from './results.fixtures.js';

/** Ids chosen so code-unit order differs from locale and numeric order. */
const ENTRY_IDS = ['b', 'A', 'a10', 'a2', 'Ñ', 'z', '0', '_x'];
const JUDGE_IDS = ['j1', 'J2', 'j10', 'jb', 'ja', 'j0', 'k'];
const TIMES = [
  '2023-08-30T01:00:00Z',
  '2023-08-30T02:00:00Z',
  '2023-08-30T08:00:00+07:00',
  '2023-08-31T00:00:00Z',
];

export interface BundleOptions {
  method?: Round['aggregation']['method'];
  zScore?: boolean;
  normalization?: AudienceFormula['normalization'];
  /** Few distinct values, so final scores and tie-breakers often tie. */
  tieHeavy?: boolean;
}

const maybe = <T>(fixed: T | undefined, arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fixed === undefined ? arb : fc.constant(fixed);

export function bundleArb(options: BundleOptions = {}): fc.Arbitrary<ResultsInput> {
  const tie = options.tieHeavy === true;
  return fc
    .record({
      criteria: fc.array(
        fc.record({
          step: tie ? fc.constant(1) : fc.constantFrom(0.5, 1, 0.25, 2, 0.1),
          steps: tie ? fc.integer({ min: 1, max: 2 }) : fc.integer({ min: 1, max: 20 }),
        }),
        { minLength: 1, maxLength: tie ? 1 : 3 },
      ),
      entryCount: fc.integer({ min: 1, max: ENTRY_IDS.length }),
      judgeCount: fc.integer({ min: 1, max: JUDGE_IDS.length }),
      cells: fc.array(
        fc.record({
          j: fc.nat(JUDGE_IDS.length - 1),
          e: fc.nat(ENTRY_IDS.length - 1),
          s: fc.array(fc.nat(40), { minLength: 3, maxLength: 3 }),
          draft: fc.boolean(),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      full: fc.boolean(),
      engagement: fc.array(
        fc.record({
          e: fc.nat(ENTRY_IDS.length - 1),
          source: fc.constantFrom<EngagementSource>('native', 'facebook'),
          likes: fc.nat(tie ? 2 : 40),
          shares: fc.nat(tie ? 1 : 10),
        }),
        { maxLength: 16 },
      ),
      times: fc.array(fc.nat(TIMES.length - 1), { minLength: ENTRY_IDS.length, maxLength: ENTRY_IDS.length }),
      method: maybe(
        options.method,
        fc.constantFrom<Round['aggregation']['method']>('mean', 'median', 'trimmed-mean'),
      ),
      zScore: maybe(options.zScore, fc.boolean()),
      normalization: maybe(
        options.normalization,
        fc.constantFrom<AudienceFormula['normalization']>('proportional-to-max', 'rank-table', 'raw'),
      ),
      rankTable: fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }).map((a) => a.sort((x, y) => y - x)),
      tieBreakers: fc.shuffledSubarray<TieBreaker>(['audience_raw', 'jury', 'earlier_submission']),
      juryMax: tie ? fc.constant(2) : fc.constantFrom(70, 100, 1, 33.3333),
      audienceMax: tie ? fc.constant(2) : fc.constantFrom(30, 0, 12.5, 7),
      weights: fc.array(
        fc.record({
          source: fc.constantFrom<EngagementSource>('native', 'facebook'),
          likeWeight: tie ? fc.constant(1) : fc.constantFrom(0, 1, 2, 0.01),
          shareWeight: tie ? fc.constant(1) : fc.constantFrom(0, 1, 2, 0.5),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    })
    .map((g): ResultsInput => {
      const rubric: Rubric = {
        key: 'final-2023',
        criteria: g.criteria.map((c, i) => ({
          key: `c${i}`,
          label: { vi: `Tiêu chí ${i}`, en: `Criterion ${i}` },
          description: { vi: '-', en: '-' },
          maxPoints: c.steps * c.step,
          step: c.step,
        })),
      };
      const judges = JUDGE_IDS.slice(
        0,
        g.method === 'trimmed-mean' ? Math.max(5, g.judgeCount) : g.judgeCount,
      );
      const entryIds = ENTRY_IDS.slice(0, g.entryCount);
      const scoresOf = (s: readonly number[]): Record<string, number> =>
        Object.fromEntries(
          rubric.criteria.map((c, i) => [
            c.key,
            ((s[i] ?? 0) % (Math.round(c.maxPoints / c.step) + 1)) * c.step,
          ]),
        );
      const sheets: ResultsSheet[] = [];
      if (g.full || g.method === 'trimmed-mean') {
        let k = 0;
        for (const judgeId of judges) {
          for (const entryId of entryIds) {
            const cell = g.cells[k % g.cells.length];
            k += 1;
            sheets.push({ judgeId, entryId, status: 'submitted', scores: scoresOf(cell?.s ?? []) });
          }
        }
      } else {
        const seen = new Set<string>();
        for (const c of g.cells) {
          const judgeId = judges[c.j % judges.length] as string;
          const entryId = entryIds[c.e % entryIds.length] as string;
          const key = `${judgeId}|${entryId}`;
          if (c.draft) {
            sheets.push({ judgeId, entryId, status: 'draft', scores: { c0: 999 } });
          } else if (!seen.has(key)) {
            seen.add(key);
            sheets.push({ judgeId, entryId, status: 'submitted', scores: scoresOf(c.s) });
          }
        }
      }
      const engaged = new Set<string>();
      const engagement: ResultsEngagement[] = [];
      for (const r of g.engagement) {
        const entryId = entryIds[r.e % entryIds.length] as string;
        if (engaged.has(`${entryId}|${r.source}`)) continue;
        engaged.add(`${entryId}|${r.source}`);
        engagement.push({ entryId, source: r.source, likes: r.likes, shares: r.shares });
      }
      const sources = [...new Map(g.weights.map((w) => [w.source, w])).values()];
      return {
        formatVersion: 1,
        round: {
          ...referenceRound,
          juryMaxPoints: g.juryMax,
          audienceMaxPoints: g.audienceMax,
          aggregation: { method: g.method, zScore: g.zScore },
        },
        rubric,
        audienceFormula: {
          sources,
          normalization: g.normalization,
          ...(g.normalization === 'rank-table' ? { rankTable: g.rankTable } : {}),
        },
        tieBreakers: g.tieBreakers,
        entries: entryIds.map((id, i) => ({
          id,
          title: `Clip ${id}`,
          orgUnitId: `D${i % 3}`,
          submittedAt: TIMES[g.times[i] ?? 0] as string,
        })),
        sheets,
        engagement,
      };
    });
}

/** A deterministic shuffle (mulberry32 + Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
