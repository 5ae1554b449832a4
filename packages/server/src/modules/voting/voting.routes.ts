import { DomainError, voterChannels } from '@clipcontest/core';
import type { Challenge } from 'altcha-lib';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { fraudReview, voidVotes } from './moderation.service.js';
import { publishAllAccepted, publishEntry } from './publication.service.js';
import { shareTargets, vote } from './vote.service.js';
import {
  newChallenge,
  requestOtp,
  signOutVoter,
  verifyOtp,
  viewOf,
  VOTER_COOKIE,
  voterFromToken,
  type VoterPrincipal,
} from './voter.service.js';
import type { VotingRuntime } from './voting-runtime.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const slugParams = z.object({ slug: z.string().min(1).max(100) });

const challengeSchema = z
  .object({
    parameters: z.record(z.string(), z.unknown()),
    signature: z.string().max(512).optional(),
  })
  .meta({ id: 'AltchaChallenge' });

const voterSchema = z
  .object({ id: z.string(), channel: z.enum(voterChannels), address: z.string() })
  .meta({ id: 'Voter' });

export const voteResultSchema = z
  .object({
    entryId: z.string(),
    liked: z.boolean(),
    shared: z.boolean(),
    counted: z.boolean(),
    likes: z.number().int().nullable(),
    shares: z.number().int().nullable(),
  })
  .meta({ id: 'VoteResult' });

const signalSchema = z.object({
  kind: z.enum(['burst', 'shared_ip', 'shared_subnet', 'fresh_accounts', 'disposable_email']),
  entryId: z.string().optional(),
  ip: z.string().optional(),
  subnet: z.string().optional(),
  domain: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  votes: z.number().optional(),
  baseline: z.number().optional(),
  accounts: z.number().optional(),
  voteIds: z.array(z.string()),
});

const reviewVoteSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  entryTitle: z.string(),
  kind: z.enum(['like', 'share']),
  target: z.string().nullable(),
  at: z.string(),
  ip: z.string().nullable(),
  voter: z.string(),
  voterCreatedAt: z.string(),
  undone: z.boolean(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
});

/** Voter writes: the voter cookie (SameSite) and the Origin check protect them, not the staff CSRF token. */
const voterEndpoint = { voterEndpoint: true };

const voterUnauthenticated = () =>
  new DomainError('unauthenticated', 'voter_unauthenticated', {
    vi: 'Hãy xác thực bằng email hoặc số điện thoại trước khi bình chọn.',
    en: 'Verify with your email or phone number before voting.',
  });

