import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, basename, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LengthCheck } from './length-check.js';
import { contentTypeForKey } from './media-types.js';
import {
  META_SUFFIX,
  ObjectNotFoundError,
  RangeNotSatisfiableError,
  assertValidKey,
  assertValidRange,
} from './storage.js';
import type { Storage, StoredObject } from './storage.js';

interface Meta {
  contentType?: string;
}

function errorCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** ENOTDIR too: key `a/b` when `a` is a file is as missing as a plain ENOENT. */
function isMissing(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
}

/**
 * Objects as plain files under a root folder, for the single-machine shape.
 *
 * Content type: an explicit `contentType` is kept in a `<file>.meta.json` sidecar (so whatever the uploader
 * declared survives); without one it is derived from the key's extension at read time, and any old sidecar
 * is removed so a rewrite never reports a stale type. Every write lands in a temp file in the target's own
 * folder (same filesystem, so the final rename is atomic) and a reader sees the old object or the new one,
 * never part of one.
 */
export class LocalDiskStorage implements Storage {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(root = './data/media') {
    this.root = resolve(root);
  }

  async putFile(key: string, localPath: string, opts: { contentType?: string } = {}): Promise<StoredObject> {
    const target = this.pathFor(key);
    let source: Stats;
    try {
      source = await stat(localPath);
    } catch (e) {
      if (isMissing(e)) return this.alreadyMoved(key, localPath, opts.contentType, e);
      throw e;
    }
    if (!source.isFile()) throw new Error(`putFile source is not a regular file: ${localPath}`);

    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(localPath, target);
    } catch (e) {
      if (errorCode(e) !== 'EXDEV') throw e;
      // Another filesystem (e.g. the tus volume is a separate mount): copy next to the target, make it
      // durable, publish it with a rename, and only then let go of the source.
      await this.writeAtomically(target, async (tmp) => {
        await copyFile(localPath, tmp);
      });
      await unlinkIfPresent(localPath);
    }
    await this.writeMeta(target, opts.contentType);
    return this.statOrThrow(key);
  }

  async put(
    key: string,
    body: Buffer | NodeJS.ReadableStream,
    opts: { contentType?: string; size?: number } = {},
  ): Promise<StoredObject> {
    const target = this.pathFor(key);
    if (Buffer.isBuffer(body) && opts.size !== undefined && body.length !== opts.size) {
      throw new Error(`body is ${body.length} bytes, declared size ${opts.size}`);
    }
    await mkdir(dirname(target), { recursive: true });
    await this.writeAtomically(target, async (tmp) => {
      if (Buffer.isBuffer(body)) {
        await writeFile(tmp, body);
      } else {
        await pipeline(body, new LengthCheck(opts.size), createWriteStream(tmp));
      }
    });
    await this.writeMeta(target, opts.contentType);
    return this.statOrThrow(key);
  }

  async get(
    key: string,
    range?: { start: number; end?: number },
  ): Promise<{ body: NodeJS.ReadableStream; size: number; contentType?: string }> {
    const path = this.pathFor(key);
    if (range) assertValidRange(range);
    // Open first and fstat the open handle: size and bytes then come from the same file even if the key
    // is replaced (renamed over) meanwhile.
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (e) {
      if (isMissing(e)) throw new ObjectNotFoundError(key);
      throw e;
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new ObjectNotFoundError(key);
      const size = st.size;
      if (range && range.start >= size) throw new RangeNotSatisfiableError(key, size);
      const contentType = await this.readContentType(key, path);
      // The stream owns the handle from here and closes it when it ends or is destroyed.
      const body = handle.createReadStream(
        range ? { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) } : {},
      );
      return { body, size, contentType };
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    const path = this.pathFor(key);
    let st: Stats;
    try {
      st = await stat(path);
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    if (!st.isFile()) return null;
    const contentType = await this.readContentType(key, path);
    return {
      key,
      size: st.size,
      // Same recipe as common static file servers: changes whenever a rename publishes new bytes.
      etag: `${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}`,
      contentType,
    };
  }

  async delete(key: string): Promise<void> {
    const path = this.pathFor(key);
    // Empty folders are left behind on purpose: removing them races with a concurrent put into the same
    // folder (mkdir, then rmdir by us, then its temp file has nowhere to go).
    await unlinkIfPresent(path);
    await unlinkIfPresent(path + META_SUFFIX);
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    const path = join(this.root, ...key.split('/'));
    // Belt and braces: assertValidKey already forbids every way out of the root.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key escapes the root: ${key}`);
    return path;
  }

  /** A retried putFile after the move already happened: the source is gone but the object is there. */
  private async alreadyMoved(
    key: string,
    localPath: string,
    contentType: string | undefined,
    cause: unknown,
  ): Promise<StoredObject> {
    const existing = await this.stat(key);
    if (!existing) {
      throw new Error(`putFile source missing and ${key} not stored: ${localPath}`, { cause });
    }
    // The crash may have come between the data rename and the sidecar write.
    await this.writeMeta(this.pathFor(key), contentType);
    return (await this.stat(key)) ?? existing;
  }

  private async statOrThrow(key: string): Promise<StoredObject> {
    const st = await this.stat(key);
    // Only possible when a concurrent delete won the race.
    if (!st) throw new ObjectNotFoundError(key);
    return st;
  }

  /** Writes through a temp file in the target's folder, fsyncs it, then renames it into place. */
  private async writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await write(tmp);
      // Without the fsync a crash right after the rename can leave a published but empty file.
      const fh = await open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, target);
    } catch (e) {
      await unlinkIfPresent(tmp);
      throw e;
    }
  }

  private async writeMeta(target: string, contentType: string | undefined): Promise<void> {
    if (contentType === undefined) {
      await unlinkIfPresent(target + META_SUFFIX);
      return;
    }
    const meta: Meta = { contentType };
    await this.writeAtomically(target + META_SUFFIX, (tmp) => writeFile(tmp, JSON.stringify(meta)));
  }

  private async readContentType(key: string, path: string): Promise<string> {
    let text: string;
    try {
      text = await readFile(path + META_SUFFIX, 'utf8');
    } catch (e) {
      if (isMissing(e)) return contentTypeForKey(key);
      throw e;
    }
    try {
      const meta = JSON.parse(text) as Meta;
      if (typeof meta.contentType === 'string') return meta.contentType;
    } catch {
      // Sidecars are written atomically, so this is hand-editing or disk trouble; serving the object with
      // the extension's type beats failing every read of it.
    }
    return contentTypeForKey(key);
  }
}
