import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { feedOf, markFeedRead } from './notification.service.js';

const localized = z.object({ vi: z.string(), en: z.string() });

export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/me/feed',
      {
        schema: {
          tags: ['staff'],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  at: z.string(),
                  kind: z.string(),
                  entryId: z.string().nullable(),
                  title: localized,
                  body: localized,
                  read: z.boolean(),
                }),
              ),
            }),
            ...commonErrors,
          },
        },
      },
      async (request) => ({ items: await feedOf(deps, requireAuth(request).user.id, request.query.limit) }),
    );
    app.post(
      '/api/me/feed/read',
      { schema: { tags: ['staff'], response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await markFeedRead(deps, requireAuth(request).user.id);
        return reply.status(204).send(null);
      },
    );
  };
