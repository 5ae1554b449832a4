import {
  DomainError,
  hardFindings,
  isPublicEntryState,
  type Actor,
  type EntryState,
  type TechnicalReport,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import {
  mediaProcessingRepository,
  type MediaProcessingRow,
} from '../../infra/media/media-processing.repository.js';
import { ObjectNotFoundError, RangeNotSatisfiableError } from '../../infra/storage/storage.js';
import { loadEntryContext } from '../entries/entry-context.js';
import { mediaSourceRepository } from './media.repository.js';
import { outputPrefix, processingUnavailable, type MediaOutputs } from './media-pipeline.service.js';
import { checkToken, publicPrefix, signedPrefix, tokenRemaining } from './media-urls.js';

export interface MediaUrls {
  hlsUrl: string | null;
  mp4Url: string | null;
  posterUrl: string | null;
  thumbnailsUrl: string | null;
}

export interface MediaFileStatus {
  status: string;
  progress: number;
  report: TechnicalReport | null;
  urls: MediaUrls | null;
  width: number | null;
  height: number | null;
}

export interface EntryMediaStatus {
  /** ffmpeg/ffprobe are missing on this server: clips are stored but not checked or converted. */
  processingAvailable: boolean;
  original: MediaFileStatus | null;
  subtitle: { status: string; url: string | null } | null;
  /** The hard findings that block submission (empty when none, or while the report is not ready). */
  blocking: Array<{ code: string; message: { vi: string; en: string } }>;
}

const errors = {
  ruleBroken: (messages: Array<{ vi: string; en: string }>) =>
    new DomainError('conflict', 'media_rule_broken', {
      vi: `Chưa thể nộp: ${messages.map((m) => m.vi).join(' ')}`,
      en: `Cannot submit: ${messages.map((m) => m.en).join(' ')}`,
    }),
  notFound: () =>
    new DomainError('not_found', 'media_not_found', {
      vi: 'Không tìm thấy tệp.',
      en: 'File not found.',
    }),
  expired: () =>
    new DomainError('forbidden', 'media_url_expired', {
      vi: 'Đường dẫn đã hết hạn. Hãy tải lại trang.',
      en: 'The link has expired. Reload the page.',
    }),
  invalid: () =>
    new DomainError('forbidden', 'media_url_invalid', {
      vi: 'Đường dẫn không hợp lệ.',
      en: 'The link is not valid.',
    }),
  range: () =>
    new DomainError('bad_request', 'range_not_satisfiable', {
      vi: 'Đoạn dữ liệu yêu cầu nằm ngoài tệp.',
      en: 'The requested range is outside the file.',
    }),
};

const reportOf = (row: MediaProcessingRow | undefined): TechnicalReport | null =>
  row?.report_json ? (JSON.parse(row.report_json) as TechnicalReport) : null;
const outputsOf = (row: MediaProcessingRow | undefined): MediaOutputs | null =>
  row?.outputs_json ? (JSON.parse(row.outputs_json) as MediaOutputs) : null;

/**
 * The entry-submit check: a clip whose report breaks a hard rule cannot be submitted. While the report is
 * not ready (or processing is unavailable) nothing blocks: the secretariat still checks at receipt.
 */
export async function assertMediaRulesMet(deps: Deps, originalMediaId: string | null): Promise<void> {
  if (!originalMediaId) return;
  const report = reportOf(await mediaProcessingRepository.find(deps.db.kysely, originalMediaId));
  const hard = report ? hardFindings(report) : [];
  if (hard.length) throw errors.ruleBroken(hard.map((f) => f.message));
}

/** Where one set of renditions is served: public for published entries, signed and short-lived otherwise. */
async function urlsFor(deps: Deps, outputs: MediaOutputs, published: boolean): Promise<MediaUrls> {
  const base = published
    ? publicPrefix(outputs.sha256, outputs.version)
    : await signedPrefix(deps, outputs.sha256, outputs.version);
  const has = (f: string) => (outputs.files.includes(f) ? `${base}/${f}` : null);
  return {
    hlsUrl: has('hls/master.m3u8'),
    mp4Url: has('web.mp4'),
    posterUrl: has('poster.jpg'),
    thumbnailsUrl: has('thumbs.jpg'),
  };
}

/** The report and processing state of an entry's files, for whoever may see the entry. */
export async function entryMediaStatus(deps: Deps, actor: Actor, entryId: string): Promise<EntryMediaStatus> {
  const ctx = await loadEntryContext(deps, actor, entryId);
  const { entry } = ctx;
  const published = isPublicEntryState(entry.status as EntryState);
  const rows = await mediaProcessingRepository.findMany(
    deps.db.kysely,
    [entry.original_media_id, entry.subtitle_media_id].filter((x): x is string => !!x),
  );
  const byId = new Map(rows.map((r) => [r.media_id, r]));
  const available = !processingUnavailable(deps);
  let original: MediaFileStatus | null = null;
  if (entry.original_media_id) {
    const row = byId.get(entry.original_media_id);
    const outputs = row?.status === 'ready' ? outputsOf(row) : null;
    const report = reportOf(row);
    original = {
      // A file uploaded before the pipeline existed, or while ffmpeg is missing, has no row or an unavailable one.
      status: row?.status ?? (available ? 'queued' : 'unavailable'),
      progress: row?.progress ?? 0,
      report,
      urls: outputs ? await urlsFor(deps, outputs, published) : null,
      width: outputs?.width ?? report?.width ?? null,
      height: outputs?.height ?? report?.height ?? null,
    };
  }
  let subtitle: EntryMediaStatus['subtitle'] = null;
  if (entry.subtitle_media_id) {
    const row = byId.get(entry.subtitle_media_id);
    const outputs = row?.status === 'ready' ? outputsOf(row) : null;
    const base = outputs
      ? published
        ? publicPrefix(outputs.sha256, outputs.version)
        : await signedPrefix(deps, outputs.sha256, outputs.version)
      : null;
    subtitle = { status: row?.status ?? 'queued', url: base ? `${base}/subtitle.vtt` : null };
  }
  return {
    processingAvailable: available,
    original,
    subtitle,
    blocking: original?.report
      ? hardFindings(original.report).map(({ code, message }) => ({ code, message }))
      : [],
  };
}

export interface ServedMedia {
  status: 200 | 206 | 304;
  body: NodeJS.ReadableStream | null;
  headers: Record<string, string>;
}

const SHA = /^[0-9a-f]{64}$/;
const VERSION = /^v\d{1,3}$/;
const FILE = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,80}\/){0,3}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,80}$/;

