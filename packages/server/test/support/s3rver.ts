import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

// s3rver ships no type declarations; this is the slice of its API the tests use.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}) => S3rverInstance;

const require = createRequire(import.meta.url);

/** s3rver only knows this one account; with SigV4 it checks the key id but not the signature. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3 emulator on a free 127.0.0.1 port, backed by a temp folder, with one empty bucket.
 * `storageUrl` is ready for createStorage/S3Storage.fromUrl.
 */
export async function startS3rver(bucket = 'media'): Promise<{
  endpoint: string;
  bucket: string;
  storageUrl: (prefix?: string) => string;
  close(): Promise<void>;
}> {
  const S3rver = require('s3rver') as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), 'clipcontest-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (e) {
    await rm(directory, { recursive: true, force: true });
    throw e;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  const admin = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  try {
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    admin.destroy();
  }
  const { accessKeyId, secretAccessKey } = S3RVER_CREDENTIALS;
  return {
    endpoint,
    bucket,
    storageUrl: (prefix = '') =>
      `s3://${accessKeyId}:${secretAccessKey}@${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}` +
      '&region=us-east-1&forcePathStyle=true',
    async close() {
      try {
        await server.close();
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  };
}
