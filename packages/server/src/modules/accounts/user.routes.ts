import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { roleSchema, userSchema } from './account.schemas.js';
import { assignRole, createUser, listUsers, removeRole } from './user.service.js';

export const userRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    app.get(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          response: { 200: z.object({ users: z.array(userSchema) }), ...commonErrors },
        },
      },
      async (request) => ({ users: await listUsers(deps, requireAuth(request).actor) }),
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          description: 'Creates a staff account. Without a password, a link to set one is emailed.',
          body: z.object({
            email: z.string().trim().min(3).max(254),
            name: z.string().trim().min(1).max(200),
            password: z.string().max(256).optional(),
          }),
          response: { 201: userSchema, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(deps, requireAuth(request).actor, request.body)),
    );

    app.post(
      '/api/users/:userId/roles',
      {
        schema: {
          tags: ['users'],
          params: z.object({ userId: z.string().min(1).max(64) }),
          body: z.object({
            role: roleSchema,
            contestId: z.string().max(64).nullable().optional(),
            roundKey: z.string().max(64).nullable().optional(),
            orgUnitId: z.string().max(64).nullable().optional(),
          }),
          response: { 200: userSchema, ...commonErrors },
        },
      },
      (request) => assignRole(deps, requireAuth(request).actor, request.params.userId, request.body),
    );

    app.delete(
      '/api/users/:userId/roles/:assignmentId',
      {
        schema: {
          tags: ['users'],
          params: z.object({ userId: z.string().min(1).max(64), assignmentId: z.string().min(1).max(64) }),
          response: { 200: userSchema, ...commonErrors },
        },
      },
      (request) =>
        removeRole(deps, requireAuth(request).actor, request.params.userId, request.params.assignmentId),
    );
  };
