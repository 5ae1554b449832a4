import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { langOf } from '../../infra/http/lang.js';
import { contestProgress, contestProgressXlsx } from './progress.service.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const counts = {
  teams: z.number(),
  created: z.number(),
  submitted: z.number(),
  nominated: z.number(),
  received: z.number(),
  accepted: z.number(),
};

export const progressRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/contests/:slug/progress',
      {
        schema: {
          tags: ['reports'],
          params: slugParams,
          response: {
            200: z.object({
              rows: z.array(
                z.object({
                  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
                  ...counts,
                }),
              ),
              totals: z.object(counts),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => contestProgress(deps, requireAuth(request).actor, request.params.slug),
    );
    app.get(
      '/api/contests/:slug/progress.xlsx',
      {
        schema: {
          tags: ['reports'],
          params: slugParams,
          querystring: z.object({ lang: z.enum(['vi', 'en']).optional() }),
        },
      },
      async (request, reply) => {
        const file = await contestProgressXlsx(
          deps,
          requireAuth(request).actor,
          request.params.slug,
          langOf(request),
        );
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="progress-${request.params.slug}.xlsx"`)
          .send(file);
      },
    );
  };
