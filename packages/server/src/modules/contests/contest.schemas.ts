import { contestConfigObjectSchema, contestPhases, windowKinds } from '@clipcontest/core';
import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });
export const phaseSchema = z.enum(contestPhases);

export const timelineItemSchema = z.object({
  roundKey: z.string(),
  roundName: localized,
  kind: z.enum(windowKinds),
  opensAt: z.string(),
  closesAt: z.string(),
  opensAtLocal: z.string(),
  closesAtLocal: z.string(),
  status: z.enum(['past', 'open', 'upcoming']),
});

// The stored configuration, as the core schema describes it (without its cross-field refinements).
export const contestConfigResponseSchema = contestConfigObjectSchema.meta({ id: 'ContestConfig' });

export const contestViewSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    phase: phaseSchema,
    timeline: z.array(timelineItemSchema),
    config: contestConfigResponseSchema,
  })
  .meta({ id: 'ContestView' });

export const publicContestSchema = z
  .object({
    slug: z.string(),
    title: localized,
    theme: localized,
    rulesText: localized,
    organizer: z.object({ name: localized, place: z.string() }),
    timezone: z.string(),
    phase: phaseSchema,
    timeline: z.array(timelineItemSchema),
    prizes: contestConfigObjectSchema.shape.prizes,
  })
  .meta({ id: 'PublicContest' });

export const orgUnitSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    level: z.string(),
    parentId: z.string().nullable(),
  })
  .meta({ id: 'OrgUnit' });
