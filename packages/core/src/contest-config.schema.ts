import { z } from 'zod';
import {
  aggregationMethods,
  audienceNormalizations,
  DEFAULT_TIME_ZONE,
  defaultTieBreakers,
  engagementSources,
  entryFields,
  prizeKinds,
  roundMethods,
  tieBreakerKinds,
  videoContainers,
} from './contest-config.constants.js';
import { checkContestConfig } from './contest-config.rules.js';
import {
  keySchema,
  localDateTimeSchema,
  localizedTextSchema,
  slugSchema,
  timeZoneSchema,
} from './shared.schema.js';

/** A window of a round: both ends are local date-times; open from `opensAt` through the whole `closesAt` second. */
export const windowSchema = z.object({
  opensAt: localDateTimeSchema,
  closesAt: localDateTimeSchema,
});

export const windowsSchema = z.object({
  submission: windowSchema.optional(),
  receipt: windowSchema.optional(),
  publication: windowSchema.optional(),
  voting: windowSchema.optional(),
  judging: windowSchema.optional(),
  results: windowSchema.optional(),
});

export const declarationSchema = z.object({
  key: keySchema,
  label: localizedTextSchema(1000),
  required: z.boolean().default(true),
});

export const entryRulesSchema = z.object({
  minDurationSeconds: z.number().int().nonnegative(),
  maxDurationSeconds: z.number().int().positive(),
  maxSizeBytes: z.number().int().positive(),
  minHeight: z.number().int().positive().optional(),
  allowedContainers: z.array(z.enum(videoContainers)).min(1),
  requiredFields: z.array(z.enum(entryFields)).default(['title']),
  declarations: z.array(declarationSchema).default([]),
  maxEntriesPerTeam: z.number().int().positive(),
  /** Thresholds of the technical report's soft checks (loudness, black, silence); defaults in core `media/`. */
  mediaChecks: z
    .object({
      minLufs: z.number().min(-70).max(0),
      maxLufs: z.number().min(-70).max(0),
      maxTruePeakDb: z.number().min(-20).max(3),
      maxBlackSeconds: z.number().positive().max(600),
      maxSilenceSeconds: z.number().positive().max(600),
    })
    .partial()
    .optional(),
  /** Items the secretariat ticks by hand at receipt (the automatic ones are always checked). */
  receiptChecklist: z.array(z.object({ key: keySchema, label: localizedTextSchema(300) })).default([
    { key: 'theme_fit', label: { vi: 'Đúng chủ đề cuộc thi', en: 'Fits the contest theme' } },
    { key: 'eligible_team', label: { vi: 'Đúng đối tượng dự thi', en: 'Eligible entrant' } },
  ]),
});

export const roundSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('advancement'), fromRound: keySchema }),
]);

export const aggregationSchema = z.object({
  method: z.enum(aggregationMethods).default('mean'),
  zScore: z.boolean().default(false),
});

export const roundSchema = z.object({
  key: keySchema,
  name: localizedTextSchema(200),
  /** A key of `orgLevels`, or `contest` for a round held once overall. */
  scopeLevel: keySchema,
  source: roundSourceSchema,
  /** How many entries each scope unit may advance; `null` = no limit. */
  quotaPerScopeUnit: z.number().int().positive().nullable().default(null),
  method: z.enum(roundMethods),
  advanceAt: z.enum(['manual', 'deadline']).default('manual'),
  windows: windowsSchema.default({}),
  rubricKey: keySchema.optional(),
  juryMaxPoints: z.number().nonnegative().max(1_000_000).default(0),
  audienceMaxPoints: z.number().nonnegative().max(1_000_000).default(0),
  finalistCount: z.number().int().positive().optional(),
  aggregation: aggregationSchema.default({ method: 'mean', zScore: false }),
});

export const criterionSchema = z.object({
  key: keySchema,
  label: localizedTextSchema(200),
  description: localizedTextSchema(2000),
  maxPoints: z.number().positive().max(1000),
  step: z.number().positive().max(1000),
});

export const rubricSchema = z.object({
  key: keySchema,
  criteria: z.array(criterionSchema).min(1),
});

export const audienceSourceSchema = z.object({
  source: z.enum(engagementSources),
  likeWeight: z.number().nonnegative(),
  shareWeight: z.number().nonnegative(),
});

export const audienceFormulaSchema = z.object({
  sources: z.array(audienceSourceSchema).min(1),
  normalization: z.enum(audienceNormalizations).default('proportional-to-max'),
  /** Points by rank (1st, 2nd, …) before scaling to the audience maximum; only for `rank-table`. */
  rankTable: z.array(z.number().nonnegative()).min(1).optional(),
  /** Engagement after this local date-time does not count. */
  cutoff: localDateTimeSchema.optional(),
  hideCountsLastDays: z.number().int().nonnegative().optional(),
  dailyShareLimitPerVoter: z.number().int().positive().optional(),
});

export const prizeSchema = z.object({
  key: keySchema,
  name: localizedTextSchema(200),
  count: z.number().int().positive(),
  amountVnd: z.number().int().nonnegative(),
  kind: z.enum(prizeKinds),
});

export const organizerSchema = z.object({
  name: localizedTextSchema(300),
  place: z.string().trim().min(1).max(100),
});

/** The contest object without cross-field rules (useful to build JSON Schema / OpenAPI). */
export const contestConfigObjectSchema = z.object({
  slug: slugSchema,
  title: localizedTextSchema(300),
  theme: localizedTextSchema(5000),
  rulesText: localizedTextSchema(100_000),
  organizer: organizerSchema,
  timezone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  orgLevels: z.array(keySchema).min(1),
  entrantLevel: keySchema,
  entryRules: entryRulesSchema,
  rounds: z.array(roundSchema).min(1),
  rubrics: z.array(rubricSchema).default([]),
  audienceFormula: audienceFormulaSchema.optional(),
  tieBreakers: z.array(z.enum(tieBreakerKinds)).default([...defaultTieBreakers]),
  prizes: z.array(prizeSchema).default([]),
});

/** The full contest configuration, cross-field rules included (see `contest-config.rules.ts`). */
export const contestConfigSchema = contestConfigObjectSchema.superRefine(checkContestConfig);

/** A validated contest configuration (defaults applied). */
export type ContestConfig = z.output<typeof contestConfigSchema>;
/** What a person may write (defaults still missing). */
export type ContestConfigInput = z.input<typeof contestConfigSchema>;
export type Round = ContestConfig['rounds'][number];
export type RoundSource = Round['source'];
export type RoundWindow = z.output<typeof windowSchema>;
export type RoundWindows = Round['windows'];
export type EntryRules = ContestConfig['entryRules'];
export type Declaration = EntryRules['declarations'][number];
export type Rubric = ContestConfig['rubrics'][number];
export type Criterion = Rubric['criteria'][number];
export type AudienceFormula = z.output<typeof audienceFormulaSchema>;
export type Prize = ContestConfig['prizes'][number];
export type Aggregation = Round['aggregation'];
