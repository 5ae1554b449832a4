import { windowKinds } from '@clipcontest/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { contestViewSchema, orgUnitSchema, phaseSchema, publicContestSchema } from './contest.schemas.js';
import {
  createContestView,
  extendContestWindow,
  getContest,
  getPublicContest,
  listContestOrgUnits,
  listPublicContests,
  updateContestConfig,
} from './contest.service.js';
import { homeFor } from './home.service.js';

const localized = z.object({ vi: z.string(), en: z.string() });
const slugParams = z.object({ slug: z.string().min(1).max(100) });

export const contestRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/public/contests',
      {
        schema: {
          tags: ['public'],
          response: {
            200: z.object({
              contests: z.array(
                z.object({ slug: z.string(), title: localized, theme: localized, phase: phaseSchema }),
              ),
            }),
          },
        },
      },
      async () => ({ contests: await listPublicContests(deps) }),
    );

    app.get(
      '/api/public/contests/:slug',
      {
        schema: {
          tags: ['public'],
          params: slugParams,
          response: { 200: publicContestSchema, ...commonErrors },
        },
      },
      (request) => getPublicContest(deps, request.params.slug),
    );

    app.get(
      '/api/me/home',
      {
        schema: {
          tags: ['staff'],
          response: {
            200: z.object({
              userId: z.string(),
              contests: z.array(
                z.object({
                  id: z.string(),
                  slug: z.string(),
                  title: localized,
                  phase: phaseSchema,
                  myRoles: z.array(z.string()),
                }),
              ),
              orgUnits: z.array(orgUnitSchema),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => {
        const auth = requireAuth(request);
        return homeFor(deps, auth.actor, auth.assignments);
      },
    );

    app.get(
      '/api/contests/:slug',
      {
        schema: {
          tags: ['contests'],
          params: slugParams,
          response: { 200: contestViewSchema, ...commonErrors },
        },
      },
      (request) => getContest(deps, requireAuth(request).actor, request.params.slug),
    );

    app.post(
      '/api/contests',
      {
        schema: {
          tags: ['contests'],
          description: 'Creates a contest from a complete configuration (platform admins).',
          body: z.object({ config: z.unknown().describe('A ContestConfig; validated by the core schema') }),
          response: { 201: contestViewSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createContestView(deps, requireAuth(request).actor, request.body.config)),
    );

    app.put(
      '/api/contests/:slug/config',
      {
        schema: {
          tags: ['contests'],
          description:
            'Replaces the whole configuration after validating it; an invalid one is refused with field-level issues and nothing is saved.',
          params: slugParams,
          body: z.object({
            config: z.unknown().describe('A ContestConfig; validated by the core schema'),
            expectedVersion: z.number().int().min(1),
            reason: z.string().max(2000).optional(),
          }),
          response: { 200: contestViewSchema, ...commonErrors },
        },
      },
      (request) => updateContestConfig(deps, requireAuth(request).actor, request.params.slug, request.body),
    );

    app.post(
      '/api/contests/:slug/windows/extend',
      {
        schema: {
          tags: ['contests'],
          params: slugParams,
          body: z.object({
            roundKey: z.string().min(1).max(64),
            kind: z.enum(windowKinds),
            closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
            reason: z.string().trim().min(1).max(2000),
            expectedVersion: z.number().int().min(1),
            orgUnitId: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe('Extend only for this unit and the units under it'),
          }),
          response: { 200: contestViewSchema, ...commonErrors },
        },
      },
      (request) => extendContestWindow(deps, requireAuth(request).actor, request.params.slug, request.body),
    );

    app.get(
      '/api/contests/:slug/org-units',
      {
        schema: {
          tags: ['contests'],
          params: slugParams,
          response: { 200: z.object({ units: z.array(orgUnitSchema) }), ...commonErrors },
        },
      },
      async (request) => ({
        units: await listContestOrgUnits(deps, requireAuth(request).actor, request.params.slug),
      }),
    );
  };
