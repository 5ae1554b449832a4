import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import {
  confirmSnapshot,
  fetchSnapshot,
  listSnapshots,
  recordSnapshot,
  screenshotTypes,
  snapshotEvidence,
} from './fanpage.service.js';
import { graphConnector, type EngagementConnector } from './graph-connector.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const snapshotSchema = z
  .object({
    id: z.string(),
    entryId: z.string(),
    entryTitle: z.string(),
    likes: z.number().int(),
    shares: z.number().int(),
    takenAt: z.string(),
    postUrl: z.string().nullable(),
    hasEvidence: z.boolean(),
    method: z.enum(['manual', 'graph']),
    recordedBy: z.string(),
    recordedAt: z.string(),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    counting: z.boolean(),
  })
  .meta({ id: 'FanpageSnapshot' });

export const fanpageRoutes =
  (deps: Deps, connector?: EngagementConnector): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const graph =
      connector ??
      graphConnector({ baseUrl: deps.config.FACEBOOK_GRAPH_URL, pageToken: deps.config.FACEBOOK_PAGE_TOKEN });
    app.get(
      '/api/contests/:slug/fanpage-snapshots',
      {
        schema: {
          tags: ['fanpage'],
          params: slugParams,
          response: { 200: z.object({ snapshots: z.array(snapshotSchema) }), ...commonErrors },
        },
      },
      async (request) => ({
        snapshots: await listSnapshots(deps, requireAuth(request).actor, request.params.slug),
      }),
    );
    app.post(
      '/api/contests/:slug/fanpage-snapshots',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: ['fanpage'],
          params: slugParams,
          body: z.object({
            entryId: z.string().min(1).max(64),
            likes: z.number().int().min(0).max(100_000_000),
            shares: z.number().int().min(0).max(100_000_000),
            takenAt: z.iso.datetime({ offset: true }),
            postUrl: z.url().max(2000).optional(),
            screenshot: z
              .object({ contentType: z.enum(screenshotTypes), dataBase64: z.string().max(7 * 1024 * 1024) })
              .optional(),
          }),
          response: { 201: snapshotSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordSnapshot(deps, requireAuth(request).actor, request.params.slug, request.body)),
    );
    app.post(
      '/api/contests/:slug/fanpage-snapshots/fetch',
      {
        schema: {
          tags: ['fanpage'],
          description: "Reads the post's likes and shares through the Facebook Graph API and records them.",
          params: slugParams,
          body: z.object({ entryId: z.string().min(1).max(64), postUrl: z.string().min(5).max(2000) }),
          response: { 201: snapshotSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await fetchSnapshot(deps, graph, requireAuth(request).actor, request.params.slug, request.body),
          ),
    );
    app.post(
      '/api/contests/:slug/fanpage-snapshots/:id/confirm',
      {
        schema: {
          tags: ['fanpage'],
          params: slugParams.extend({ id: z.string().min(1).max(64) }),
          response: { 200: snapshotSchema, ...commonErrors },
        },
      },
      (request) => confirmSnapshot(deps, requireAuth(request).actor, request.params.slug, request.params.id),
    );
    app.get(
      '/api/contests/:slug/fanpage-snapshots/:id/evidence',
      { schema: { tags: ['fanpage'], params: slugParams.extend({ id: z.string().min(1).max(64) }) } },
      async (request, reply) => {
        const e = await snapshotEvidence(
          deps,
          requireAuth(request).actor,
          request.params.slug,
          request.params.id,
        );
        return reply.header('content-type', e.contentType).header('content-length', e.size).send(e.body);
      },
    );
  };
