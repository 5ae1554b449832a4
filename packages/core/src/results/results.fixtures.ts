/** Test helpers: the reference contest's final round as a results bundle. Not exported from the package. */
import type { AudienceFormula, Round, Rubric } from '../contest-config.schema.js';
import type { TieBreaker } from '../contest-config.constants.js';
import { parseContestConfig } from '../contest-config.validate.js';
import { quangNgai2023Input } from '../demo/quang-ngai-2023.js';
import type { ResultsEngagement, ResultsEntry, ResultsInput, ResultsSheet } from './results-input.schema.js';

const reference = parseContestConfig(quangNgai2023Input);

/** Quảng Ngãi 2023, final round: jury 70 (mean), audience 30 (proportional to max), weights 1. */
export const referenceRound: Round = reference.rounds.find((r) => r.key === 'final') as Round;
/** Three criteria, each 0..10 in steps of 0.5 (rubric maximum 30). */
export const referenceRubric: Rubric = reference.rubrics[0] as Rubric;
export const referenceFormula: AudienceFormula = reference.audienceFormula as AudienceFormula;
export const referenceTieBreakers: TieBreaker[] = [...reference.tieBreakers];

export const criterionKeys = referenceRubric.criteria.map((c) => c.key);

export function entry(id: string, submittedAt = '2023-08-30T02:00:00.000Z', orgUnitId = 'D1'): ResultsEntry {
  return { id, title: `Clip ${id}`, orgUnitId, submittedAt };
}

/** A submitted sheet of the reference rubric: [content, form, effectiveness]. */
export function sheet(judgeId: string, entryId: string, scores: readonly number[]): ResultsSheet {
  return {
    judgeId,
    entryId,
    status: 'submitted',
    scores: Object.fromEntries(criterionKeys.map((k, i) => [k, scores[i] ?? 0])),
  };
}

export function engagement(
  entryId: string,
  source: ResultsEngagement['source'],
  likes: number,
  shares: number,
): ResultsEngagement {
  return { entryId, source, likes, shares };
}

export function bundle(parts: {
  entries: ResultsEntry[];
  sheets?: ResultsSheet[];
  engagement?: ResultsEngagement[];
  round?: Partial<Round>;
  rubric?: Rubric | null;
  audienceFormula?: AudienceFormula | null;
  tieBreakers?: TieBreaker[];
}): ResultsInput {
  return {
    formatVersion: 1,
    round: { ...referenceRound, ...parts.round },
    rubric: parts.rubric === undefined ? referenceRubric : parts.rubric,
    audienceFormula: parts.audienceFormula === undefined ? referenceFormula : parts.audienceFormula,
    tieBreakers: parts.tieBreakers ?? referenceTieBreakers,
    entries: parts.entries,
    sheets: parts.sheets ?? [],
    engagement: parts.engagement ?? [],
  };
}
