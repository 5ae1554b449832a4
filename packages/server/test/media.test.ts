import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestConfig } from '@clipcontest/core';
import { MEDIA_WORK_ROOT } from '../src/infra/media/media-workspace.js';
import { entryUploadHooks } from '../src/modules/entries/entry-media.service.js';
import {
  analyzeMedia,
  convertSubtitle,
  transcodeMedia,
} from '../src/modules/media/media-pipeline.service.js';
import { publicMediaOf } from '../src/modules/media/public-media.service.js';
import { dialects } from './support/databases.js';
import { declarationsOf, teamIn, type TeamFixture } from './support/entry-fixtures.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness, type Session } from './support/harness.js';
import { clipKinds, makeClip, type ClipKind } from './support/media-clips.js';
import { ffmpegPath } from './support/media-fixtures.js';

const FFMPEG = ffmpegPath();
if (!FFMPEG) console.warn('media.test: no ffmpeg at /usr/bin/ffmpeg (or FFMPEG_PATH): skipped');

interface Status {
  processingAvailable: boolean;
  original: {
    status: string;
    progress: number;
    report: {
      status: string;
      width: number | null;
      height: number | null;
      aspectRatio: string | null;
      hasAudio: boolean;
      videoCodec: string | null;
      integratedLufs: number | null;
      findings: Array<{ code: string; severity: string; message: { vi: string; en: string } }>;
    } | null;
    urls: {
      hlsUrl: string | null;
      mp4Url: string | null;
      posterUrl: string | null;
      thumbnailsUrl: string | null;
    } | null;
  } | null;
  subtitle: { status: string; url: string | null } | null;
  blocking: Array<{ code: string }>;
}

/** What each fixture must give: the report's status, its finding codes (by severity) and display size. */
const expected: Record<
  ClipKind,
  { status: 'ok' | 'unreadable'; hard: string[]; soft: string[]; info: string[]; size?: [number, number] }
> = {
  normal: { status: 'ok', hard: [], soft: [], info: [], size: [320, 180] },
  vertical: { status: 'ok', hard: [], soft: [], info: [], size: [180, 320] },
  silent: { status: 'ok', hard: [], soft: ['no_audio'], info: [], size: [320, 180] },
  long: { status: 'ok', hard: ['duration_too_long'], soft: [], info: [], size: [320, 180] },
  quiet: { status: 'ok', hard: [], soft: ['too_quiet'], info: [], size: [320, 180] },
  hevc: { status: 'ok', hard: [], soft: [], info: ['converted_codec'], size: [320, 180] },
  vfr: { status: 'ok', hard: [], soft: [], info: ['variable_frame_rate'], size: [320, 180] },
  truncated: { status: 'unreadable', hard: ['unreadable'], soft: [], info: [] },
  empty: { status: 'unreadable', hard: ['unreadable'], soft: [], info: [] },
  text: { status: 'unreadable', hard: ['unreadable'], soft: [], info: [] },
};

/** ffmpeg processes working on this media file (their arguments name its work directory). */
const toolsFor = (mediaId: string): string[] =>
  execFileSync('ps', ['-eo', 'args'])
    .toString()
    .split('\n')
    .filter((l) => l.includes(`job-${mediaId}`) && !l.startsWith('ps '));

