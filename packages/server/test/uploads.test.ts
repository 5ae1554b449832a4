import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@clipcontest/core';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/infra/config/config.js';
import type { Deps } from '../src/infra/context.js';
import { createUser } from '../src/modules/accounts/user.service.js';
import type { FinishedUpload, UploadHooks } from '../src/modules/uploads/upload.hooks.js';
import { uploadRoutes } from '../src/modules/uploads/upload.routes.js';
import { createDeps } from '../src/runtime.js';
import { TEST_PASSWORD } from './support/fixtures.js';
import { asUser, sessionFrom, unique, type Session } from './support/harness.js';
import { ffmpegPath, makeTestMp4, mp4Like, sha256 } from './support/media-fixtures.js';

const MIB = 1024 * 1024;
// Its own mount point: the app may already serve the entries module's uploads at /api/uploads.
const ENDPOINT = '/api/test-uploads';
const MAX_ORIGINAL = 64 * MIB;
const FFMPEG = ffmpegPath();
if (!FFMPEG)
  console.warn('uploads.test: no ffmpeg at /usr/bin/ffmpeg (or FFMPEG_PATH): real-MP4 case skipped');

/** The entries module's side, reduced to what the upload module needs from it. */
class TestHooks implements UploadHooks {
  readonly calls: FinishedUpload[] = [];
  failNextComplete = false;
  /** Where "storage" keeps the handed-over files, as the real storage would (it moves them). */
  storedDir = '';

  authorize: UploadHooks['authorize'] = (request, meta) => {
    if (meta.entryId === 'closed-entry')
      return Promise.reject(
        new DomainError('forbidden', 'submission_closed', {
          vi: 'Đã hết hạn nộp bài.',
          en: 'Submissions are closed.',
        }),
      );
    const original = meta.kind === 'original';
    return Promise.resolve({
      entryId: meta.entryId,
      kind: original ? 'original' : 'subtitle',
      maxBytes: original ? MAX_ORIGINAL : 64 * 1024,
      allowedContainers: original ? ['mp4', 'mov', 'webm'] : ['vtt', 'srt'],
      userId: request.auth?.user.id ?? '',
    });
  };

  complete: UploadHooks['complete'] = async (file) => {
    if (this.failNextComplete) {
      this.failNextComplete = false;
      throw new Error('database is busy');
    }
    await copyFile(file.path, join(this.storedDir, file.uploadId));
    this.calls.push(file);
  };

  stored(id: string): Promise<Buffer> {
    return readFile(join(this.storedDir, id));
  }

  callsFor(id: string): FinishedUpload[] {
    return this.calls.filter((c) => c.uploadId === id);
  }
}

interface Started {
  upload: tus.Upload;
  done: Promise<void>;
}

