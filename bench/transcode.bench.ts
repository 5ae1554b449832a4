/**
 * The media pipeline against bare ffmpeg: the same generated clip, transcoded by `transcodeMedia` (fetch from
 * storage, the guarded runner with progress written to the database, outputs moved into storage, state and
 * audit rows) and by ffmpeg run directly with the very same argument list, alternately, in one run. The last
 * line is the ratio of the medians (goal: overhead ≤ 5 %, i.e. ≤ 1.05).
 *
 *   npm run bench:transcode                                   (20 s of 1280×720, 3 rounds)
 *   BENCH_TRANSCODE_SECONDS=60 BENCH_TRANSCODE_ROUNDS=5 npm run bench:transcode
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  renditionLadder,
  transcodeArgs,
  webRendition,
  type TechnicalReport,
} from '../packages/core/src/index.js';
import { pino } from 'pino';
import { loadConfig } from '../packages/server/src/infra/config/config.js';
import { newId, nowIso } from '../packages/server/src/infra/db/ids.js';
import { entryUploadHooks } from '../packages/server/src/modules/entries/entry-media.service.js';
import { analyzeMedia, transcodeMedia } from '../packages/server/src/modules/media/media-pipeline.service.js';
import { seedDemo } from '../packages/server/src/modules/demo/demo.service.js';
import { createDeps } from '../packages/server/src/runtime.js';

const SECONDS = Number(process.env.BENCH_TRANSCODE_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_TRANSCODE_ROUNDS ?? 3);
const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function bare(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}: ${err}`))));
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-transcode-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    UPLOAD_DIR: join(dir, 'uploads'),
  });
  const deps = await createDeps(config, { log: pino({ level: 'silent' }) });
  try {
    await seedDemo(deps, 'production');
    const clip = join(dir, 'clip.mp4');
    await promisify(execFile)(FFMPEG, [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
      ...[
        '-i',
        `testsrc2=duration=${SECONDS}:size=1280x720:rate=25`,
        '-f',
        'lavfi',
        '-i',
        `sine=duration=${SECONDS}`,
      ],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip],
    ]);
    const bytes = await readFile(clip);
    const db = deps.db.kysely;
    const team = (await db
      .selectFrom('teams')
      .selectAll()
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow()) as {
      id: string;
      contest_id: string;
      org_unit_id: string;
      user_id: string | null;
    };
    const contest = await db
      .selectFrom('contests')
      .select(['id', 'config_json'])
      .where('id', '=', team.contest_id)
      .executeTakeFirstOrThrow();
    const round =
      (JSON.parse(contest.config_json) as { rounds: Array<{ key: string }> }).rounds[0]?.key ?? 'r1';
    const creator = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const entryId = newId();
    const at = nowIso(deps.clock);
    await db
      .insertInto('entries')
      .values({
        id: entryId,
        contest_id: contest.id,
        round_key: round,
        team_id: team.id,
        org_unit_id: team.org_unit_id,
        scope_unit_id: null,
        title: 'Bench',
        synopsis: '',
        credits: '',
        declarations_json: '{}',
        checklist_json: '{}',
        status: 'draft',
        status_reason: null,
        fix_deadline: null,
        original_media_id: null,
        subtitle_media_id: null,
        submitted_at: null,
        forwarded_at: null,
        version: 1,
        created_by: creator,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const upload = join(dir, 'upload.mp4');
    await (await import('node:fs/promises')).copyFile(clip, upload);
    await entryUploadHooks(deps).complete({
      uploadId: newId(),
      entryId,
      kind: 'original',
      filename: 'clip.mp4',
      path: upload,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      container: 'mp4',
    });
    const { original_media_id: mediaId } = await db
      .selectFrom('entries')
      .select('original_media_id')
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    if (!mediaId) throw new Error('no media recorded');
    const signal = new AbortController().signal;
    await analyzeMedia(deps, mediaId, signal);
    const row = await db
      .selectFrom('media_processing')
      .selectAll()
      .where('media_id', '=', mediaId)
      .executeTakeFirstOrThrow();
    const report = JSON.parse(row.report_json ?? '{}') as TechnicalReport;
    const w = report.width ?? 0;
    const h = report.height ?? 0;
    const outDir = join(dir, 'bare-out');
    const args = transcodeArgs({
      input: clip,
      outDir,
      ladder: renditionLadder(w, h),
      web: webRendition(w, h),
      durationSeconds: report.durationSeconds ?? SECONDS,
      frameRate: report.frameRate,
      hasAudio: report.hasAudio,
      preset: config.MEDIA_X264_PRESET,
    });
    console.log(
      `clip: ${SECONDS} s of ${w}×${h}, ${(bytes.length / 1024 / 1024).toFixed(1)} MB; preset ${config.MEDIA_X264_PRESET}; ${ROUNDS} rounds`,
    );
    const pipelineMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await rm(outDir, { recursive: true, force: true });
      await mkdir(outDir, { recursive: true });
      let t = performance.now();
      await bare(args);
      bareMs.push(performance.now() - t);
      await db
        .updateTable('media_processing')
        .set({ status: 'analyzed' })
        .where('media_id', '=', mediaId)
        .execute();
      t = performance.now();
      await transcodeMedia(deps, mediaId, signal);
      pipelineMs.push(performance.now() - t);
      console.log(
        `round ${i + 1}: bare ffmpeg ${(bareMs[i] ?? 0).toFixed(0)} ms, pipeline ${(pipelineMs[i] ?? 0).toFixed(0)} ms`,
      );
    }
    const ratio = median(pipelineMs) / median(bareMs);
    console.log(
      `median: bare ffmpeg ${median(bareMs).toFixed(0)} ms, pipeline ${median(pipelineMs).toFixed(0)} ms`,
    );
    console.log(
      `pipeline/bare-ffmpeg ratio: ${ratio.toFixed(3)} (overhead ${((ratio - 1) * 100).toFixed(1)} %)`,
    );
  } finally {
    await deps.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
