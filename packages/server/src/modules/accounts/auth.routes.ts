import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { requireAuth, SESSION_COOKIE } from '../../infra/http/auth-hook.js';
import { sessionView, signIn, signOut } from './auth.service.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.js';
import { confirmTotpSetup, startTotpSetup } from './totp.service.js';
import { sessionSchema } from './account.schemas.js';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.config.secureCookies,
    };

    app.post(
      '/api/auth/sign-in',
      {
        schema: {
          tags: ['auth'],
          body: z.object({
            email: z.string().trim().min(3).max(254),
            password: z.string().min(1).max(256),
            totpCode: z.string().trim().max(12).optional(),
          }),
          response: { 200: z.object({ session: sessionSchema }), ...commonErrors },
        },
      },
      async (request, reply) => {
        const { token, context } = await signIn(deps, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        void reply.setCookie(SESSION_COOKIE, token, {
          ...cookieOptions,
          expires: new Date(context.session.expires_at),
        });
        return { session: sessionView(context) };
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { allowDuringTotpEnrolment: true },
        schema: { tags: ['auth'], response: { 200: sessionSchema, ...commonErrors } },
      },
      (request) => sessionView(requireAuth(request)),
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { allowDuringTotpEnrolment: true },
        schema: { tags: ['auth'], response: { 204: z.null(), ...commonErrors } },
      },
      async (request, reply) => {
        await signOut(deps, requireAuth(request));
        void reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/totp/setup',
      {
        config: { allowDuringTotpEnrolment: true },
        schema: {
          tags: ['auth'],
          response: {
            200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }),
            ...commonErrors,
          },
        },
      },
      (request) => startTotpSetup(deps, requireAuth(request)),
    );

    app.post(
      '/api/auth/totp/confirm',
      {
        config: { allowDuringTotpEnrolment: true },
        schema: {
          tags: ['auth'],
          body: z.object({ code: z.string().trim().min(6).max(6) }),
          response: { 200: z.object({ session: sessionSchema }), ...commonErrors },
        },
      },
      async (request) => ({
        session: sessionView(await confirmTotpSetup(deps, requireAuth(request), request.body.code)),
      }),
    );

    app.post(
      '/api/auth/password-reset/request',
      {
        schema: {
          tags: ['auth'],
          body: z.object({ email: z.string().trim().min(3).max(254) }),
          response: { 202: z.null(), ...commonErrors },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email);
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        schema: {
          tags: ['auth'],
          body: z.object({ token: z.string().min(10).max(200), password: z.string().max(256) }),
          response: { 204: z.null(), ...commonErrors },
        },
      },
      async (request, reply) => {
        await confirmPasswordReset(deps, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );
  };
