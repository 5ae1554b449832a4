import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { LengthCheck } from './length-check.js';
import { contentTypeForKey } from './media-types.js';
import {
  ObjectNotFoundError,
  RangeNotSatisfiableError,
  assertValidKey,
  assertValidRange,
} from './storage.js';
import type { Storage, StoredObject } from './storage.js';

const MIB = 1024 * 1024;
/** Above S3's 5 MiB minimum to cut request count; queueSize × partSize (32 MiB) is the buffer per upload. */
const PART_SIZE = 8 * MIB;
const QUEUE_SIZE = 4;
const MAX_PARTS = 10_000;

export interface S3StorageConfig {
  bucket: string;
  /** Prepended to every key, without leading or trailing slash; '' for none. */
  prefix: string;
  client: S3ClientConfig;
}

const KNOWN_PARAMS = new Set(['endpoint', 'region', 'forcePathStyle']);

/**
 * Parses `s3://[key:secret@]bucket[/prefix]?endpoint=…&region=…&forcePathStyle=true`.
 * Without credentials in the URL the SDK's default chain applies: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
 * first, then shared config files and instance/task roles. forcePathStyle defaults to true when an endpoint
 * is given, since S3-compatible servers on a plain host or IP rarely resolve `bucket.host` names.
 */
export function parseS3Url(storageUrl: string): S3StorageConfig {
  let url: URL;
  try {
    url = new URL(storageUrl);
  } catch {
    throw new Error(`STORAGE_URL is not a valid URL: ${redact(storageUrl)}`);
  }
  if (url.protocol !== 's3:') throw new Error(`not an s3:// URL: ${redact(storageUrl)}`);
  const bucket = decodeURIComponent(url.hostname);
  if (!bucket) throw new Error('STORAGE_URL s3:// needs a bucket: s3://bucket/optional/prefix');
  for (const name of url.searchParams.keys()) {
    // A typo such as `forcepathstyle` would otherwise be silently ignored and fail much later.
    if (!KNOWN_PARAMS.has(name)) {
      throw new Error(`unknown STORAGE_URL parameter "${name}" (known: ${[...KNOWN_PARAMS].join(', ')})`);
    }
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  const pathStyle = url.searchParams.get('forcePathStyle');
  if (pathStyle !== null && !['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new Error(`STORAGE_URL forcePathStyle must be true or false, got "${pathStyle}"`);
  }
  const forcePathStyle =
    pathStyle === null ? endpoint !== undefined : pathStyle === 'true' || pathStyle === '1';
  const region = url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1';
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix) assertValidKey(prefix);

  const client: S3ClientConfig = { region, forcePathStyle };
  if (endpoint !== undefined) client.endpoint = endpoint;
  if (url.username || url.password) {
    if (!url.username || !url.password) {
      throw new Error('STORAGE_URL credentials need both parts: s3://ACCESS_KEY_ID:SECRET@bucket');
    }
    client.credentials = {
      accessKeyId: decodeURIComponent(url.username),
      secretAccessKey: decodeURIComponent(url.password),
    };
  }
  return { bucket, prefix, client };
}

/** For error messages: a STORAGE_URL may carry a secret. */
function redact(storageUrl: string): string {
  return storageUrl.replace(/\/\/[^@/]*@/, '//***@');
}

function isNotFound(e: unknown): boolean {
  return (
    e instanceof S3ServiceException &&
    (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)
  );
}

function isInvalidRange(e: unknown): boolean {
  return e instanceof S3ServiceException && (e.name === 'InvalidRange' || e.$metadata.httpStatusCode === 416);
}

/** S3 ETags arrive quoted; StoredObject carries the bare value on every backend. */
function bareEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^(W\/)?"(.*)"$/, '$2');
}

