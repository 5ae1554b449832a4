import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });

export const errorResponseSchema = z
  .object({
    code: z.string().describe('Stable machine-readable code'),
    message: z.string().describe('Message in the language of the request'),
    messages: localized,
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: localized })).optional(),
  })
  .meta({ id: 'Error' });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** The 4xx answers every route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  429: errorResponseSchema,
} as const;
