import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { listAuditFor } from './audit.service.js';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          querystring: z.object({
            contestId: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            beforeSeq: z.coerce.number().int().min(1).optional(),
          }),
          response: {
            200: z.object({
              rows: z.array(
                z.object({
                  seq: z.number(),
                  id: z.string(),
                  at: z.string(),
                  actorUserId: z.string().nullable(),
                  action: z.string(),
                  subjectType: z.string(),
                  subjectId: z.string().nullable(),
                  contestId: z.string().nullable(),
                  data: z.unknown(),
                  prevHash: z.string(),
                  hash: z.string(),
                }),
              ),
            }),
            ...commonErrors,
          },
        },
      },
      async (request) => ({ rows: await listAuditFor(deps, requireAuth(request).actor, request.query) }),
    );
  };
