import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { panelParams, panelQuery } from '../judging/judging.schemas.js';
import type { EngagementReader } from './engagement.reader.js';
import { resultsViewSchema } from './results.schemas.js';
import { approveResults, previewResults, publicResults, setFinalists } from './results.service.js';

const tags = ['results'];
const ok = { 200: resultsViewSchema, ...commonErrors };

export const resultsRoutes =
  (deps: Deps, engagement: EngagementReader): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const base = '/api/contests/:slug/rounds/:roundKey/results';
    const ref = (p: { slug: string; roundKey: string }, q: { unit?: string | undefined }) => ({
      slug: p.slug,
      roundKey: p.roundKey,
      unitId: q.unit,
    });
    app.get(
      `${base}/preview`,
      {
        schema: {
          tags,
          description: 'The full breakdown for the committee, once judging is closed (403 before).',
          params: panelParams,
          querystring: panelQuery,
          response: ok,
        },
      },
      (request) =>
        previewResults(deps, engagement, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.put(
      `${base}/finalists`,
      {
        schema: {
          tags,
          description: 'Finalists: the top N, with swaps that each need a written reason (400 without).',
          params: panelParams,
          querystring: panelQuery,
          body: z.object({
            overrides: z
              .array(
                z.object({
                  out: z.string().min(1).max(64),
                  in: z.string().min(1).max(64),
                  reason: z.string().max(2000).default(''),
                }),
              )
              .max(50),
          }),
          response: ok,
        },
      },
      (request) =>
        setFinalists(
          deps,
          engagement,
          requireAuth(request).actor,
          ref(request.params, request.query),
          request.body.overrides,
        ),
    );
    app.post(
      `${base}/approve`,
      { schema: { tags, params: panelParams, querystring: panelQuery, response: ok } },
      (request) =>
        approveResults(deps, engagement, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.get(
      '/api/public/contests/:slug/results',
      {
        schema: {
          tags,
          description: 'Approved results of a contest, for everyone.',
          params: z.object({ slug: z.string().min(1).max(100) }),
          response: { 200: z.object({ panels: z.array(resultsViewSchema) }), ...commonErrors },
        },
      },
      (request) => publicResults(deps, request.params.slug),
    );
  };
