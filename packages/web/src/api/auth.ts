import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { isApiError, unwrap } from './errors';
import type { Session, SignInBody } from './types';

export const SESSION_KEY = ['session'] as const;

export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        const session = await unwrap(api.GET('/api/auth/session', { signal }));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (e) {
        if (isApiError(e) && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });

/** Puts a fresh session (or none) in the cache, dropping whatever the previous user could see. */
export function rememberSession(client: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' && q.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, session);
}

export const signIn = (body: SignInBody) => unwrap(api.POST('/api/auth/sign-in', { body }));

export const signOut = () => unwrap(api.POST('/api/auth/sign-out'));

export const totpSetupQuery = () =>
  queryOptions({
    queryKey: ['totp-setup'],
    queryFn: () => unwrap(api.POST('/api/auth/totp/setup')),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

export const confirmTotp = (code: string) => unwrap(api.POST('/api/auth/totp/confirm', { body: { code } }));

export const requestPasswordReset = (email: string) =>
  unwrap(api.POST('/api/auth/password-reset/request', { body: { email } }));

export const confirmPasswordReset = (token: string, password: string) =>
  unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token, password } }));
