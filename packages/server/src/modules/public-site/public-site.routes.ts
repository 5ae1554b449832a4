import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError } from '@clipcontest/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { FALLBACK_SHELL, renderEntryPage } from './entry-page.html.js';
import { publicEntry, publicGallery, VOTER_COOKIE } from './public-entries.service.js';

const localized = z.object({ vi: z.string(), en: z.string() });
const unit = z.object({ id: z.string(), name: z.string() }).nullable();
const media = z.object({
  videoUrl: z.string().nullable(),
  hlsUrl: z.string().nullable(),
  posterUrl: z.string().nullable(),
  tracks: z.array(z.object({ lang: z.string(), label: z.string(), url: z.string() })),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
const voting = z
  .object({
    status: z.enum(['none', 'upcoming', 'open', 'closed']),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    opensAtLocal: z.string().nullable(),
    closesAtLocal: z.string().nullable(),
    countsHidden: z.boolean(),
  })
  .meta({ id: 'PublicVoting' });
const summary = z.object({
  id: z.string(),
  title: z.string(),
  synopsis: z.string(),
  teamName: z.string(),
  commune: unit,
  district: unit,
  publishedAt: z.string().nullable(),
  likes: z.number().int().nullable(),
  shares: z.number().int().nullable(),
  media,
});
const contest = z.object({ slug: z.string(), title: localized, timezone: z.string() });

export const publicSiteRoutes =
  (deps: Deps, webDistDir?: string): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/public/contests/:slug/entries',
      {
        schema: {
          tags: ['public'],
          params: z.object({ slug: z.string().min(1).max(100) }),
          querystring: z.object({
            district: z.string().max(64).optional(),
            q: z.string().max(200).optional(),
            sort: z.enum(['newest', 'likes']).optional(),
          }),
          response: {
            200: z.object({
              contest,
              voting,
              districts: z.array(z.object({ id: z.string(), name: z.string() })),
              entries: z.array(summary),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => publicGallery(deps, request.params.slug, request.query),
    );
    app.get(
      '/api/public/entries/:id',
      {
        schema: {
          tags: ['public'],
          params: z.object({ id: z.string().min(1).max(64) }),
          response: {
            200: summary.extend({
              credits: z.string(),
              members: z.array(z.object({ name: z.string(), position: z.string() })),
              contest,
              voting,
              mine: z.object({ liked: z.boolean(), shared: z.boolean() }).nullable(),
            }),
            ...commonErrors,
          },
        },
      },
      (request) => publicEntry(deps, request.params.id, request.cookies[VOTER_COOKIE]),
    );

    // The entry's shareable URL, rendered on the server before the single-page app's catch-all.
    const shellPath = webDistDir ? join(webDistDir, 'public.html') : undefined;
    let shell: string | undefined;
    const loadShell = () => {
      shell ??= shellPath && existsSync(shellPath) ? readFileSync(shellPath, 'utf8') : FALLBACK_SHELL;
      return shell;
    };
    app.get(
      '/c/:slug/e/:id',
      { schema: { hide: true, params: z.object({ slug: z.string().max(100), id: z.string().max(64) }) } },
      async (request, reply) => {
        void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
        try {
          const entry = await publicEntry(deps, request.params.id);
          if (entry.contest.slug !== request.params.slug)
            return reply.redirect(`/c/${entry.contest.slug}/e/${entry.id}`, 301);
          return renderEntryPage(loadShell(), entry, deps.config.publicUrl);
        } catch (e) {
          if (isDomainError(e) && e.kind === 'not_found') return reply.status(404).send(loadShell());
          throw e;
        }
      },
    );
  };
