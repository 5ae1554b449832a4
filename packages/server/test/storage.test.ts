import { createHash, randomBytes } from 'node:crypto';
import { access, mkdtemp, readdir, rm, stat as fsStat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../src/infra/storage/create-storage.js';
import { LocalDiskStorage } from '../src/infra/storage/local-disk.storage.js';
import { S3Storage, parseS3Url } from '../src/infra/storage/s3.storage.js';
import { ObjectNotFoundError, RangeNotSatisfiableError } from '../src/infra/storage/storage.js';
import type { Storage } from '../src/infra/storage/storage.js';
import { startS3rver } from './support/s3rver.js';

const MIB = 1024 * 1024;

async function readAll(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

interface Backend {
  name: string;
  /** Starts the backend; the returned cleanup stops it and removes everything it wrote. */
  setup(): Promise<{ storage: Storage; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'local disk',
    async setup() {
      const root = await mkdtemp(join(tmpdir(), 'clipcontest-media-'));
      return {
        storage: new LocalDiskStorage(root),
        cleanup: () => rm(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 's3 (s3rver)',
    async setup() {
      const s3 = await startS3rver();
      // A prefix, so the prefix handling is exercised by every test below.
      const storage = S3Storage.fromUrl(s3.storageUrl('clips'));
      return {
        storage,
        cleanup: async () => {
          storage.destroy();
          await s3.close();
        },
      };
    },
  },
];

describe.each(backends)('storage: $name', (backend) => {
  let storage: Storage;
  let cleanup: (() => Promise<void>) | undefined;
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'clipcontest-scratch-'));
    ({ storage, cleanup } = await backend.setup());
  });

  afterAll(async () => {
    await cleanup?.();
    await rm(scratch, { recursive: true, force: true });
  });

  it('round-trips a buffer with its content type', async () => {
    const data = randomBytes(4096);
    const put = await storage.put('entries/a/poster.bin', data, { contentType: 'image/jpeg' });
    expect(put).toMatchObject({ key: 'entries/a/poster.bin', size: 4096, contentType: 'image/jpeg' });

    const got = await storage.get('entries/a/poster.bin');
    expect(got.size).toBe(4096);
    expect(got.contentType).toBe('image/jpeg');
    expect((await readAll(got.body)).equals(data)).toBe(true);

    const st = await storage.stat('entries/a/poster.bin');
    expect(st).toMatchObject({ key: 'entries/a/poster.bin', size: 4096, contentType: 'image/jpeg' });
    expect(st?.etag).toBeTruthy();
  });

  it('derives the content type from the extension when none is given, and overwrites', async () => {
    await storage.put('entries/b/web.mp4', Buffer.from('old'), { contentType: 'application/x-old' });
    await storage.put('entries/b/web.mp4', Buffer.from('new!'));
    const got = await storage.get('entries/b/web.mp4');
    expect(got.contentType).toBe('video/mp4');
    expect((await readAll(got.body)).toString()).toBe('new!');
    // Both backends report the same type for bytes of unknown kind.
    expect((await storage.put('entries/b/blob', Buffer.from('?'))).contentType).toBe(
      'application/octet-stream',
    );
    expect((await storage.stat('entries/b/blob'))?.contentType).toBe('application/octet-stream');
  });

  it('stores a stream and checks a declared size', async () => {
    const data = randomBytes(70_000);
    const put = await storage.put(
      'entries/c/stream.bin',
      Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
      {
        size: data.length,
      },
    );
    expect(put.size).toBe(data.length);
    expect((await readAll((await storage.get('entries/c/stream.bin')).body)).equals(data)).toBe(true);

    // A body shorter than declared (a dropped client, say) must not become an object.
    await expect(
      storage.put('entries/c/short.bin', Readable.from([randomBytes(10)]), { size: 11 }),
    ).rejects.toThrow(/declared size/);
    expect(await storage.stat('entries/c/short.bin')).toBeNull();

    // Same past the part size, where S3 has already uploaded parts and must abort the multipart upload.
    const big = randomBytes(10 * MIB);
    await expect(
      storage.put(
        'entries/c/short-big.bin',
        Readable.from([big.subarray(0, 5 * MIB), big.subarray(5 * MIB)]),
        {
          size: 12 * MIB,
        },
      ),
    ).rejects.toThrow(/declared size/);
    expect(await storage.stat('entries/c/short-big.bin')).toBeNull();
    await expect(
      storage.put('entries/c/long.bin', Readable.from([randomBytes(12)]), { size: 11 }),
    ).rejects.toThrow(/declared size/);
    expect(await storage.stat('entries/c/long.bin')).toBeNull();
  });

  it('moves a 12 MiB file in (multipart on S3), byte-identical, and is idempotent', async () => {
    const data = randomBytes(12 * MIB);
    const source = join(scratch, 'upload.bin');
    await writeFile(source, data);

    const put = await storage.putFile('entries/d/original.mp4', source);
    expect(put).toMatchObject({ key: 'entries/d/original.mp4', size: data.length, contentType: 'video/mp4' });
    expect(await exists(source)).toBe(false);

    const got = await storage.get('entries/d/original.mp4');
    expect(got.size).toBe(data.length);
    expect(sha256(await readAll(got.body))).toBe(sha256(data));

    // A retried job after the move: the source is gone, the object is there.
    const again = await storage.putFile('entries/d/original.mp4', source);
    expect(again.size).toBe(data.length);

    await expect(storage.putFile('entries/d/never.mp4', join(scratch, 'missing.bin'))).rejects.toThrow(
      /source missing/,
    );
  });

  it('serves byte ranges', async () => {
    const data = randomBytes(1000);
    await storage.put('entries/e/clip.bin', data);

    const mid = await storage.get('entries/e/clip.bin', { start: 100, end: 199 });
    expect(mid.size).toBe(1000);
    const midBytes = await readAll(mid.body);
    expect(midBytes.length).toBe(100);
    expect(midBytes.equals(data.subarray(100, 200))).toBe(true);

    const tail = await storage.get('entries/e/clip.bin', { start: 900 });
    expect(tail.size).toBe(1000);
    expect((await readAll(tail.body)).equals(data.subarray(900))).toBe(true);

    // HTTP clamps an end past the last byte.
    const clamped = await storage.get('entries/e/clip.bin', { start: 990, end: 5000 });
    expect((await readAll(clamped.body)).equals(data.subarray(990))).toBe(true);

    const unsatisfiable = storage.get('entries/e/clip.bin', { start: 1000 });
    await expect(unsatisfiable).rejects.toBeInstanceOf(RangeNotSatisfiableError);
    await expect(unsatisfiable).rejects.toMatchObject({ size: 1000 });
  });

  it('reports missing objects', async () => {
    expect(await storage.stat('entries/missing/original.mp4')).toBeNull();
    await expect(storage.get('entries/missing/original.mp4')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('deletes, and deleting a missing key is fine', async () => {
    await storage.put('entries/f/poster.jpg', randomBytes(10));
    await storage.delete('entries/f/poster.jpg');
    expect(await storage.stat('entries/f/poster.jpg')).toBeNull();
    await storage.delete('entries/f/poster.jpg');
    await storage.delete('entries/never/was.jpg');
  });

  it.each([
    '../escape.mp4',
    'entries/../../etc/passwd',
    'entries/..',
    '/abs/key.mp4',
    'entries\\x.mp4',
    '',
    'a//b',
  ])('rejects the key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    await expect(storage.stat(key)).rejects.toThrow(/invalid storage key/);
    await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
  });
});

describe('local disk specifics', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'clipcontest-media-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('leaves no temp files behind and keeps the content type in a sidecar', async () => {
    const storage = new LocalDiskStorage(root);
    await storage.put('entries/x/original', Buffer.from('abc'), { contentType: 'video/quicktime' });
    expect((await readdir(join(root, 'entries/x'))).sort()).toEqual(['original', 'original.meta.json']);
    expect((await storage.stat('entries/x/original'))?.contentType).toBe('video/quicktime');
    await storage.delete('entries/x/original');
    expect(await readdir(join(root, 'entries/x'))).toEqual([]);
  });

  // tmpfs at /dev/shm is usually another filesystem than the temp dir, which forces the EXDEV copy path.
  const shm = '/dev/shm';
  it('falls back to copy + unlink across filesystems', async (ctx) => {
    const [shmStat, rootStat] = await Promise.all([fsStat(shm).catch(() => null), fsStat(root)]);
    if (!shmStat || shmStat.dev === rootStat.dev) {
      ctx.skip();
      return;
    }
    const dir = await mkdtemp(join(shm, 'clipcontest-'));
    try {
      const data = randomBytes(100_000);
      const source = join(dir, 'upload.bin');
      await writeFile(source, data);
      const storage = new LocalDiskStorage(root);
      await storage.putFile('entries/y/original.mp4', source);
      expect(await exists(source)).toBe(false);
      expect((await readAll((await storage.get('entries/y/original.mp4')).body)).equals(data)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('createStorage', () => {
  it('picks the backend from STORAGE_URL', () => {
    const fallback = createStorage(undefined, '/srv/media');
    expect(fallback.kind).toBe('local');
    expect((fallback as LocalDiskStorage).root).toBe('/srv/media');
    expect(createStorage('', '/srv/media').kind).toBe('local');
    expect((createStorage(pathToFileURL('/data/m').href, '/x') as LocalDiskStorage).root).toBe('/data/m');
    expect((createStorage('/data/plain', '/x') as LocalDiskStorage).root).toBe('/data/plain');
    const s3 = createStorage('s3://bucket/pre/fix?region=eu-west-1', '/x');
    expect(s3.kind).toBe('s3');
    expect(s3).toMatchObject({ bucket: 'bucket', prefix: 'pre/fix' });
    (s3 as S3Storage).destroy();
    expect(() => createStorage('https://example.com/media', '/x')).toThrow(/unsupported STORAGE_URL scheme/);
  });

  it('parses S3 URLs', () => {
    const cfg = parseS3Url('s3://AK%2B:se%2Fcret@media?endpoint=http://127.0.0.1:4569&region=us-east-1');
    expect(cfg).toMatchObject({
      bucket: 'media',
      prefix: '',
      client: {
        endpoint: 'http://127.0.0.1:4569',
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AK+', secretAccessKey: 'se/cret' },
      },
    });
    expect(parseS3Url('s3://media/a/b/').client.forcePathStyle).toBe(false);
    expect(parseS3Url('s3://media/a/b/').client.credentials).toBeUndefined();
    expect(() => parseS3Url('s3://media?forcepathstyle=true')).toThrow(/unknown STORAGE_URL parameter/);
    expect(() => parseS3Url('s3://media/a%5Cb')).toThrow(/invalid storage key/);
  });
});