export const votingRoutes =
  (deps: Deps, rt: VotingRuntime): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.config.secureCookies,
    };
    const requireVoter = async (request: FastifyRequest): Promise<VoterPrincipal> => {
      const voter = await voterFromToken(deps, request.cookies[VOTER_COOKIE]);
      if (!voter) throw voterUnauthenticated();
      return voter;
    };
    const idempotencyKey = (request: FastifyRequest): string | undefined => {
      const k = request.headers['idempotency-key'];
      return typeof k === 'string' ? k : undefined;
    };

    app.get(
      '/api/voting/challenge',
      {
        schema: {
          tags: ['voting'],
          description: 'A self-hosted ALTCHA proof-of-work challenge, required before asking for a code.',
          response: { 200: challengeSchema },
        },
      },
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        const c = await newChallenge(deps, rt);
        return { parameters: { ...c.parameters }, signature: c.signature };
      },
    );
    app.post(
      '/api/voting/otp/request',
      {
        config: voterEndpoint,
        schema: {
          tags: ['voting'],
          body: z.object({
            channel: z.enum(voterChannels),
            address: z.string().trim().min(3).max(254),
            altcha: z.object({
              challenge: challengeSchema,
              solution: z.object({
                counter: z.number().int().nonnegative(),
                derivedKey: z.string().max(512),
              }),
            }),
          }),
          response: { 202: z.object({ expiresAt: z.string() }), ...commonErrors },
        },
      },
      async (request, reply) => {
        const { channel, address, altcha } = request.body;
        const out = await requestOtp(deps, rt, {
          channel,
          address,
          altcha: { challenge: altcha.challenge as unknown as Challenge, solution: altcha.solution },
          ip: request.ip,
        });
        return reply.status(202).send(out);
      },
    );
    app.post(
      '/api/voting/otp/verify',
      {
        config: voterEndpoint,
        schema: {
          tags: ['voting'],
          body: z.object({
            channel: z.enum(voterChannels),
            address: z.string().trim().min(3).max(254),
            code: z.string().trim().min(4).max(12),
          }),
          response: { 200: z.object({ voter: voterSchema }), ...commonErrors },
        },
      },
      async (request, reply) => {
        const { voter, token, expiresAt } = await verifyOtp(deps, rt, { ...request.body, ip: request.ip });
        void reply.setCookie(VOTER_COOKIE, token, { ...cookieOptions, expires: new Date(expiresAt) });
        return { voter };
      },
    );
    app.get(
      '/api/voting/me',
      {
        schema: {
          tags: ['voting'],
          response: { 200: z.object({ voter: voterSchema.nullable() }), ...commonErrors },
        },
      },
      async (request) => {
        const voter = await voterFromToken(deps, request.cookies[VOTER_COOKIE]);
        return { voter: voter ? viewOf(voter) : null };
      },
    );
    app.post(
      '/api/voting/sign-out',
      { config: voterEndpoint, schema: { tags: ['voting'], response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await signOutVoter(deps, request.cookies[VOTER_COOKIE]);
        void reply.clearCookie(VOTER_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    const voteSchema = (description: string) => ({
      tags: ['voting'],
      description: `${description} Send an \`Idempotency-Key\` header to make retries safe.`,
      params: idParams,
      headers: z.object({ 'idempotency-key': z.string().max(128).optional() }),
      response: { 200: voteResultSchema, ...commonErrors },
    });
    app.post(
      '/api/entries/:id/like',
      { config: voterEndpoint, schema: voteSchema('Like a published entry (once per voter).') },
      async (request) =>
        vote(deps, rt, {
          voter: await requireVoter(request),
          entryId: request.params.id,
          action: 'like',
          ip: request.ip,
          idempotencyKey: idempotencyKey(request),
        }),
    );
    app.delete(
      '/api/entries/:id/like',
      { config: voterEndpoint, schema: voteSchema('Undo a like while voting is open.') },
      async (request) =>
        vote(deps, rt, {
          voter: await requireVoter(request),
          entryId: request.params.id,
          action: 'unlike',
          ip: request.ip,
          idempotencyKey: idempotencyKey(request),
        }),
    );
    app.post(
      '/api/entries/:id/share',
      {
        config: voterEndpoint,
        schema: {
          ...voteSchema('Record a share (counted once per voter per entry).'),
          body: z.object({ target: z.enum(shareTargets) }),
        },
      },
      async (request) =>
        vote(deps, rt, {
          voter: await requireVoter(request),
          entryId: request.params.id,
          action: 'share',
          target: request.body.target,
          ip: request.ip,
          idempotencyKey: idempotencyKey(request),
        }),
    );

    app.post(
      '/api/entries/:id/publish',
      {
        schema: {
          tags: ['voting'],
          params: idParams,
          response: { 200: z.object({ id: z.string(), status: z.string() }), ...commonErrors },
        },
      },
      (request) => publishEntry(deps, requireAuth(request).actor, request.params.id),
    );
    app.post(
      '/api/contests/:slug/entries/publish-accepted',
      {
        schema: {
          tags: ['voting'],
          params: slugParams,
          response: { 200: z.object({ published: z.array(z.string()) }), ...commonErrors },
        },
      },
      (request) => publishAllAccepted(deps, requireAuth(request).actor, request.params.slug),
    );
    app.get(
      '/api/contests/:slug/votes/review',
      {
        schema: {
          tags: ['voting'],
          params: slugParams,
          response: {
            200: z.object({ signals: z.array(signalSchema), votes: z.array(reviewVoteSchema) }),
            ...commonErrors,
          },
        },
      },
      (request) => fraudReview(deps, requireAuth(request).actor, request.params.slug),
    );
    app.post(
      '/api/contests/:slug/votes/void',
      {
        schema: {
          tags: ['voting'],
          params: slugParams,
          body: z.object({
            voteIds: z.array(z.string().min(1).max(64)).min(1).max(10_000),
            reason: z.string().trim().min(1).max(2000),
          }),
          response: { 200: z.object({ voided: z.number().int() }), ...commonErrors },
        },
      },
      (request) => voidVotes(deps, requireAuth(request).actor, request.params.slug, request.body),
    );
  };
