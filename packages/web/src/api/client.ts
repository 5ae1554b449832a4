import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';
import { currentLang } from '../i18n/i18n';

let csrfToken: string | null = null;

/** Remember the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current session's CSRF token, for requests made outside this client (tus uploads). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLang());
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headers);
