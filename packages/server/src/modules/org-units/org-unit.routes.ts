import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { orgUnitSchema } from '../contests/contest.schemas.js';
import { getOrgUnit, importOrgUnits } from './org-unit.service.js';

export const orgUnitRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/org-units/:id',
      {
        schema: {
          tags: ['org-units'],
          params: z.object({ id: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              unit: orgUnitSchema,
              ancestors: z.array(orgUnitSchema),
              children: z.array(orgUnitSchema),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => getOrgUnit(deps, requireAuth(request).actor, request.params.id),
    );

    app.post(
      '/api/org-units/import',
      {
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags: ['org-units'],
          description:
            'Upserts a tree of administrative units by official code; importing the same file twice changes nothing.',
          body: z.unknown(),
          response: {
            200: z.object({
              created: z.number(),
              updated: z.number(),
              unchanged: z.number(),
              total: z.number(),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => importOrgUnits(deps, requireAuth(request).actor, request.body),
    );
  };
