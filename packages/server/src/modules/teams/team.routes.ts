import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { teamInputSchema, teamSchema } from '../entries/entry.schemas.js';
import { approveTeam, listTeams, registerTeam } from './team.service.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });

export const teamRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/contests/:slug/teams',
      {
        schema: {
          tags: ['teams'],
          params: slugParams,
          response: { 200: z.object({ teams: z.array(teamSchema) }), ...commonErrors },
        },
      },
      async (request) => ({ teams: await listTeams(deps, requireAuth(request).actor, request.params.slug) }),
    );
    app.post(
      '/api/contests/:slug/teams',
      {
        schema: {
          tags: ['teams'],
          description: 'A coordinator registers a team of one of their communes; its leaders get accounts.',
          params: slugParams,
          body: teamInputSchema,
          response: { 201: teamSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registerTeam(deps, requireAuth(request).actor, request.params.slug, request.body)),
    );
    app.post(
      '/api/public/contests/:slug/team-registrations',
      {
        schema: {
          tags: ['public'],
          description: "A team's self-registration; it waits for its district coordinator's approval.",
          params: slugParams,
          body: teamInputSchema,
          response: { 201: teamSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registerTeam(deps, null, request.params.slug, request.body)),
    );
    app.post(
      '/api/teams/:id/approve',
      {
        schema: {
          tags: ['teams'],
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: teamSchema, ...commonErrors },
        },
      },
      (request) => approveTeam(deps, requireAuth(request).actor, request.params.id),
    );
  };
