import { fileURLToPath } from 'node:url';
import { LocalDiskStorage } from './local-disk.storage.js';
import { S3Storage } from './s3.storage.js';
import type { Storage } from './storage.js';

/**
 * Picks the backend from STORAGE_URL: unset (or empty) → local disk under `localRoot`; `file:` URL or plain
 * path → local disk there; `s3://` → S3-compatible object storage.
 */
export function createStorage(storageUrl: string | undefined, localRoot: string): Storage {
  const value = storageUrl?.trim();
  if (!value) return new LocalDiskStorage(localRoot);
  if (value.startsWith('s3://')) return S3Storage.fromUrl(value);
  if (value.startsWith('file:')) return new LocalDiskStorage(fileURLToPath(value));
  // Anything with a scheme is a URL we do not support (s3a://, https://, gs://…); everything else a path.
  // Two letters or more so a Windows drive (C:\…) still reads as a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(value);
  if (scheme) {
    throw new Error(
      `unsupported STORAGE_URL scheme "${scheme[1]}:"; use s3://bucket/prefix?endpoint=…, a file: URL or a path`,
    );
  }
  return new LocalDiskStorage(value);
}
