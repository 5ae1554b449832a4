import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  analysisArgs,
  buildReport,
  defaultMediaChecks,
  parseAnalysis,
  parseProbe,
  probeArgs,
  progressPercent,
  renditionLadder,
  srtToVtt,
  transcodeArgs,
  unreadableReport,
  webRendition,
  type ContestConfig,
  type ProbeFacts,
  type TechnicalReport,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { nowIso } from '../../infra/db/ids.js';
import { runTool, toolAvailable, ToolError } from '../../infra/media/ffmpeg.runner.js';
import { mediaProcessingRepository } from '../../infra/media/media-processing.repository.js';
import { freshWorkDir, publishOutputs, removeWorkDir } from '../../infra/media/media-workspace.js';
import { appJobs } from '../../infra/queue/app-jobs.js';
import { PermanentJobError } from '../../infra/queue/job-catalog.js';
import { recordAudit } from '../audit/audit.service.js';
import { mediaSourceRepository } from './media.repository.js';

/** Bumped when the renditions change shape: new content-addressed paths, never a stale cached file. */
export const PIPELINE_VERSION = 'v1';
export const outputPrefix = (sha256: string): string => `renditions/${sha256}/${PIPELINE_VERSION}`;

/** What a finished transcode (or subtitle conversion) produced, kept on the row. */
export interface MediaOutputs {
  sha256: string;
  version: string;
  files: string[];
  bytes: number;
  ladder?: Array<{ name: string; width: number; height: number }>;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export const processingUnavailable = (deps: Deps): boolean =>
  !toolAvailable(deps.config.FFMPEG_PATH) || !toolAvailable(deps.config.FFPROBE_PATH);

/**
 * Called by the upload completion, inside its transaction: the file's processing row and its first job
 * exist exactly when the upload is recorded.
 */
export async function enqueueMediaProcessing(
  trx: Executor,
  deps: Deps,
  media: { mediaId: string; entryId: string; kind: 'original' | 'subtitle' },
): Promise<void> {
  await mediaProcessingRepository.ensure(
    trx,
    { media_id: media.mediaId, entry_id: media.entryId, kind: media.kind, status: 'queued' },
    nowIso(deps.clock),
  );
  const name = media.kind === 'original' ? 'media.analyze' : 'media.subtitle';
  await appJobs.enqueue(
    trx,
    deps,
    name,
    { mediaId: media.mediaId },
    { dedupeKey: `${name}:${media.mediaId}` },
  );
}

async function load(deps: Deps, mediaId: string) {
  const db = deps.db.kysely;
  const row = await mediaProcessingRepository.find(db, mediaId);
  const file = await mediaSourceRepository.mediaFile(db, mediaId);
  // The entry or file is gone (deleted data): retrying cannot help.
  if (!row || !file) throw new PermanentJobError(`media ${mediaId} is not recorded`);
  return { row, file };
}

/** Copies the stored original into the job's work directory (storage may be S3). */
async function fetchSource(deps: Deps, key: string, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  const got = await deps.storage.get(key);
  await pipeline(got.body, createWriteStream(path));
  return path;
}

const timeoutMs = (deps: Deps) => deps.config.MEDIA_TIMEOUT_SECONDS * 1000;

/** `media.analyze`: ffprobe + one measuring pass → the technical report; a readable clip goes on to transcode. */
export async function analyzeMedia(deps: Deps, mediaId: string, signal: AbortSignal): Promise<void> {
  const { row, file } = await load(deps, mediaId);
  const db = deps.db.kysely;
  if (row.report_json && row.status !== 'queued' && row.status !== 'analyzing') return;
  const at = () => nowIso(deps.clock);
  if (processingUnavailable(deps)) {
    deps.log.warn({ mediaId }, 'ffmpeg/ffprobe not found: media processing unavailable');
    await mediaProcessingRepository.update(db, mediaId, { status: 'unavailable', updated_at: at() });
    return;
  }
  const entry = await mediaSourceRepository.entryWithConfig(db, file.entry_id);
  if (!entry) throw new PermanentJobError(`entry ${file.entry_id} is gone`);
  const rules = (JSON.parse(entry.config_json) as ContestConfig).entryRules;
  await mediaProcessingRepository.update(db, mediaId, { status: 'analyzing', updated_at: at() });
  const dir = await freshWorkDir(mediaId);
  let report: TechnicalReport;
  try {
    const src = await fetchSource(deps, file.storage_key, dir, `source.${file.container}`);
    const opts = { signal, timeoutMs: timeoutMs(deps) };
    const probed = await runTool(deps.config.FFPROBE_PATH, probeArgs(src), opts);
    let probe: ProbeFacts | null = null;
    try {
      probe = probed.code === 0 ? parseProbe(probed.stdout) : null;
    } catch {
      probe = null;
    }
    if (!probe?.video) report = unreadableReport();
    else {
      const checks = { ...defaultMediaChecks, ...rules.mediaChecks };
      const measured = await runTool(
        deps.config.FFMPEG_PATH,
        analysisArgs(src, {
          hasAudio: probe.audio !== null,
          blackMinSeconds: checks.maxBlackSeconds,
          silenceMinSeconds: checks.maxSilenceSeconds,
        }),
        opts,
      );
      // A clip ffprobe reads but ffmpeg cannot decode to the end is damaged: say so rather than guess.
      report =
        measured.code === 0
          ? buildReport(probe, parseAnalysis(measured.stderr, probe.durationSeconds), rules)
          : unreadableReport();
    }
  } finally {
    await removeWorkDir(dir);
  }
  await inTransaction(deps, async (trx) => {
    const current = await mediaProcessingRepository.find(trx, mediaId);
    if (current?.report_json && current.status !== 'analyzing') return;
    await mediaProcessingRepository.update(trx, mediaId, {
      status: report.status === 'ok' ? 'analyzed' : 'unreadable',
      report_json: JSON.stringify(report),
      error: null,
      updated_at: at(),
    });
    await recordAudit(trx, deps, {
      actorUserId: null,
      action: 'media.analyzed',
      subjectType: 'entry',
      subjectId: file.entry_id,
      contestId: entry.contest_id,
      data: { mediaId, status: report.status, findings: report.findings.map((f) => f.code) },
    });
    if (report.status === 'ok')
      await appJobs.enqueue(
        trx,
        deps,
        'media.transcode',
        { mediaId },
        { dedupeKey: `media.transcode:${mediaId}` },
      );
  });
}

/** `media.transcode`: the web MP4, HLS ladder, poster and thumbnail strip, with progress for the UI. */
export async function transcodeMedia(deps: Deps, mediaId: string, signal: AbortSignal): Promise<void> {
  const { row, file } = await load(deps, mediaId);
  const db = deps.db.kysely;
  const at = () => nowIso(deps.clock);
  if (row.status === 'ready') return;
  if (!row.report_json) throw new PermanentJobError(`media ${mediaId} has no report yet`);
  const report = JSON.parse(row.report_json) as TechnicalReport;
  if (report.status !== 'ok' || !report.width || !report.height || !report.durationSeconds) return;
  if (processingUnavailable(deps)) {
    await mediaProcessingRepository.update(db, mediaId, { status: 'unavailable', updated_at: at() });
    return;
  }
  await mediaProcessingRepository.update(db, mediaId, {
    status: 'transcoding',
    progress: 0,
    updated_at: at(),
  });
  const dir = await freshWorkDir(mediaId);
  try {
    const src = await fetchSource(deps, file.storage_key, dir, `source.${file.container}`);
    const ladder = renditionLadder(report.width, report.height);
    const web = webRendition(report.width, report.height);
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    const duration = report.durationSeconds;
    let progressText = '';
    let lastSaved = 0;
    let saving: Promise<void> = Promise.resolve();
    const result = await runTool(
      deps.config.FFMPEG_PATH,
      transcodeArgs({
        input: src,
        outDir,
        ladder,
        web,
        durationSeconds: duration,
        frameRate: report.frameRate,
        hasAudio: report.hasAudio,
        preset: deps.config.MEDIA_X264_PRESET,
      }),
      {
        signal,
        timeoutMs: timeoutMs(deps),
        onStdout: (chunk) => {
          progressText = (progressText + chunk).slice(-2048);
          const pct = progressPercent(progressText, duration);
          // One write per whole percent at most: the UI polls, the database should not be hammered.
          if (pct !== null && pct > lastSaved) {
            lastSaved = pct;
            saving = saving.then(() =>
              mediaProcessingRepository.setProgress(db, mediaId, pct, at()).catch((e: unknown) => {
                deps.log.warn({ err: e, mediaId }, 'could not save transcode progress');
              }),
            );
          }
        },
      },
    );
    await saving;
    if (result.code !== 0)
      throw new ToolError(`ffmpeg exited with ${result.code}`, 'exit', result.stderr.slice(-2000));
    const previous = row.outputs_json ? (JSON.parse(row.outputs_json) as MediaOutputs).files : [];
    const published = await publishOutputs(deps.storage, outDir, outputPrefix(file.sha256), previous);
    const outputs: MediaOutputs = {
      sha256: file.sha256,
      version: PIPELINE_VERSION,
      ...published,
      ladder: ladder.map((r) => ({ name: r.name, width: r.width, height: r.height })),
      width: web.width,
      height: web.height,
      durationSeconds: duration,
    };
    const entry = await mediaSourceRepository.entryWithConfig(db, file.entry_id);
    await inTransaction(deps, async (trx) => {
      await mediaProcessingRepository.update(trx, mediaId, {
        status: 'ready',
        progress: 100,
        outputs_json: JSON.stringify(outputs),
        error: null,
        updated_at: at(),
      });
      await mediaProcessingRepository.incrementRuns(trx, mediaId, at());
      await recordAudit(trx, deps, {
        actorUserId: null,
        action: 'media.ready',
        subjectType: 'entry',
        subjectId: file.entry_id,
        contestId: entry?.contest_id ?? null,
        data: { mediaId, renditions: outputs.ladder?.map((r) => r.name), files: outputs.files.length },
      });
    });
  } catch (e) {
    await mediaProcessingRepository
      .update(db, mediaId, {
        status: 'failed',
        error: e instanceof Error ? e.message.slice(0, 500) : 'failed',
        updated_at: at(),
      })
      .catch(() => undefined);
    throw e;
  } finally {
    await removeWorkDir(dir);
  }
}

/** `media.subtitle`: an SRT becomes WebVTT; a VTT is published as it is. */
export async function convertSubtitle(deps: Deps, mediaId: string): Promise<void> {
  const { row, file } = await load(deps, mediaId);
  if (row.status === 'ready') return;
  const dir = await freshWorkDir(mediaId);
  try {
    const src = await fetchSource(deps, file.storage_key, dir, `source.${file.container}`);
    const text = await readFile(src, 'utf8');
    const vtt = file.container === 'srt' ? srtToVtt(text) : text.replace(/^\uFEFF/, '');
    const key = `${outputPrefix(file.sha256)}/subtitle.vtt`;
    await deps.storage.put(key, Buffer.from(vtt, 'utf8'), { contentType: 'text/vtt' });
    const outputs: MediaOutputs = {
      sha256: file.sha256,
      version: PIPELINE_VERSION,
      files: ['subtitle.vtt'],
      bytes: Buffer.byteLength(vtt),
    };
    await mediaProcessingRepository.update(deps.db.kysely, mediaId, {
      status: 'ready',
      progress: 100,
      outputs_json: JSON.stringify(outputs),
      updated_at: nowIso(deps.clock),
    });
  } finally {
    await removeWorkDir(dir);
  }
}