/** Objects in an S3-compatible bucket, for the distributed shape. */
export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.prefix = config.prefix;
    this.client = new S3Client(config.client);
  }

  static fromUrl(storageUrl: string): S3Storage {
    return new S3Storage(parseS3Url(storageUrl));
  }

  async putFile(key: string, localPath: string, opts: { contentType?: string } = {}): Promise<StoredObject> {
    const objectKey = this.objectKey(key);
    let source: Stats;
    try {
      source = await stat(localPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      // A retry after the upload succeeded and the source was already removed.
      const existing = await this.stat(key);
      if (existing) return existing;
      throw new Error(`putFile source missing and ${key} not stored: ${localPath}`, { cause: e });
    }
    if (!source.isFile()) throw new Error(`putFile source is not a regular file: ${localPath}`);
    const stored = await this.upload(
      key,
      objectKey,
      createReadStream(localPath),
      source.size,
      opts.contentType,
    );
    // Only after the upload completed: a crash before this line leaves the source for the retry.
    try {
      await unlink(localPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    return stored;
  }

  async put(
    key: string,
    body: Buffer | NodeJS.ReadableStream,
    opts: { contentType?: string; size?: number } = {},
  ): Promise<StoredObject> {
    const objectKey = this.objectKey(key);
    if (Buffer.isBuffer(body) && opts.size !== undefined && body.length !== opts.size) {
      throw new Error(`body is ${body.length} bytes, declared size ${opts.size}`);
    }
    return this.upload(key, objectKey, body, opts.size, opts.contentType);
  }

  async get(
    key: string,
    range?: { start: number; end?: number },
  ): Promise<{ body: NodeJS.ReadableStream; size: number; contentType?: string }> {
    const objectKey = this.objectKey(key);
    if (range) assertValidRange(range);
    let res;
    try {
      res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
        }),
      );
    } catch (e) {
      if (isNotFound(e)) throw new ObjectNotFoundError(key);
      if (isInvalidRange(e)) {
        // A 416 does not reliably carry the object's size, and the caller needs it for `bytes */size`.
        const st = await this.stat(key);
        if (!st) throw new ObjectNotFoundError(key);
        throw new RangeNotSatisfiableError(key, st.size);
      }
      throw e;
    }
    if (!(res.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node.js stream body');
    const size = range ? totalFromContentRange(res.ContentRange) : res.ContentLength;
    if (size === undefined) {
      res.Body.destroy();
      throw new Error(`S3 GetObject for ${key} did not report the object size`);
    }
    return {
      body: res.Body,
      size,
      ...(res.ContentType !== undefined ? { contentType: res.ContentType } : {}),
    };
  }

  async stat(key: string): Promise<StoredObject | null> {
    const objectKey = this.objectKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      const etag = bareEtag(res.ETag);
      return {
        key,
        size: res.ContentLength ?? 0,
        ...(etag !== undefined ? { etag } : {}),
        ...(res.ContentType !== undefined ? { contentType: res.ContentType } : {}),
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a missing key too, which is the contract we want.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  /** Closes the client's sockets; for shutdown and tests. */
  destroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private async upload(
    key: string,
    objectKey: string,
    body: Buffer | NodeJS.ReadableStream,
    size: number | undefined,
    contentType: string | undefined,
  ): Promise<StoredObject> {
    const type = contentType ?? contentTypeForKey(key);
    // Counting inside the stream gives the stored size without a HEAD afterwards, and a short or long body
    // errors the stream so Upload aborts instead of completing a wrong object.
    let payload: Buffer | LengthCheck;
    if (Buffer.isBuffer(body)) {
      payload = body;
    } else {
      payload = new LengthCheck(size);
      pipeline(body, payload, () => {
        // Errors surface through the LengthCheck, which Upload is reading.
      });
    }
    const upload = new Upload({
      client: this.client,
      queueSize: QUEUE_SIZE,
      partSize: size === undefined ? PART_SIZE : Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS)),
      params: {
        Bucket: this.bucket,
        Key: objectKey,
        Body: payload,
        ContentType: type,
      },
    });
    let result;
    try {
      result = await upload.done();
    } catch (e) {
      if (payload instanceof LengthCheck) {
        // When the body failed (short, long, source error) that is the real cause. Upload then aborts the
        // multipart upload, and if the abort itself fails (s3rver has no AbortMultipartUpload; a network
        // blip on real S3) its error would otherwise hide the body's. A lifecycle rule on the bucket
        // (AbortIncompleteMultipartUpload) collects parts left behind that way.
        const bodyError = payload.errored;
        // Stop reading the source (and release a file descriptor) when the upload itself failed.
        payload.destroy();
        if (bodyError && bodyError !== e) {
          if (bodyError.cause === undefined) bodyError.cause = e;
          throw bodyError;
        }
      }
      throw e;
    }
    const etag = bareEtag(result.ETag);
    return {
      key,
      size: payload instanceof LengthCheck ? payload.bytes : payload.length,
      ...(etag !== undefined ? { etag } : {}),
      contentType: type,
    };
  }
}

/** `bytes 100-199/12345` → 12345. */
function totalFromContentRange(contentRange: string | undefined): number | undefined {
  const m = contentRange ? /\/(\d+)\s*$/.exec(contentRange) : null;
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}
