import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });

export const resultsViewSchema = z
  .object({
    panelId: z.string(),
    contestSlug: z.string(),
    contestTitle: localized,
    roundKey: z.string(),
    roundName: localized,
    pool: z.string(),
    poolName: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    resultsStatus: z.enum(['draft', 'approved']),
    approvedAt: z.string().nullable(),
    basis: z.object({
      rubricKey: z.string().nullable(),
      rubricMaxTotal: z.number(),
      juryMaxPoints: z.number(),
      audienceMaxPoints: z.number(),
      aggregation: z.string(),
      zScore: z.boolean(),
      normalization: z.string().nullable(),
      tieBreakers: z.array(z.string()),
      decimals: z.number(),
    }),
    judges: z.array(z.object({ id: z.string(), name: z.string() })),
    rows: z.array(
      z.object({
        rank: z.number(),
        entryId: z.string(),
        title: z.string(),
        unitName: z.string(),
        submittedAt: z.string(),
        jury: z.object({
          sheetCount: z.number(),
          judgeIds: z.array(z.string()),
          totals: z.array(z.number()),
          dropped: z.array(z.string()),
          aggregate: z.number().nullable(),
          points: z.number(),
        }),
        audience: z.object({
          sources: z.array(
            z.object({ source: z.string(), likes: z.number(), shares: z.number(), raw: z.number() }),
          ),
          raw: z.number(),
          rank: z.number().nullable(),
          points: z.number(),
        }),
        final: z.number(),
        decidedBy: z.string().nullable(),
        flags: z.array(z.string()),
        finalist: z.boolean(),
        selectedBy: z.enum(['rank', 'override']).nullable(),
      }),
    ),
    finalistCount: z.number().nullable(),
    overrides: z.array(z.object({ out: z.string(), in: z.string(), reason: z.string() })),
    swaps: z.array(
      z.object({
        out: z.string(),
        outRank: z.number(),
        in: z.string(),
        inRank: z.number(),
        reason: z.string(),
      }),
    ),
    tieAtCutoff: z.boolean(),
  })
  .meta({ id: 'ResultsView' });
