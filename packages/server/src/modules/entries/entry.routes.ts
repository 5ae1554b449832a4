import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { entryFieldsSchema, entrySummarySchema, entryViewSchema, localDateTime } from './entry.schemas.js';
import {
  createEntry,
  getEntry,
  listEntries,
  submitEntry,
  unsubmitEntry,
  updateEntry,
  withdrawEntry,
} from './entry.service.js';
import { readEntryMedia } from './entry-media-read.service.js';
import { forwardNominations, nominateEntry, unnominateEntry } from './nomination.service.js';
import { acceptEntry, rejectEntry, returnEntry, saveChecklist } from './receipt.service.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const idParams = z.object({ id: z.string().min(1).max(64) });
const ok = { 200: entryViewSchema, ...commonErrors };
const checklist = z.record(z.string().max(64), z.boolean());

export const entryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/contests/:slug/entries',
      {
        schema: {
          tags: ['entries'],
          params: slugParams,
          querystring: z.object({
            status: z.string().max(30).optional(),
            roundKey: z.string().max(64).optional(),
            scopeUnitId: z.string().max(64).optional(),
          }),
          response: { 200: z.object({ entries: z.array(entrySummarySchema) }), ...commonErrors },
        },
      },
      async (request) => ({
        entries: await listEntries(deps, requireAuth(request).actor, request.params.slug, request.query),
      }),
    );
    app.post(
      '/api/contests/:slug/entries',
      {
        schema: {
          tags: ['entries'],
          params: slugParams,
          body: entryFieldsSchema,
          response: { 201: entryViewSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createEntry(deps, requireAuth(request).actor, request.params.slug, request.body)),
    );
    app.get(
      '/api/entries/:id',
      { schema: { tags: ['entries'], params: idParams, response: ok } },
      (request) => getEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.get(
      '/api/entries/:id/media/:kind',
      {
        schema: {
          tags: ['entries'],
          description:
            "The entry's video or subtitle, with HTTP range requests, for those who may see the entry.",
          params: idParams.extend({ kind: z.enum(['original', 'subtitle']) }),
        },
      },
      async (request, reply) => {
        const media = await readEntryMedia(
          deps,
          requireAuth(request).actor,
          request.params.id,
          request.params.kind,
          request.headers.range,
        );
        return reply.status(media.status).headers(media.headers).send(media.body);
      },
    );
    app.patch(
      '/api/entries/:id',
      {
        schema: {
          tags: ['entries'],
          params: idParams,
          body: entryFieldsSchema.partial().extend({ version: z.number().int().min(1) }),
          response: ok,
        },
      },
      (request) => updateEntry(deps, requireAuth(request).actor, request.params.id, request.body),
    );
    app.post(
      '/api/entries/:id/submit',
      { schema: { tags: ['entries'], params: idParams, response: ok } },
      (request) => submitEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.post(
      '/api/entries/:id/unsubmit',
      { schema: { tags: ['entries'], params: idParams, response: ok } },
      (request) => unsubmitEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.post(
      '/api/entries/:id/withdraw',
      {
        schema: {
          tags: ['entries'],
          params: idParams,
          body: z.object({ reason: z.string().max(2000).optional() }),
          response: ok,
        },
      },
      (request) => withdrawEntry(deps, requireAuth(request).actor, request.params.id, request.body.reason),
    );
    app.post(
      '/api/entries/:id/nominate',
      { schema: { tags: ['nominations'], params: idParams, response: ok } },
      (request) => nominateEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.post(
      '/api/entries/:id/unnominate',
      { schema: { tags: ['nominations'], params: idParams, response: ok } },
      (request) => unnominateEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.post(
      '/api/contests/:slug/rounds/:roundKey/forward',
      {
        schema: {
          tags: ['nominations'],
          description: '"Send to organizer": the unit\'s nominated entries move to the next round.',
          params: slugParams.extend({ roundKey: z.string().min(1).max(64) }),
          body: z.object({ scopeUnitId: z.string().min(1).max(64) }),
          response: { 200: z.object({ forwarded: z.number().int() }), ...commonErrors },
        },
      },
      (request) =>
        forwardNominations(deps, requireAuth(request).actor, request.params.slug, {
          roundKey: request.params.roundKey,
          scopeUnitId: request.body.scopeUnitId,
        }),
    );
    app.put(
      '/api/entries/:id/checklist',
      { schema: { tags: ['receipt'], params: idParams, body: z.object({ checklist }), response: ok } },
      (request) => saveChecklist(deps, requireAuth(request).actor, request.params.id, request.body.checklist),
    );
    app.post(
      '/api/entries/:id/accept',
      {
        schema: {
          tags: ['receipt'],
          params: idParams,
          body: z.object({ checklist: checklist.optional() }),
          response: ok,
        },
      },
      (request) => acceptEntry(deps, requireAuth(request).actor, request.params.id, request.body.checklist),
    );
    app.post(
      '/api/entries/:id/return',
      {
        schema: {
          tags: ['receipt'],
          params: idParams,
          body: z.object({ reason: z.string().trim().min(1).max(2000), fixDeadline: localDateTime }),
          response: ok,
        },
      },
      (request) => returnEntry(deps, requireAuth(request).actor, request.params.id, request.body),
    );
    app.post(
      '/api/entries/:id/reject',
      {
        schema: {
          tags: ['receipt'],
          params: idParams,
          body: z.object({ reason: z.string().trim().min(1).max(2000) }),
          response: ok,
        },
      },
      (request) => rejectEntry(deps, requireAuth(request).actor, request.params.id, request.body.reason),
    );
  };
