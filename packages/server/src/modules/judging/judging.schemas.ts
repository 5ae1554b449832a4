import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });

export const panelParams = z.object({
  slug: z.string().min(1).max(100),
  roundKey: z.string().min(1).max(64),
});
export const panelQuery = z.object({ unit: z.string().max(64).optional() });

export const rubricSchema = z
  .object({
    key: z.string(),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: localized,
        description: localized,
        maxPoints: z.number(),
        step: z.number(),
      }),
    ),
  })
  .nullable();

export const panelViewSchema = z
  .object({
    id: z.string(),
    roundKey: z.string(),
    roundName: localized,
    pool: z.string(),
    status: z.enum(['open', 'closed']),
    closedAt: z.string().nullable(),
    resultsStatus: z.enum(['draft', 'approved']),
    assignment: z.object({ mode: z.enum(['all', 'balanced']), judgesPerEntry: z.number().nullable() }),
    deviationThreshold: z.number(),
    rubric: rubricSchema,
    judges: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        title: z.string(),
        homeUnitId: z.string().nullable(),
        homeUnitName: z.string().nullable(),
        assigned: z.number(),
      }),
    ),
    entryCount: z.number(),
  })
  .meta({ id: 'JuryPanel' });

export const sheetViewSchema = z
  .object({
    id: z.string().nullable(),
    entryId: z.string(),
    judgeUserId: z.string(),
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    status: z.enum(['none', 'draft', 'submitted']),
    total: z.number().nullable(),
    version: z.number(),
    updatedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: 'JurySheet' });

export const queueSchema = z
  .object({
    panels: z.array(
      z.object({
        panelId: z.string(),
        roundKey: z.string(),
        roundName: localized,
        pool: z.string(),
        status: z.enum(['open', 'closed']),
        rubric: rubricSchema,
        entries: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            synopsis: z.string(),
            credits: z.string(),
            unitName: z.string(),
            hasVideo: z.boolean(),
            sheet: sheetViewSchema,
          }),
        ),
        recused: z.array(z.object({ entryId: z.string(), title: z.string(), reason: z.string() })),
      }),
    ),
  })
  .meta({ id: 'JuryQueue' });

export const completionSchema = z
  .object({
    status: z.enum(['open', 'closed']),
    judges: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        assigned: z.number(),
        submitted: z.number(),
        drafts: z.number(),
        recused: z.number(),
      }),
    ),
    entries: z.array(
      z.object({ entryId: z.string(), title: z.string(), assigned: z.number(), submitted: z.number() }),
    ),
    totals: z.object({ assigned: z.number(), submitted: z.number() }),
    sheets: z.array(
      z.object({
        sheetId: z.string(),
        judgeUserId: z.string(),
        entryId: z.string(),
        status: z.enum(['draft', 'submitted']),
        submittedAt: z.string().nullable(),
      }),
    ),
    deviations: z.array(
      z.object({
        judgeId: z.string(),
        name: z.string(),
        sheets: z.number(),
        mean: z.number(),
        spread: z.number(),
        bias: z.number().nullable(),
        biasZ: z.number().nullable(),
        spreadZ: z.number().nullable(),
        alerts: z.array(z.enum(['bias', 'spread'])),
      }),
    ),
    threshold: z.number(),
  })
  .meta({ id: 'JuryCompletion' });

export const scoresInput = z.object({
  scores: z.record(z.string().max(64), z.number()),
  comment: z.string().max(5000).optional(),
});
