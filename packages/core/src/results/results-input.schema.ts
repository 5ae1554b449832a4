/**
 * The results bundle: everything `computeResults` needs, self-contained and JSON-serializable, so that a
 * published result can be exported (`clipcontest results export`) and recomputed by anyone from the file.
 */
import { z } from 'zod';
import { engagementSources, tieBreakerKinds } from '../contest-config.constants.js';
import { audienceFormulaSchema, roundSchema, rubricSchema } from '../contest-config.schema.js';
import { toFieldIssues } from '../field-issue.mapper.js';
import { resultsError } from './results.errors.js';

export const RESULTS_FORMAT_VERSION = 1;

const idSchema = z.string().min(1).max(200);

export const resultsEntrySchema = z.object({
  id: idSchema,
  title: z.string().max(1000),
  orgUnitId: idSchema,
  /** ISO 8601 instant (`2023-08-30T09:15:00Z` or with an offset); used by `earlier_submission`. */
  submittedAt: z.iso.datetime({ offset: true }),
});

export const sheetStatuses = ['draft', 'submitted'] as const;

export const resultsSheetSchema = z.object({
  judgeId: idSchema,
  entryId: idSchema,
  /** One score per criterion key of the rubric. */
  scores: z.record(z.string(), z.number()),
  /** Drafts are carried for completeness but ignored. */
  status: z.enum(sheetStatuses),
});

/** Engagement already cut off and snapshotted: one row per entry × source (absent = 0 likes, 0 shares). */
export const resultsEngagementSchema = z.object({
  entryId: idSchema,
  source: z.enum(engagementSources),
  likes: z.number().int().nonnegative(),
  shares: z.number().int().nonnegative(),
});

export const resultsInputSchema = z.object({
  formatVersion: z.literal(RESULTS_FORMAT_VERSION),
  round: roundSchema,
  /** `null` switches the jury component off (an audience-only round). */
  rubric: rubricSchema.nullable(),
  /** `null` switches the audience component off (a jury-only round). */
  audienceFormula: audienceFormulaSchema.nullable(),
  tieBreakers: z.array(z.enum(tieBreakerKinds)),
  entries: z.array(resultsEntrySchema),
  sheets: z.array(resultsSheetSchema),
  engagement: z.array(resultsEngagementSchema),
});

/** A validated bundle (defaults of the round and formula applied). */
export type ResultsInput = z.output<typeof resultsInputSchema>;
/** A bundle as written (defaults may be missing). */
export type ResultsInputDraft = z.input<typeof resultsInputSchema>;
export type ResultsEntry = ResultsInput['entries'][number];
export type ResultsSheet = ResultsInput['sheets'][number];
export type ResultsEngagement = ResultsInput['engagement'][number];

/**
 * Parses a bundle read from a file or a request. Throws `DomainError('bad_request',
 * 'invalid_results_input')` with field issues on a bad shape; the cross-record rules (duplicates, scores
 * within the rubric, …) are checked by `computeResults`.
 */
export function parseResultsInput(json: unknown): ResultsInput {
  const result = resultsInputSchema.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  throw resultsError(
    'invalid_results_input',
    { vi: 'Tệp dữ liệu kết quả không hợp lệ.', en: 'The results bundle is invalid.' },
    toFieldIssues(result.error.issues),
  );
}
