import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { entryMediaStatus, serveMedia } from './media-access.service.js';
import { processingUnavailable } from './media-pipeline.service.js';
import { entryMediaStatusSchema } from './media.schemas.js';

const fileParams = z.object({
  sha: z.string().min(1).max(64),
  version: z.string().min(1).max(8),
  '*': z.string().min(1).max(300),
});

export const mediaRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    if (processingUnavailable(deps))
      deps.log.warn('ffmpeg/ffprobe not found (FFMPEG_PATH, FFPROBE_PATH): media processing unavailable');
    app.get(
      '/api/entries/:id/media-status',
      {
        schema: {
          tags: ['media'],
          description:
            "The entry's technical report, processing progress and (short-lived signed, or public once published) media URLs.",
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: entryMediaStatusSchema, ...commonErrors },
        },
      },
      (request) => entryMediaStatus(deps, requireAuth(request).actor, request.params.id),
    );
    app.get(
      '/api/media/s/:token/:sha/:version/*',
      {
        schema: {
          tags: ['media'],
          description: 'A rendition file of an unpublished entry, through a signed URL that expires.',
          params: fileParams.extend({ token: z.string().min(1).max(80) }),
        },
      },
      async (request, reply) => {
        const served = await serveMedia(deps, {
          access: { kind: 'signed', token: request.params.token },
          sha: request.params.sha,
          version: request.params.version,
          file: request.params['*'],
          range: request.headers.range,
          ifNoneMatch: request.headers['if-none-match'],
        });
        return reply
          .status(served.status)
          .headers(served.headers)
          .send(served.body ?? undefined);
      },
    );
    app.get(
      '/api/media/p/:sha/:version/*',
      {
        schema: {
          tags: ['media'],
          description: 'A rendition file of a published entry: content-addressed, cached for a year.',
          params: fileParams,
        },
      },
      async (request, reply) => {
        const served = await serveMedia(deps, {
          access: { kind: 'public' },
          sha: request.params.sha,
          version: request.params.version,
          file: request.params['*'],
          range: request.headers.range,
          ifNoneMatch: request.headers['if-none-match'],
        });
        return reply
          .status(served.status)
          .headers(served.headers)
          .send(served.body ?? undefined);
      },
    );
  };
