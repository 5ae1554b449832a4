/**
 * The error envelope every endpoint (and the rate limiter, and proxies) may answer with. It is parsed at
 * run time rather than trusted from the generated types, because any path can fail with any status.
 */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

export interface ApiIssue {
  path: string;
  code: string;
  message: LocalizedMessage;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const asLocalized = (v: unknown, fallback: string): LocalizedMessage => {
  if (isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string') return { vi: v.vi, en: v.en };
  if (typeof v === 'string') return { vi: v, en: v };
  return { vi: fallback, en: fallback };
};

const asIssues = (v: unknown): ApiIssue[] =>
  Array.isArray(v)
    ? v.filter(isRecord).map((i) => ({
        path: typeof i.path === 'string' ? i.path : Array.isArray(i.path) ? i.path.join('.') : '',
        code: typeof i.code === 'string' ? i.code : 'invalid',
        message: asLocalized(i.message, typeof i.code === 'string' ? i.code : ''),
      }))
    : [];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: LocalizedMessage | null;
  readonly issues: ApiIssue[];

  constructor(status: number, body: unknown) {
    const code = isRecord(body) && typeof body.code === 'string' ? body.code : `http_${status}`;
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : code;
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = isRecord(body) && 'messages' in body ? asLocalized(body.messages, message) : null;
    this.issues = isRecord(body) ? asIssues(body.issues) : [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export const hasCode = (e: unknown, code: string): boolean => isApiError(e) && e.code === code;

/** Turns an openapi-fetch result into its data, or throws an ApiError built from the error body. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error);
  return data as T;
}
