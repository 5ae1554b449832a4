import { entryStates } from '@clipcontest/core';
import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });
const media = z.object({
  filename: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  container: z.string(),
  uploadedAt: z.string(),
});

export const entrySummarySchema = z
  .object({
    id: z.string(),
    roundKey: z.string(),
    status: z.enum(entryStates),
    title: z.string(),
    teamName: z.string(),
    orgUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    scopeUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
    hasVideo: z.boolean(),
    submittedAt: z.string().nullable(),
    forwarded: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EntrySummary' });

export const entryViewSchema = entrySummarySchema
  .extend({
    contestSlug: z.string(),
    roundName: localized,
    synopsis: z.string(),
    credits: z.string(),
    declarations: z.record(z.string(), z.boolean()),
    statusReason: z.string().nullable(),
    fixDeadline: z.string().nullable(),
    original: media.nullable(),
    subtitle: media.nullable(),
    checklist: z.array(
      z.object({ key: z.string(), label: localized, auto: z.boolean(), ok: z.boolean().nullable() }),
    ),
    actions: z.array(
      z.enum([
        'edit',
        'upload',
        'submit',
        'unsubmit',
        'withdraw',
        'nominate',
        'unnominate',
        'accept',
        'return',
        'reject',
      ]),
    ),
    version: z.number().int(),
    history: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Entry' });

export const entryFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  synopsis: z.string().max(5000).optional(),
  credits: z.string().max(5000).optional(),
  declarations: z.record(z.string().max(64), z.boolean()).optional(),
});

export const teamSchema = z
  .object({
    id: z.string(),
    contestId: z.string(),
    orgUnitId: z.string(),
    orgUnitName: z.string(),
    districtName: z.string().nullable(),
    name: z.string(),
    status: z.enum(['pending', 'approved']),
    members: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        position: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        isLeader: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Team' });

export const teamInputSchema = z.object({
  orgUnitId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  members: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        position: z.string().trim().min(1).max(200),
        phone: z.string().trim().max(30).nullable().optional(),
        email: z.email().max(254).nullable().optional(),
        isLeader: z.boolean(),
      }),
    )
    .min(1)
    .max(30),
});

export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
