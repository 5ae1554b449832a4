import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from './infra/context.js';
import type { VotingRuntimeOptions } from './modules/voting/voting-runtime.js';
import { installAuthHook } from './infra/http/auth-hook.js';
import { installErrorHandler } from './infra/http/error-handler.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { userRoutes } from './modules/accounts/user.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { contestRoutes } from './modules/contests/contest.routes.js';
import { orgUnitRoutes } from './modules/org-units/org-unit.routes.js';
import { entryUploadHooks } from './modules/entries/entry-media.service.js';
import { entryRoutes } from './modules/entries/entry.routes.js';
import { mediaRoutes } from './modules/media/media.routes.js';
import { notificationRoutes } from './modules/notifications/notification.routes.js';
import { progressRoutes } from './modules/reports/progress.routes.js';
import { teamRoutes } from './modules/teams/team.routes.js';
import { uploadRoutes } from './modules/uploads/upload.routes.js';
import { judgingRoutes } from './modules/judging/judging.routes.js';
import { recordedEngagement } from './modules/results/engagement.reader.js';
import { resultsRoutes } from './modules/results/results.routes.js';
import { registerVoting } from './modules/voting/register-voting.js';

export interface AppOptions {
  /** Built web app to serve at `/`; when absent, only the API runs. */
  webDistDir?: string | undefined;
  trustProxy?: boolean;
  /** Voting runtime overrides (rate-limit store, SMS sender, limits) for tests and benchmarks. */
  voting?: VotingRuntimeOptions;
}

/** The HTTP application without a listening socket: tests drive it with `app.inject`. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = deps.log;
  const app = Fastify({
    loggerInstance,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // The API speaks JSON only: anything else is a clear 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': deps.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'clipcontest API',
        version: '0.1.0',
        description: 'Public video-clip contests, end to end.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuthHook(app, deps);

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ok' as const, database: deps.db.dialect };
    },
  );

  await app.register(authRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(contestRoutes(deps));
  await app.register(orgUnitRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(teamRoutes(deps));
  await app.register(entryRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(mediaRoutes(deps));
  await app.register(progressRoutes(deps));
  await app.register(judgingRoutes(deps));
  await app.register(resultsRoutes(deps, recordedEngagement));
  await app.register(uploadRoutes(deps, entryUploadHooks(deps), { directory: deps.uploadDir }));
  await registerVoting(app, deps, options.voting, options.webDistDir);

  const dist = options.webDistDir;
  if (dist && existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      preCompressed: true,
    });
    // Built assets carry a content hash in their name: cache them for a year; shells stay revalidated.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/assets/') && reply.statusCode === 200) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    });
    // Client-side routes (/c/…, /app/…) all load the single-page app; unknown /api paths stay JSON 404s.
    app.get('/*', (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const file = path.slice(1);
      if (file && !file.includes('..') && existsSync(join(dist, file))) return reply.sendFile(file);
      if (path.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile(shellFor(path, dist));
    });
  }
  return app;
}

/**
 * Public paths (`/`, `/c/…`) get the light public build when it exists; everything else (sign-in, `/app/…`)
 * the full staff app.
 */
function shellFor(path: string, dist: string): string {
  const isPublic = path === '/' || path === '/c' || path.startsWith('/c/');
  return isPublic && existsSync(join(dist, 'public.html')) ? 'public.html' : 'index.html';
}