function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[1]) return { start: Math.max(0, size - Number(m[2])), end: size - 1 };
  return { start: Number(m[1]), end: m[2] ? Math.min(Number(m[2]), size - 1) : size - 1 };
}

/**
 * Serves one file of a set of renditions. `signed`: the token must be valid and unexpired. `public`: the
 * content hash must belong to an entry the public may see; the path is content-addressed, so it is cached
 * for a year as immutable. Both answer range requests and If-None-Match.
 */
export async function serveMedia(
  deps: Deps,
  req: {
    access: { kind: 'public' } | { kind: 'signed'; token: string };
    sha: string;
    version: string;
    file: string;
    range: string | undefined;
    ifNoneMatch: string | undefined;
  },
): Promise<ServedMedia> {
  const { sha, version, file } = req;
  if (!SHA.test(sha) || !VERSION.test(version) || !FILE.test(file) || file.includes('..'))
    throw errors.notFound();
  let cacheControl: string;
  if (req.access.kind === 'signed') {
    const verdict = await checkToken(deps, req.access.token, sha, version);
    if (verdict === 'expired') throw errors.expired();
    if (verdict === 'invalid') throw errors.invalid();
    cacheControl = `private, max-age=${tokenRemaining(deps, req.access.token)}`;
  } else {
    const owners = await mediaSourceRepository.bySha(deps.db.kysely, sha);
    if (!owners.some((o) => isPublicEntryState(o.status as EntryState))) throw errors.notFound();
    cacheControl = 'public, max-age=31536000, immutable';
  }
  const key = `${outputPrefix(sha).replace(/\/v\d+$/, '')}/${version}/${file}`;
  const stat = await deps.storage.stat(key);
  if (!stat) throw errors.notFound();
  const etag = `"${sha.slice(0, 16)}-${stat.etag ?? stat.size.toString(16)}"`;
  const common = { 'accept-ranges': 'bytes', 'cache-control': cacheControl, etag };
  if (req.ifNoneMatch && req.ifNoneMatch.split(',').some((t) => t.trim() === etag))
    return { status: 304, body: null, headers: common };
  const range = parseRange(req.range, stat.size);
  try {
    const got = await deps.storage.get(key, range ?? undefined);
    const contentType = got.contentType ?? 'application/octet-stream';
    if (!range)
      return {
        status: 200,
        body: got.body,
        headers: { ...common, 'content-type': contentType, 'content-length': String(stat.size) },
      };
    return {
      status: 206,
      body: got.body,
      headers: {
        ...common,
        'content-type': contentType,
        'content-range': `bytes ${range.start}-${range.end}/${stat.size}`,
        'content-length': String(range.end - range.start + 1),
      },
    };
  } catch (e) {
    if (e instanceof ObjectNotFoundError) throw errors.notFound();
    if (e instanceof RangeNotSatisfiableError) throw errors.range();
    throw e;
  }
}
