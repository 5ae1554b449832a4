import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool, ToolError } from '../src/infra/media/ffmpeg.runner.js';
import { MEDIA_WORK_ROOT } from '../src/infra/media/media-workspace.js';
import { entryUploadHooks } from '../src/modules/entries/entry-media.service.js';
import { analyzeMedia } from '../src/modules/media/media-pipeline.service.js';
import { privateDatabaseUrl } from './support/databases.js';
import { declarationsOf, teamIn } from './support/entry-fixtures.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness } from './support/harness.js';
import { ffmpegPath, makeTestMp4 } from './support/media-fixtures.js';
import { waitFor } from './support/queue-fixtures.js';

const FFMPEG = ffmpegPath();
const BIN = fileURLToPath(new URL('../bin/clipcontest.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Processes whose command line contains `marker` (ffmpeg names its input and work directory there). */
const processesWith = (marker: string): string[] =>
  execFileSync('ps', ['-eo', 'pid,args'])
    .toString()
    .split('\n')
    .filter((l) => l.includes(marker) && !/\bps -eo\b/.test(l));

describe.skipIf(!FFMPEG)('ffmpeg runner', () => {
  const endless = (marker: string) => [
    ...['-hide_banner', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=5'],
    ...['-t', '600', '-metadata', `comment=${marker}`, '-f', 'null', '-'],
  ];

  it('kills ffmpeg (the whole process group) on abort, leaving no process', async () => {
    const marker = unique('abort');
    const ac = new AbortController();
    const running = runTool(FFMPEG ?? '', endless(marker), { signal: ac.signal, timeoutMs: 60_000 });
    await waitFor(() => processesWith(marker).length > 0, 5_000);
    ac.abort();
    await expect(running).rejects.toMatchObject({ reason: 'aborted' });
    await waitFor(() => processesWith(marker).length === 0, 2_000);
  });

  it('kills ffmpeg on timeout and reports it as such', async () => {
    const marker = unique('timeout');
    const err: unknown = await runTool(FFMPEG ?? '', endless(marker), { timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).reason).toBe('timeout');
    await waitFor(() => processesWith(marker).length === 0, 2_000);
  });

  it('reports progress from -progress pipe:1 and the exit code', async () => {
    const chunks: string[] = [];
    const res = await runTool(
      FFMPEG ?? '',
      [
        '-nostdin',
        '-progress',
        'pipe:1',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x64:rate=10:duration=2',
        '-f',
        'null',
        '-',
      ],
      { timeoutMs: 30_000, onStdout: (c) => chunks.push(c) },
    );
    expect(res.code).toBe(0);
    expect(chunks.join('')).toMatch(/out_time_us=\d+/);
    expect((await runTool(FFMPEG ?? '', ['-i', '/nonexistent.mp4'], { timeoutMs: 30_000 })).code).not.toBe(0);
  });
});

describe.skipIf(!FFMPEG)('a worker killed (SIGKILL) in the middle of a transcode', () => {
  let h: Harness;
  let database: { url: string; drop(): Promise<void> };
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await privateDatabaseUrl('sqlite');
    h = await startHarness('sqlite', { databaseUrl: database.url });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await h.close();
    await database.drop();
  });

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [BIN, 'worker'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        MEDIA_DIR: h.deps.config.MEDIA_DIR,
        UPLOAD_DIR: h.deps.config.UPLOAD_DIR,
        JOB_LEASE_SECONDS: '1.5',
        JOB_POLL_MS: '100',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        // Slow enough to be caught mid-way, quick enough for the suite.
        MEDIA_X264_PRESET: 'faster',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    return child;
  }

  it('completes exactly once after a restart, with one set of renditions and nothing left behind', async () => {
    await ensureQuangNgai(h.deps);
    const contest = await createTestContest(h.deps, 'production');
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    const team = await teamIn(h, contest, await signInAs(h.app, c.email, c.password), '21040');
    const created = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/entries`,
      headers: asUser(team.session),
      payload: { title: 'Clip', synopsis: 'x', credits: 'x', declarations: declarationsOf(contest.config) },
    });
    const entryId = created.json<{ id: string }>().id;
    const dir = mkdtempSync(join(tmpdir(), 'cc-kill-'));
    const path = await makeTestMp4(FFMPEG ?? '', dir, { seconds: 20, source: 'testsrc2', name: 'clip.mp4' });
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await entryUploadHooks(h.deps).complete({
      uploadId: unique('up'),
      entryId,
      kind: 'original',
      filename: 'clip.mp4',
      path,
      size: bytes.length,
      sha256,
      container: 'mp4',
    });
    const db = h.deps.db.kysely;
    const { original_media_id: mediaId } = await db
      .selectFrom('entries')
      .select('original_media_id')
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    if (!mediaId) throw new Error('no media');
    // The analysis runs here; the worker processes take the transcode it enqueues.
    await db.updateTable('jobs').set({ status: 'succeeded' }).where('name', '=', 'media.analyze').execute();
    await analyzeMedia(h.deps, mediaId, new AbortController().signal);
    const row = () =>
      db.selectFrom('media_processing').selectAll().where('media_id', '=', mediaId).executeTakeFirstOrThrow();

    const first = startWorker();
    await waitFor(async () => (await row()).progress >= 5, 90_000);
    expect(processesWith(`job-${mediaId}`).length).toBeGreaterThan(0);
    first.kill('SIGKILL');
    // Its ffmpeg dies with it: the guard sees the worker's pipe close.
    await waitFor(() => processesWith(`job-${mediaId}`).length === 0, 5_000);

    startWorker();
    const transcodeJobs = () =>
      db
        .selectFrom('jobs')
        .selectAll()
        .where('name', '=', 'media.transcode')
        .where('payload_json', 'like', `%${mediaId}%`)
        .execute();
    // The row turns ready inside the handler; the queue records success just after it returns.
    await waitFor(
      async () => (await row()).status === 'ready' && (await transcodeJobs())[0]?.status === 'succeeded',
      120_000,
    );
    const done = await row();
    expect(done.runs).toBe(1);
    const job = await transcodeJobs();
    expect(job.map((j) => [j.status, j.attempts])).toEqual([['succeeded', 2]]);
    const files = (JSON.parse(done.outputs_json ?? '{}') as { files: string[] }).files;
    expect(files).toContain('hls/master.m3u8');
    const stored = (
      readdirSync(join(h.deps.config.MEDIA_DIR, 'renditions', sha256, 'v1'), { recursive: true }) as string[]
    )
      .filter((f) => !f.endsWith('.meta.json') && /\.\w+$/.test(f))
      .sort();
    expect(stored).toEqual([...files].sort());
    expect(existsSync(join(MEDIA_WORK_ROOT, `job-${mediaId}`))).toBe(false);
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'media.ready')
      .execute();
    expect(audits).toHaveLength(1);
  }, 240_000);
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!FFMPEG || !pgUrl)('two worker processes on PostgreSQL sharing 20 clips', () => {
  let h: Harness;
  let database: { url: string; drop(): Promise<void> };
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await privateDatabaseUrl('postgres');
    h = await startHarness('postgres', { databaseUrl: database.url });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
    );
    await h.close();
    await database.drop();
  });

  it('runs every analysis and transcode exactly once', async () => {
    await ensureQuangNgai(h.deps);
    const contest = await createTestContest(h.deps, 'production');
    const rules = { ...contest.config.entryRules, maxEntriesPerTeam: 100 };
    await h.deps.db.kysely
      .updateTable('contests')
      .set({ config_json: JSON.stringify({ ...contest.config, entryRules: rules }) })
      .where('id', '=', contest.id)
      .execute();
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    const team = await teamIn(h, contest, await signInAs(h.app, c.email, c.password), '21040');
    const dir = mkdtempSync(join(tmpdir(), 'cc-two-'));
    const base = await makeTestMp4(FFMPEG ?? '', dir, { seconds: 1, size: '160x90', name: 'base.mp4' });
    for (let i = 0; i < 20; i++) {
      const created = await h.app.inject({
        method: 'POST',
        url: `/api/contests/${contest.slug}/entries`,
        headers: asUser(team.session),
        payload: {
          title: `Clip ${i}`,
          synopsis: 'x',
          credits: 'x',
          declarations: declarationsOf(contest.config),
        },
      });
      // Twenty distinct files (a remux with its own tag), so each has its own content-addressed renditions.
      const path = join(dir, `clip-${i}.mp4`);
      await promisify(execFile)(FFMPEG ?? '', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        base,
        '-c',
        'copy',
        '-metadata',
        `comment=${i}`,
        path,
      ]);
      const bytes = readFileSync(path);
      await entryUploadHooks(h.deps).complete({
        uploadId: unique('up'),
        entryId: created.json<{ id: string }>().id,
        kind: 'original',
        filename: 'clip.mp4',
        path,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        container: 'mp4',
      });
    }
    const start = () => {
      const child = spawn(process.execPath, [BIN, 'worker'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          MEDIA_DIR: h.deps.config.MEDIA_DIR,
          UPLOAD_DIR: h.deps.config.UPLOAD_DIR,
          JOB_POLL_MS: '100',
          JOB_CONCURRENCY: '2',
          LOG_LEVEL: 'warn',
          MEDIA_X264_PRESET: 'ultrafast',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      workers.push(child);
    };
    start();
    start();
    const db = h.deps.db.kysely;
    await waitFor(async () => {
      const rows = await db.selectFrom('media_processing').select('status').execute();
      const pending = await db
        .selectFrom('jobs')
        .select('id')
        .where('name', 'like', 'media.%')
        .where('status', '!=', 'succeeded')
        .execute();
      return rows.length === 20 && rows.every((r) => r.status === 'ready') && pending.length === 0;
    }, 180_000);
    const jobs = await db.selectFrom('jobs').selectAll().where('name', 'like', 'media.%').execute();
    expect(jobs).toHaveLength(40);
    expect(jobs.every((j) => j.status === 'succeeded' && j.attempts === 1)).toBe(true);
    const rows = await db.selectFrom('media_processing').select('runs').execute();
    expect(rows.map((r) => r.runs)).toEqual(Array(20).fill(1));
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', 'in', ['media.analyzed', 'media.ready'])
      .execute();
    expect(audits.filter((a) => a.action === 'media.analyzed')).toHaveLength(20);
    expect(audits.filter((a) => a.action === 'media.ready')).toHaveLength(20);
  }, 300_000);
});
