/** A text in both languages the product speaks. Vietnamese is the default. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export type DomainErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited';

/** One field-level problem, e.g. `{ path: 'rounds.0.quota', code: 'too_small' }`. */
export interface FieldIssue {
  path: string;
  code: string;
  message: LocalizedText;
}

/**
 * The one error type the server maps to a 4xx. `code` is stable (clients and tests key on it);
 * `message` is shown to people, in their language.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly localized: LocalizedText;
  readonly issues: readonly FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: DomainErrorKind,
    code: string,
    message: LocalizedText,
    extra: { issues?: readonly FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message.en);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.localized = message;
    this.issues = extra.issues ?? [];
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