describe.skipIf(!FFMPEG).each(dialects)('media pipeline on %s', (dialect) => {
  let h: Harness;
  let contest: Awaited<ReturnType<typeof createTestContest>>;
  let team: TeamFixture;
  let otherTeam: TeamFixture;
  let secretary: Session;
  let clipDir: string;
  const clips = new Map<ClipKind, string>();

  beforeAll(async () => {
    h = await startHarness(dialect);
    // Tests keep x264 fast; everything else is the production configuration.
    Object.assign(h.deps.config, { MEDIA_X264_PRESET: 'ultrafast' });
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'production');
    // Limits scaled to the tiny fixtures: 1 to 3 seconds, at least 120p.
    const config: ContestConfig = {
      ...contest.config,
      entryRules: {
        ...contest.config.entryRules,
        minDurationSeconds: 1,
        maxDurationSeconds: 3,
        minHeight: 120,
        maxEntriesPerTeam: 100,
      },
    };
    await h.deps.db.kysely
      .updateTable('contests')
      .set({ config_json: JSON.stringify(config) })
      .where('id', '=', contest.id)
      .execute();
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    const coordinator = await signInAs(h.app, c.email, c.password);
    const c2 = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '527' });
    const coordinator2 = await signInAs(h.app, c2.email, c2.password);
    const s = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    secretary = await signInAs(h.app, s.email, s.password);
    team = await teamIn(h, contest, coordinator, '21040');
    otherTeam = await teamIn(h, contest, coordinator2, '21175');
    clipDir = mkdtempSync(join(tmpdir(), 'cc-clips-'));
    for (const kind of clipKinds) clips.set(kind, await makeClip(kind, clipDir));
  }, 120_000);
  afterAll(() => h.close());

  const newEntry = async (): Promise<string> => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/entries`,
      headers: asUser(team.session),
      payload: {
        title: `Clip ${unique()}`,
        synopsis: 'Tóm tắt',
        credits: 'Đạo diễn: A',
        declarations: declarationsOf(contest.config),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  /** The upload's completion path, with a copy of the file (storage moves what it is given). */
  const upload = async (entryId: string, source: string, kind: 'original' | 'subtitle' = 'original') => {
    const path = join(mkdtempSync(join(tmpdir(), 'cc-up-')), 'f');
    copyFileSync(source, path);
    const bytes = readFileSync(path);
    const container = kind === 'original' ? 'mp4' : (source.split('.').pop() ?? 'vtt');
    await entryUploadHooks(h.deps).complete({
      uploadId: unique('up'),
      entryId,
      kind,
      filename: `clip.${container}`,
      path,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      container,
    });
    const entry = await h.deps.db.kysely
      .selectFrom('entries')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    const id = kind === 'original' ? entry.original_media_id : entry.subtitle_media_id;
    if (!id) throw new Error('no media recorded');
    return id;
  };

  const jobsOf = (mediaId: string) =>
    h.deps.db.kysely
      .selectFrom('jobs')
      .select(['name', 'payload_json'])
      .where('payload_json', 'like', `%${mediaId}%`)
      .execute()
      .then((rows) => rows.map((r) => r.name).sort());

  const status = async (entryId: string, who: Session = team.session) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/entries/${entryId}/media-status`,
      headers: asUser(who),
    });
    return { code: res.statusCode, body: res.json<Status>() };
  };

  const noLeftovers = (mediaId: string) => {
    expect(toolsFor(mediaId)).toEqual([]);
    expect(existsSync(join(MEDIA_WORK_ROOT, `job-${mediaId}`))).toBe(false);
  };

  it.each(clipKinds)(
    '%s clip: the expected report or a clear refusal, nothing left behind',
    async (kind) => {
      const entryId = await newEntry();
      const mediaId = await upload(entryId, clips.get(kind) ?? '');
      // The analysis job was enqueued in the upload's transaction.
      expect(await jobsOf(mediaId)).toEqual(['media.analyze']);
      expect((await status(entryId)).body.original?.status).toBe('queued');
      const signal = new AbortController().signal;
      await analyzeMedia(h.deps, mediaId, signal);
      noLeftovers(mediaId);
      const e = expected[kind];
      const { body } = await status(entryId);
      const report = body.original?.report;
      expect(report?.status).toBe(e.status);
      const codes = (sev: string) =>
        (report?.findings ?? []).filter((f) => f.severity === sev).map((f) => f.code);
      expect({ hard: codes('hard'), soft: codes('soft'), info: codes('info') }).toEqual({
        hard: e.hard,
        soft: e.soft,
        info: e.info,
      });
      expect(body.blocking.map((b) => b.code)).toEqual(e.hard);
      if (e.size) expect([report?.width, report?.height]).toEqual(e.size);
      if (kind === 'normal') expect(report?.aspectRatio).toBe('16:9');
      if (kind === 'vertical') expect(report?.aspectRatio).toBe('9:16');
      if (kind === 'hevc') expect(report?.videoCodec).toBe('hevc');
      if (kind === 'quiet') expect(report?.integratedLufs).toBeLessThan(-30);
      if (e.status === 'unreadable') {
        // A clear refusal: no transcode, and submission blocked with the reason.
        expect(await jobsOf(mediaId)).toEqual(['media.analyze']);
        expect(body.original?.status).toBe('unreadable');
      } else {
        expect(await jobsOf(mediaId)).toEqual(['media.analyze', 'media.transcode']);
        await transcodeMedia(h.deps, mediaId, signal);
        noLeftovers(mediaId);
        const ready = (await status(entryId)).body.original;
        expect(ready?.status).toBe('ready');
        expect(ready?.progress).toBe(100);
        expect(ready?.urls?.hlsUrl).toMatch(
          /^\/api\/media\/s\/\d+\.[\w-]+\/[0-9a-f]{64}\/v1\/hls\/master\.m3u8$/,
        );
        // The web MP4 keeps the display orientation (vertical stays vertical).
        const mp4 = await h.app.inject({ method: 'GET', url: ready?.urls?.mp4Url ?? '' });
        expect(mp4.statusCode).toBe(200);
        const file = join(clipDir, `${kind}-web.mp4`);
        (await import('node:fs')).writeFileSync(file, mp4.rawPayload);
        const dims = execFileSync('/usr/bin/ffprobe', [
          '-v',
          'error',
          '-select_streams',
          'v:0',
          '-show_entries',
          'stream=width,height,codec_name',
          '-of',
          'csv=p=0',
          file,
        ])
          .toString()
          .trim();
        expect(dims).toBe(`h264,${e.size?.[0]},${e.size?.[1]}`);
      }
      const submit = await h.app.inject({
        method: 'POST',
        url: `/api/entries/${entryId}/submit`,
        headers: asUser(team.session),
      });
      if (e.hard.length) {
        expect(submit.statusCode).toBe(409);
        expect(submit.json<{ code: string }>().code).toBe('media_rule_broken');
        if (kind === 'long')
          expect(submit.json<{ messages: { vi: string; en: string } }>().messages).toEqual({
            vi: 'Chưa thể nộp: Thời lượng 0:05 vượt giới hạn 0:03.',
            en: 'Cannot submit: duration 0:05 exceeds the 0:03 limit.',
          });
      } else expect(submit.statusCode, submit.body).toBe(200);
    },
    60_000,
  );

  it('serves renditions through signed URLs that expire, and publicly once published; re-runs keep one set', async () => {
    const entryId = await newEntry();
    const mediaId = await upload(entryId, clips.get('normal') ?? '');
    const subId = await upload(entryId, join(clipDir, 'sub.srt'), 'subtitle').catch(async () => {
      (await import('node:fs')).writeFileSync(
        join(clipDir, 'sub.srt'),
        '1\n00:00:00,500 --> 00:00:02,000\nXin chào\n',
      );
      return upload(entryId, join(clipDir, 'sub.srt'), 'subtitle');
    });
    const signal = new AbortController().signal;
    await analyzeMedia(h.deps, mediaId, signal);
    await transcodeMedia(h.deps, mediaId, signal);
    await convertSubtitle(h.deps, subId);
    const { body } = await status(entryId);
    const urls = body.original?.urls;
    if (!urls?.hlsUrl || !urls.mp4Url || !body.subtitle?.url) throw new Error('no urls');
    // Same visibility as the entry: the secretariat sees it, another commune's team does not.
    expect((await status(entryId, secretary)).code).toBe(200);
    expect((await status(entryId, otherTeam.session)).code).toBe(404);

    const master = await h.app.inject({ method: 'GET', url: urls.hlsUrl });
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const variant = master.body.split('\n').find((l) => l.endsWith('.m3u8')) ?? '';
    const dir = urls.hlsUrl.replace(/master\.m3u8$/, '');
    const playlist = await h.app.inject({ method: 'GET', url: `${dir}${variant}` });
    expect(playlist.body).toContain('#EXT-X-TARGETDURATION');
    const segment = playlist.body.split('\n').find((l) => l.endsWith('.ts')) ?? '';
    const seg = await h.app.inject({
      method: 'GET',
      url: `${dir}${variant.replace(/index\.m3u8$/, '')}${segment}`,
    });
    expect(seg.statusCode).toBe(200);
    const ranged = await h.app.inject({ method: 'GET', url: urls.mp4Url, headers: { range: 'bytes=0-99' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.rawPayload.length).toBe(100);
    expect((await h.app.inject({ method: 'GET', url: body.subtitle.url })).body).toMatch(
      /^WEBVTT\n\n1\n00:00:00\.500 --> /,
    );
    // A forged or tampered signature is refused; a valid one stops working once it expires.
    const forged = urls.mp4Url.replace(/\/s\/(\d+)\./, (_m, exp: string) => `/s/${Number(exp) + 3600}.`);
    expect((await h.app.inject({ method: 'GET', url: forged })).json<{ code: string }>().code).toBe(
      'media_url_invalid',
    );
    h.clock.advance((h.deps.config.MEDIA_URL_TTL_SECONDS + 1) * 1000);
    const expired = await h.app.inject({ method: 'GET', url: urls.mp4Url });
    expect(expired.statusCode).toBe(403);
    expect(expired.json<{ code: string }>().code).toBe('media_url_expired');

    // Unpublished: no public URL works and the public site gets nothing.
    const publicMp4 = urls.mp4Url.replace(/\/s\/[^/]+\//, '/p/');
    expect((await h.app.inject({ method: 'GET', url: publicMp4 })).statusCode).toBe(404);
    expect((await publicMediaOf(h.deps, [entryId])).size).toBe(0);
    await h.deps.db.kysely
      .updateTable('entries')
      .set({ status: 'published' })
      .where('id', '=', entryId)
      .execute();
    const pub = (await publicMediaOf(h.deps, [entryId])).get(entryId);
    expect(pub).toMatchObject({ width: 320, height: 180, durationSeconds: 3, mp4Url: publicMp4 });
    expect(pub?.tracks).toEqual([
      { lang: 'vi', label: 'Tiếng Việt', url: expect.stringMatching(/\/p\/.*\/subtitle\.vtt$/) as unknown },
    ]);
    const p = await h.app.inject({ method: 'GET', url: publicMp4 });
    expect(p.statusCode).toBe(200);
    expect(p.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(p.headers.etag);
    expect(
      (await h.app.inject({ method: 'GET', url: publicMp4, headers: { 'if-none-match': etag } })).statusCode,
    ).toBe(304);
    expect(
      (await h.app.inject({ method: 'GET', url: publicMp4, headers: { range: 'bytes=10-' } })).statusCode,
    ).toBe(206);

    // Running the transcode again (a retried job) replaces the set: the same files, no second set.
    const row = await h.deps.db.kysely
      .selectFrom('media_processing')
      .selectAll()
      .where('media_id', '=', mediaId)
      .executeTakeFirstOrThrow();
    const files = (JSON.parse(row.outputs_json ?? '{}') as { files: string[] }).files;
    await h.deps.db.kysely
      .updateTable('media_processing')
      .set({ status: 'analyzed' })
      .where('media_id', '=', mediaId)
      .execute();
    await transcodeMedia(h.deps, mediaId, signal);
    await transcodeMedia(h.deps, mediaId, signal); // already ready: no state change, no second run
    const after = await h.deps.db.kysely
      .selectFrom('media_processing')
      .selectAll()
      .where('media_id', '=', mediaId)
      .executeTakeFirstOrThrow();
    expect(after.runs).toBe(2);
    expect((JSON.parse(after.outputs_json ?? '{}') as { files: string[] }).files).toEqual(files);
    const sha = /\/([0-9a-f]{64})\//.exec(publicMp4)?.[1] ?? '';
    const stored = (
      readdirSync(join(h.deps.config.MEDIA_DIR, 'renditions', sha, 'v1'), { recursive: true }) as string[]
    )
      .filter((f) => !f.endsWith('.meta.json') && /\.\w+$/.test(f))
      .sort();
    expect(stored).toEqual([...files].sort());
  }, 60_000);
});