describe('resumable uploads (tus) through the real app', () => {
  let dir: string;
  let uploads: string;
  let deps: Deps & { close(): Promise<void> };
  let app: FastifyInstance;
  let base: string;
  let alice: Session;
  let bob: Session;
  const hooks = new TestHooks();

  const signIn = async (): Promise<Session> => {
    const email = `${unique('uploader')}@test.clipcontest.vn`;
    await createUser(deps, null, { email, name: 'Người tải lên', password: TEST_PASSWORD });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    return sessionFrom(res);
  };

  const start = (data: Buffer, who: Session, options: tus.UploadOptions): Started => {
    let upload: tus.Upload | undefined;
    const done = new Promise<void>((resolve, reject) => {
      upload = new tus.Upload(data, {
        endpoint: `${base}${ENDPOINT}`,
        headers: asUser(who),
        chunkSize: MIB,
        retryDelays: [],
        onSuccess: () => resolve(),
        onError: reject,
        ...options,
      });
    });
    if (!upload) throw new Error('unreachable');
    upload.start();
    return { upload, done };
  };

  const idOf = (url: string | null): string => url?.split('/').pop() ?? '';
  const responseOf = async (p: Promise<void>): Promise<{ status: number; body: string }> => {
    const err: unknown = await p.then(
      () => new Error('the upload should have failed'),
      (e: unknown) => e,
    );
    if (!(err instanceof tus.DetailedError) || !err.originalResponse) throw err;
    return { status: err.originalResponse.getStatus(), body: err.originalResponse.getBody() };
  };

  const tusFetch = (
    path: string,
    init: { method: string; headers?: Record<string, string>; body?: Buffer },
  ) => fetch(`${base}${path}`, { ...init, headers: { 'tus-resumable': '1.0.0', ...init.headers } });

  /** Creates an upload with a raw POST, as alice by default, and returns its path. */
  const create = async (length: number, who: Session = alice): Promise<string> => {
    const res = await tusFetch(ENDPOINT, {
      method: 'POST',
      headers: {
        ...asUser(who),
        'upload-length': String(length),
        'upload-metadata': `entryId ${btoa('entry-raw')},kind ${btoa('original')},filename ${btoa('clip.mp4')}`,
      },
    });
    expect(res.status).toBe(201);
    return res.headers.get('location') ?? '';
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clipcontest-uploads-'));
    uploads = join(dir, 'test-uploads');
    hooks.storedDir = join(dir, 'stored');
    await mkdir(hooks.storedDir);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `sqlite:${join(dir, 'test.db')}`,
      PUBLIC_URL: 'http://clipcontest.test',
      MEDIA_DIR: join(dir, 'media'),
      UPLOAD_DIR: join(dir, 'uploads'),
    });
    deps = await createDeps(config, { log: pino({ level: 'silent' }) });
    app = await buildApp(deps);
    await app.register(uploadRoutes(deps, hooks, { directory: uploads, path: ENDPOINT }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    alice = await signIn();
    bob = await signIn();
  });

  afterAll(async () => {
    await app?.close();
    await deps?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!FFMPEG)('receives a real MP4 whole and hands it over once, with its SHA-256', async () => {
    const source = await readFile(await makeTestMp4(FFMPEG ?? '', dir));
    const meta = { entryId: 'entry-1', kind: 'original', filename: 'Phóng sự Quảng Ngãi.mp4' };
    const { upload, done } = start(source, alice, { metadata: meta });
    await done;
    const id = idOf(upload.url);
    expect(hooks.callsFor(id)).toEqual([
      {
        uploadId: id,
        entryId: 'entry-1',
        kind: 'original',
        filename: 'Phóng sự Quảng Ngãi.mp4',
        path: join(uploads, id),
        size: source.length,
        sha256: sha256(source),
        container: 'mp4',
      },
    ]);
    expect(sha256(await hooks.stored(id))).toBe(sha256(source));
    // The bytes now live in storage; only the upload's small record stays behind.
    expect((await readdir(uploads)).filter((f) => f.startsWith(id))).toEqual([`${id}.json`]);

    // A retried finish (an empty PATCH at the end, then HEAD) answers "done" without recording twice.
    const url = new URL(upload.url ?? '').pathname;
    const patch = await tusFetch(url, {
      method: 'PATCH',
      headers: {
        ...asUser(alice),
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(source.length),
      },
      body: Buffer.alloc(0),
    });
    expect(patch.status).toBe(204);
    const head = await tusFetch(url, { method: 'HEAD', headers: asUser(alice) });
    expect(head.headers.get('upload-offset')).toBe(String(source.length));
    expect(hooks.callsFor(id)).toHaveLength(1);
    const late = await tusFetch(url, { method: 'DELETE', headers: asUser(alice) });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'upload_finished' });
  });

  it('resumes an interrupted upload from where the server stopped, not from zero', async () => {
    const source = mp4Like(6 * MIB + 12_345);
    const meta = { entryId: 'entry-2', kind: 'original', filename: 'clip.mp4' };
    let interrupted!: () => void;
    const aborted = new Promise<void>((resolve) => (interrupted = resolve));
    const first: Started = start(source, alice, {
      metadata: meta,
      onProgress: (sent) => {
        if (sent < 2.5 * MIB) return;
        void first.upload.abort().then(interrupted);
      },
    });
    await aborted;
    const url = first.upload.url;
    expect(url).toBeTruthy();
    expect(hooks.callsFor(idOf(url))).toHaveLength(0);

    let resumedAt: number | undefined;
    let firstPatchAt: number | undefined;
    const second = start(source, alice, {
      uploadUrl: url,
      metadata: meta,
      onAfterResponse: (req, res) => {
        if (req.getMethod() === 'HEAD') resumedAt = Number(res.getHeader('Upload-Offset'));
      },
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'PATCH') firstPatchAt ??= Number(req.getHeader('Upload-Offset'));
      },
    });
    await second.done;
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThan(source.length);
    expect(firstPatchAt).toBe(resumedAt);
    const [call, ...more] = hooks.callsFor(idOf(url));
    expect(more).toEqual([]);
    expect(call).toMatchObject({ size: source.length, sha256: sha256(source), container: 'mp4' });
    expect(sha256(await hooks.stored(idOf(url)))).toBe(sha256(source));
  });

  it('refuses a text file named .mp4 with 415 and removes it', async () => {
    const text = Buffer.from(
      'Biên bản họp ban tổ chức.\nThis is a text file, whatever its name says.\n'.repeat(40),
    );
    const { upload, done } = start(text, alice, {
      metadata: { entryId: 'entry-3', kind: 'original', filename: 'notes.mp4' },
    });
    const res = await responseOf(done);
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual({
      code: 'upload_wrong_type',
      message: 'Tệp không đúng định dạng. Chỉ nhận: MP4, MOV, WEBM.',
      messages: {
        vi: 'Tệp không đúng định dạng. Chỉ nhận: MP4, MOV, WEBM.',
        en: 'This file is not of an accepted type. Accepted: MP4, MOV, WEBM.',
      },
    });
    const id = idOf(upload.url);
    expect(id).not.toBe('');
    expect((await readdir(uploads)).filter((f) => f.startsWith(id))).toEqual([]);
    expect(hooks.callsFor(id)).toEqual([]);
  });

  it('accepts a WebVTT subtitle by content', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào Quảng Ngãi\n');
    const { upload, done } = start(vtt, alice, {
      metadata: { entryId: 'entry-4', kind: 'subtitle', filename: 'phu-de.txt' },
    });
    await done;
    expect(hooks.callsFor(idOf(upload.url))).toMatchObject([{ kind: 'subtitle', container: 'vtt' }]);
  });

  it('refuses an Upload-Length above the entry’s limit with 413, creating nothing', async () => {
    const before = await readdir(uploads);
    const res = await tusFetch(ENDPOINT, {
      method: 'POST',
      headers: {
        ...asUser(alice),
        'accept-language': 'en',
        'upload-length': String(MAX_ORIGINAL + 1),
        'upload-metadata': `entryId ${btoa('entry-5')},kind ${btoa('original')},filename ${btoa('big.mp4')}`,
      },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: 'upload_too_large',
      message: 'The file is too large: at most 64 MB.',
      messages: { vi: 'Tệp quá lớn: tối đa 64 MB.', en: 'The file is too large: at most 64 MB.' },
    });
    expect(await readdir(uploads)).toEqual(before);
  });

  it('passes the entries module’s refusal through, and requires the upload details', async () => {
    const closed = start(Buffer.from('x'), alice, {
      metadata: { entryId: 'closed-entry', kind: 'original', filename: 'late.mp4' },
    });
    const res = await responseOf(closed.done);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'submission_closed' });

    const bare = start(Buffer.from('x'), alice, { metadata: { filename: 'clip.mp4' } });
    const res2 = await responseOf(bare.done);
    expect(res2.status).toBe(400);
    expect(JSON.parse(res2.body)).toMatchObject({ code: 'upload_metadata_invalid' });
  });

  it('lets only the signed-in owner see, continue or cancel an upload, with the CSRF token', async () => {
    const url = await create(100);
    expect(url).toMatch(/^\/api\/test-uploads\/[0-9a-f]{32}$/);
    const patch = (who: Record<string, string>) =>
      tusFetch(url, {
        method: 'PATCH',
        headers: { ...who, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
        body: Buffer.alloc(10),
      });

    expect((await tusFetch(url, { method: 'HEAD' })).status).toBe(401);
    expect((await tusFetch(url, { method: 'HEAD', headers: asUser(bob) })).status).toBe(403);
    const stolen = await patch(asUser(bob));
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject({
      code: 'upload_forbidden',
      messages: { vi: 'Bạn không có quyền với tệp tải lên này.' },
    });
    // The app's CSRF hook guards the hijacked tus routes like every other /api write.
    const forged = await patch({ cookie: alice.cookie });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'csrf_invalid' });
    expect((await tusFetch(url, { method: 'DELETE', headers: asUser(bob) })).status).toBe(403);

    const head = await tusFetch(url, { method: 'HEAD', headers: asUser(alice) });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('0');
    expect(
      (await tusFetch(`${ENDPOINT}/not-an-upload`, { method: 'HEAD', headers: asUser(alice) })).status,
    ).toBe(404);

    expect((await tusFetch(url, { method: 'DELETE', headers: asUser(alice) })).status).toBe(204);
    expect((await readdir(uploads)).filter((f) => url.endsWith(f.replace('.json', '')))).toEqual([]);
  });

  it('answers a PATCH at the wrong offset with 409', async () => {
    const url = await create(100);
    const res = await tusFetch(url, {
      method: 'PATCH',
      headers: { ...asUser(alice), 'content-type': 'application/offset+octet-stream', 'upload-offset': '10' },
      body: Buffer.alloc(10),
    });
    expect(res.status).toBe(409);
    const head = await tusFetch(url, { method: 'HEAD', headers: asUser(alice) });
    expect(head.headers.get('upload-offset')).toBe('0');
  });

  it('finishes on the client’s retry when the hand-over failed, recording once', async () => {
    const source = mp4Like(2 * MIB + 7);
    hooks.failNextComplete = true;
    const { upload, done } = start(source, alice, {
      metadata: { entryId: 'entry-6', kind: 'original', filename: 'clip.mp4' },
      retryDelays: [0],
    });
    await done;
    const calls = hooks.callsFor(idOf(upload.url));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.sha256).toBe(sha256(source));
    expect(hooks.failNextComplete).toBe(false);
  });
});
