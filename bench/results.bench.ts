/**
 * Results engine throughput: `computeResults` on a deterministic pseudo-random contest at full size and at
 * a tenth of it, in the same run. The goal is linear scaling (time ratio full/tenth ≤ 11).
 *
 *   npm run bench:results
 *
 * Full size: 10 000 entries × 50 judges (every judge scores every entry: 500 000 submitted sheets on the
 * reference rubric, 3 criteria 0..10 step 0.5) and 1 000 000 raw like/share events. The bundle takes
 * engagement as one row per entry × source, so the events are generated one by one and folded into those
 * rows here, before timing (the fold is timed and printed on its own). Tenth: 1 000 entries × the same
 * 50 judges (50 000 sheets) and 100 000 events. The round uses the heaviest path: per-judge z-score
 * normalization, trimmed mean, proportional-to-max audience, all three tie-breakers.
 */
import { performance } from 'node:perf_hooks';
import { parseContestConfig } from '../packages/core/src/contest-config.validate.js';
import { quangNgai2023Input } from '../packages/core/src/demo/quang-ngai-2023.js';
import { computeResults } from '../packages/core/src/results/index.js';
import type { ResultsEngagement, ResultsInput, ResultsSheet } from '../packages/core/src/results/index.js';

const JUDGES = 50;
const config = parseContestConfig(quangNgai2023Input);
const finalRound = config.rounds.find((r) => r.key === 'final');
const rubric = config.rubrics[0];
if (!finalRound || !rubric || !config.audienceFormula) throw new Error('reference contest changed');

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Folds raw like/share events into one engagement row per entry × source. */
function foldEvents(entryIds: readonly string[], events: number, rand: () => number): ResultsEngagement[] {
  const sources = ['native', 'facebook'] as const;
  const likes = new Uint32Array(entryIds.length * 2);
  const shares = new Uint32Array(entryIds.length * 2);
  for (let i = 0; i < events; i += 1) {
    // Skewed popularity: a few entries get most of the engagement.
    const entry = Math.floor(entryIds.length * rand() ** 3);
    const slot = entry * 2 + (rand() < 0.7 ? 1 : 0);
    if (rand() < 0.8) likes[slot] = (likes[slot] ?? 0) + 1;
    else shares[slot] = (shares[slot] ?? 0) + 1;
  }
  const rows: ResultsEngagement[] = [];
  entryIds.forEach((entryId, e) => {
    sources.forEach((source, s) => {
      const slot = e * 2 + s;
      const l = likes[slot] ?? 0;
      const sh = shares[slot] ?? 0;
      if (l + sh > 0) rows.push({ entryId, source, likes: l, shares: sh });
    });
  });
  return rows;
}

function generate(entryCount: number, events: number, seed: number): { input: ResultsInput; foldMs: number } {
  const rand = prng(seed);
  const entryIds = Array.from({ length: entryCount }, (_, i) => `entry-${pad(i, 6)}`);
  const judgeIds = Array.from({ length: JUDGES }, (_, i) => `judge-${pad(i, 3)}`);
  const quality = entryIds.map(() => 3 + rand() * 6);
  const bias = judgeIds.map(() => (rand() - 0.5) * 3);
  const keys = rubric.criteria.map((c) => c.key);
  const sheets: ResultsSheet[] = [];
  judgeIds.forEach((judgeId, j) => {
    entryIds.forEach((entryId, e) => {
      const scores: Record<string, number> = {};
      for (const key of keys) {
        const raw = (quality[e] ?? 0) + (bias[j] ?? 0) + (rand() - 0.5) * 2;
        scores[key] = Math.min(10, Math.max(0, Math.round(raw * 2) / 2));
      }
      sheets.push({ judgeId, entryId, status: 'submitted', scores });
    });
  });
  const start = performance.now();
  const engagement = foldEvents(entryIds, events, rand);
  const foldMs = performance.now() - start;
  const entries = entryIds.map((id, i) => ({
    id,
    title: `Clip ${i}`,
    orgUnitId: `district-${i % 13}`,
    submittedAt: new Date(Date.UTC(2023, 7, 1) + Math.floor(rand() * 30 * 86_400) * 1000).toISOString(),
  }));
  const input: ResultsInput = {
    formatVersion: 1,
    round: { ...finalRound, aggregation: { method: 'trimmed-mean', zScore: true } },
    rubric,
    audienceFormula: config.audienceFormula ?? null,
    tieBreakers: ['audience_raw', 'jury', 'earlier_submission'],
    entries,
    sheets,
    engagement,
  };
  return { input, foldMs };
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/**
 * Wall-clock and CPU time (user + system, all threads of the process, GC helpers included) of `calls`
 * consecutive calls, per call.
 */
function timeCalls(input: ResultsInput, calls: number): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let k = 0; k < calls; k += 1) {
    const out = computeResults(input);
    if (out.rows.length !== input.entries.length) throw new Error('lost rows');
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs: wallMs / calls, cpuMs: (used.user + used.system) / 1000 / calls };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const full = generate(10_000, 1_000_000, 20230919);
const tenth = generate(1_000, 100_000, 20230920);
console.log(
  `full:  ${full.input.entries.length} entries, ${full.input.sheets.length} sheets, ` +
    `1000000 events folded into ${full.input.engagement.length} engagement rows in ${full.foldMs.toFixed(0)} ms`,
);
console.log(
  `tenth: ${tenth.input.entries.length} entries, ${tenth.input.sheets.length} sheets, ` +
    `100000 events folded into ${tenth.input.engagement.length} engagement rows in ${tenth.foldMs.toFixed(0)} ms`,
);

// Warm-up once (both sizes). Then ROUNDS rounds, each timing one full-size call and a batch of 10
// tenth-size calls (about the same duration, so both carry the same share of garbage collection),
// interleaved so both sizes see the same machine load. Medians over the rounds are reported; the ratio
// uses CPU time, which other processes on a shared machine do not inflate (wall time is printed too).
const ROUNDS = 9;
computeResults(tenth.input);
computeResults(full.input);
const fullSamples: Sample[] = [];
const tenthSamples: Sample[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  fullSamples.push(timeCalls(full.input, 1));
  tenthSamples.push(timeCalls(tenth.input, 10));
}
const report = (label: string, samples: readonly Sample[]): number => {
  const cpu = median(samples.map((x) => x.cpuMs));
  const wall = median(samples.map((x) => x.wallMs));
  console.log(
    `computeResults ${label}: ${cpu.toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall (per call, median of ${samples.length} rounds)`,
  );
  return cpu;
};
const top = computeResults(full.input).rows[0];
const memory = process.memoryUsage();
console.log(`top entry (full): ${top?.entryId ?? '-'} final ${String(top?.final)}`);
console.log(`memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
const tenthMs = report('tenth', tenthSamples);
const fullMs = report('full ', fullSamples);
console.log(`results time ratio (full/tenth): ${(fullMs / tenthMs).toFixed(2)}`);
