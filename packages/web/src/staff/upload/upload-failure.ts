import type { LocalizedMessage } from '../../api/errors';

/** What went wrong with an upload, in terms a person can act on. */
export type UploadFailureKind =
  | 'too_large'
  | 'wrong_type'
  | 'offset_mismatch'
  | 'checksum'
  | 'signed_out'
  | 'forbidden'
  | 'network'
  | 'server'
  | 'other';

export interface UploadFailure {
  kind: UploadFailureKind;
  /** HTTP status, 0 when no answer came back (network loss). */
  status: number;
  code: string | null;
  /** The server's own explanation (`{ code, messages }` bodies), preferred over ours when present. */
  server: LocalizedMessage | null;
}

interface ResponseLike {
  getStatus(): number;
  getBody(): string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function responseOf(error: unknown): ResponseLike | null {
  if (!isRecord(error)) return null;
  const res = error.originalResponse;
  if (!isRecord(res) || typeof res.getStatus !== 'function' || typeof res.getBody !== 'function') return null;
  return res as unknown as ResponseLike;
}

function parseBody(body: string): { code: string | null; server: LocalizedMessage | null } {
  try {
    const json: unknown = JSON.parse(body);
    if (!isRecord(json)) return { code: null, server: null };
    const code = typeof json.code === 'string' ? json.code : null;
    const m = json.messages;
    const server =
      isRecord(m) && typeof m.vi === 'string' && typeof m.en === 'string' ? { vi: m.vi, en: m.en } : null;
    return { code, server };
  } catch {
    return { code: null, server: null };
  }
}

const KIND_OF_STATUS: Record<number, UploadFailureKind> = {
  401: 'signed_out',
  403: 'forbidden',
  409: 'offset_mismatch',
  413: 'too_large',
  415: 'wrong_type',
  460: 'checksum',
};

const KIND_OF_CODE: Record<string, UploadFailureKind> = {
  upload_too_large: 'too_large',
  upload_wrong_type: 'wrong_type',
  upload_forbidden: 'forbidden',
  unauthenticated: 'signed_out',
};

/** Classifies a tus-js-client error (a DetailedError carrying the response, or a plain network error). */
export function classifyUploadError(error: unknown): UploadFailure {
  const res = responseOf(error);
  const status = res ? res.getStatus() : 0;
  if (!res || status === 0) return { kind: 'network', status: 0, code: null, server: null };
  const { code, server } = parseBody(res.getBody());
  const kind =
    (code ? KIND_OF_CODE[code] : undefined) ?? KIND_OF_STATUS[status] ?? (status >= 500 ? 'server' : 'other');
  return { kind, status, code, server };
}

/** A refusal that sending the same bytes again cannot change. */
export const isFinalFailure = (f: UploadFailure | null): boolean =>
  f !== null && (f.kind === 'too_large' || f.kind === 'wrong_type' || f.kind === 'forbidden');

/** Whether tus should try the request again: network loss (while online), 5xx, 409 offset mismatch, 423. */
export function shouldRetryUpload(failure: UploadFailure, online: boolean): boolean {
  if (!online) return false;
  if (failure.kind === 'network' || failure.status >= 500 || failure.status === 423) return true;
  return failure.status === 409 && failure.code === null;
}

interface Sample {
  at: number;
  bytes: number;
}

/** Upload speed over the last few seconds, and the time left at that speed. */
export class SpeedMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 5000) {}

  reset(): void {
    this.samples = [];
  }

  add(bytes: number, at: number): void {
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > this.windowMs) this.samples.shift();
  }

  /** Bytes per second, or null until there is enough to tell. */
  speed(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 500) return null;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }

  /** Seconds left for `remaining` bytes, or null when the speed is unknown or zero. */
  secondsLeft(remaining: number): number | null {
    const s = this.speed();
    return s && s > 0 ? remaining / s : null;
  }
}
