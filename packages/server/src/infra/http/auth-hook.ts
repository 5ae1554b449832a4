import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { authenticate, type AuthContext } from '../../modules/accounts/auth.service.js';
import { authErrors } from '../../modules/accounts/auth.errors.js';
import { safeEqual } from '../../modules/accounts/credentials.js';

export const SESSION_COOKIE = 'cc_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Reachable while a staff member still has to enrol their second factor (sign-out, TOTP set-up). */
    allowDuringTotpEnrolment?: boolean;
    /**
     * A public voter endpoint: protected by the voter's own SameSite cookie and the Origin check, not by the
     * staff CSRF token (which the public client never has, even when the same browser is signed in as staff).
     */
    voterEndpoint?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients and same-origin GET-like navigations send none
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Resolves the session cookie for every /api request, then enforces two rules for cookie-authenticated
 * writes: the per-session CSRF token must come back in `x-csrf-token` (synchronizer token pattern), and a
 * browser's Origin, when sent, must be this host (which also covers sign-in, before any session exists).
 */
export function installAuthHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auth', null);
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    if (request.routeOptions.config.voterEndpoint) {
      if (UNSAFE.has(request.method) && !sameOrigin(request)) throw authErrors.csrfInvalid();
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = await authenticate(deps, token);
    if (UNSAFE.has(request.method)) {
      if (!sameOrigin(request)) throw authErrors.csrfInvalid();
      if (request.auth) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrf_token))
          throw authErrors.csrfInvalid();
      }
    }
  });
}

/** The signed-in staff member, who must have enrolled TOTP when policy requires it (except where allowed). */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw authErrors.unauthenticated();
  if (request.auth.totpEnrolmentRequired && !request.routeOptions.config.allowDuringTotpEnrolment)
    throw authErrors.totpEnrolmentRequired();
  return request.auth;
}
