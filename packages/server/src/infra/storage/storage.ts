export interface StoredObject {
  key: string;
  size: number;
  /** Opaque validator without surrounding quotes; changes whenever the object's bytes may have changed. */
  etag?: string;
  contentType?: string;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  /** Moves (or uploads then deletes) a finished local file into storage under `key`. Idempotent for the same key. */
  putFile(key: string, localPath: string, opts?: { contentType?: string }): Promise<StoredObject>;
  /** `size`, when given, is checked: a body of another length is rejected and nothing is stored. */
  put(
    key: string,
    body: Buffer | NodeJS.ReadableStream,
    opts?: { contentType?: string; size?: number },
  ): Promise<StoredObject>;
  /**
   * `range` is inclusive byte offsets like HTTP Range; returns the stream and the size of the whole object.
   * An `end` past the last byte is clamped (as HTTP does). Throws ObjectNotFoundError when the key is missing
   * and RangeNotSatisfiableError when `start` is at or past the end of the object.
   */
  get(
    key: string,
    range?: { start: number; end?: number },
  ): Promise<{ body: NodeJS.ReadableStream; size: number; contentType?: string }>;
  stat(key: string): Promise<StoredObject | null>;
  /** No error when missing. */
  delete(key: string): Promise<void>;
}

/** A get of a key that is not stored: the HTTP layer answers 404. */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`storage object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** A range starting at or past the end of the object: the HTTP layer answers 416 with `bytes *\/size`. */
export class RangeNotSatisfiableError extends Error {
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`range not satisfiable for ${key} (size ${size})`);
    this.name = 'RangeNotSatisfiableError';
  }
}

/** Suffix of the local-disk content-type sidecars; reserved on every backend so keys stay portable. */
export const META_SUFFIX = '.meta.json';

/**
 * Keys are chosen by the app, never taken from users, so a bad one is a programming error and throws.
 * The rules keep a key meaning the same thing as an S3 key and as a path under the local root: no escaping
 * the root, no segments that path normalisation would rewrite, nothing Windows would read as a separator.
 */
export function assertValidKey(key: string): void {
  const fail = (why: string): never => {
    throw new Error(`invalid storage key ${JSON.stringify(key)}: ${why}`);
  };
  if (key.length === 0) fail('empty');
  if (key.startsWith('/')) fail('must be relative');
  if (key.includes('\\')) fail('backslashes are not allowed');
  // Control characters (NUL above all) are refused by filesystems or mangled in URLs.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) fail('control characters are not allowed');
  for (const segment of key.split('/')) {
    if (segment === '') fail('empty path segments are not allowed');
    if (segment === '.' || segment === '..') fail('"." and ".." segments are not allowed');
  }
  if (key.endsWith(META_SUFFIX)) fail(`the ${META_SUFFIX} suffix is reserved`);
}

/** Checks a get range up front so both backends reject the same programming errors the same way. */
export function assertValidRange(range: { start: number; end?: number }): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new Error(`invalid range start ${start}`);
  }
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new Error(`invalid range end ${end} (start ${start})`);
  }
}
