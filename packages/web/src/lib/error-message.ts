import { isApiError } from '../api/errors';
import type { Lang } from '../i18n/i18n';

/** The server's message in the current language, else the given fallback (network failure, 5xx…). */
export function errorMessage(error: unknown, lang: Lang, fallback: string): string {
  if (isApiError(error) && error.status < 500) {
    return error.messages?.[lang] || error.messages?.vi || fallback;
  }
  return fallback;
}
