import { roles } from '@clipcontest/core';
import { z } from 'zod';

export const roleSchema = z.enum(roles);

export const assignmentSchema = z.object({
  id: z.string(),
  role: roleSchema,
  contestId: z.string().nullable(),
  contestSlug: z.string().nullable(),
  roundKey: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
});

export const sessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    csrfToken: z.string(),
    totpEnabled: z.boolean(),
    totpEnrolmentRequired: z.boolean(),
    assignments: z.array(assignmentSchema),
  })
  .meta({ id: 'Session' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    assignments: z.array(assignmentSchema),
  })
  .meta({ id: 'User' });
