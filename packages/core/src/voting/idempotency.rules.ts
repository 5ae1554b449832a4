/**
 * `Idempotency-Key` semantics for votes: the first request with a key decides; a replay with the same key
 * and the same request gets the first answer again; the same key on a different request is refused.
 */
import { DomainError } from '../errors.js';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key))
    throw new DomainError('bad_request', 'idempotency_key_invalid', {
      vi: 'Idempotency-Key phải gồm 8–128 ký tự chữ, số hoặc _.:-',
      en: 'Idempotency-Key must be 8–128 letters, digits or _.:-',
    });
}

export interface StoredIdempotent {
  requestHash: string;
  statusCode: number;
  responseJson: string;
}

/** What a replay answers: the stored response, or a conflict when the key was used for another request. */
export function replayOf(stored: StoredIdempotent, requestHash: string): { status: number; body: unknown } {
  if (stored.requestHash !== requestHash)
    throw new DomainError('conflict', 'idempotency_key_reused', {
      vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      en: 'This Idempotency-Key was already used for a different request.',
    });
  return { status: stored.statusCode, body: JSON.parse(stored.responseJson) as unknown };
}
