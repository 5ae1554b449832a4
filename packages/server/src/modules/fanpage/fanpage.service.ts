import {
  assertCanConfirm,
  can,
  countingSnapshots,
  DomainError,
  engagementCutoff,
  isPublicEntryState,
  votingWindowOf,
  type Actor,
  type EntryState,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { entryRepository } from '../entries/entry.repository.js';
import { fanpageRepository, type SnapshotRow } from './fanpage.repository.js';
import type { EngagementConnector } from './graph-connector.js';

export interface SnapshotView {
  id: string;
  entryId: string;
  entryTitle: string;
  likes: number;
  shares: number;
  takenAt: string;
  postUrl: string | null;
  hasEvidence: boolean;
  method: 'manual' | 'graph';
  recordedBy: string;
  recordedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** Whether this is the snapshot that counts for its entry at the cut-off. */
  counting: boolean;
}

const IMAGE_TYPES: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/png': {
    ext: 'png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/webp': {
    ext: 'webp',
    magic: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
};
export const screenshotTypes = Object.keys(IMAGE_TYPES) as Array<'image/png' | 'image/jpeg' | 'image/webp'>;
const MAX_SCREENSHOT = 5 * 1024 * 1024;

const errors = {
  evidence: () =>
    new DomainError('bad_request', 'evidence_required', {
      vi: 'Cần có bằng chứng: ảnh chụp màn hình hoặc địa chỉ bài đăng.',
      en: 'Evidence is required: a screenshot or the post URL.',
    }),
  screenshot: () =>
    new DomainError('bad_request', 'screenshot_invalid', {
      vi: 'Ảnh chụp màn hình phải là tệp PNG, JPEG hoặc WebP, tối đa 5 MB.',
      en: 'The screenshot must be a PNG, JPEG or WebP image of at most 5 MB.',
    }),
  future: () =>
    new DomainError('bad_request', 'snapshot_in_future', {
      vi: 'Thời điểm ghi nhận không thể ở tương lai.',
      en: 'The moment of the snapshot cannot be in the future.',
    }),
  entry: () =>
    new DomainError('not_found', 'entry_not_found', {
      vi: 'Không tìm thấy tác phẩm đã đăng tải trong cuộc thi này.',
      en: 'No published entry of this contest has that id.',
    }),
  notFound: () =>
    new DomainError('not_found', 'snapshot_not_found', {
      vi: 'Không tìm thấy số liệu này.',
      en: 'Snapshot not found.',
    }),
};

async function contestFor(
  deps: Deps,
  actor: Actor,
  slug: string,
  action: 'engagement.record' | 'engagement.confirm',
) {
  const contest = await loadContest(deps, slug);
  if (!can(actor, action, { contestId: contest.id })) throw authErrors.forbidden();
  return contest;
}

export interface RecordInput {
  entryId: string;
  likes: number;
  shares: number;
  takenAt: string;
  postUrl?: string | undefined;
  screenshot?: { contentType: string; dataBase64: string } | undefined;
}

/** A secretary records an entry's fanpage counts at a moment, with evidence. It counts only once confirmed. */
export async function recordSnapshot(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: RecordInput,
  method: 'manual' | 'graph' = 'manual',
): Promise<SnapshotView> {
  const contest = await contestFor(deps, actor, slug, 'engagement.record');
  const entry = await entryRepository.findById(deps.db.kysely, input.entryId);
  if (!entry || entry.contest_id !== contest.id || !isPublicEntryState(entry.status as EntryState))
    throw errors.entry();
  if (!input.postUrl && !input.screenshot) throw errors.evidence();
  const takenAt = new Date(input.takenAt);
  if (takenAt.getTime() > deps.clock.now().getTime() + 60_000) throw errors.future();
  const id = newId();
  let evidenceKey: string | null = null;
  let evidenceType: string | null = null;
  if (input.screenshot) {
    const kind = IMAGE_TYPES[input.screenshot.contentType];
    const bytes = Buffer.from(input.screenshot.dataBase64, 'base64');
    if (!kind || bytes.length === 0 || bytes.length > MAX_SCREENSHOT || !kind.magic(bytes))
      throw errors.screenshot();
    evidenceKey = `fanpage/${contest.id}/${id}.${kind.ext}`;
    evidenceType = input.screenshot.contentType;
    // Stored before the row: a failed commit leaves an orphan file, never a row without its evidence.
    await deps.storage.put(evidenceKey, bytes, { contentType: evidenceType, size: bytes.length });
  }
  const row: SnapshotRow = {
    id,
    contest_id: contest.id,
    entry_id: entry.id,
    source: 'facebook',
    likes: input.likes,
    shares: input.shares,
    taken_at: takenAt.toISOString(),
    post_url: input.postUrl ?? null,
    evidence_key: evidenceKey,
    evidence_type: evidenceType,
    method,
    recorded_by: actor.userId,
    recorded_at: nowIso(deps.clock),
    confirmed_by: null,
    confirmed_at: null,
  };
  await inTransaction(deps, async (trx) => {
    await fanpageRepository.insert(trx, row);
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'engagement.snapshot_recorded',
      subjectType: 'entry',
      subjectId: entry.id,
      contestId: contest.id,
      data: {
        snapshotId: id,
        likes: row.likes,
        shares: row.shares,
        takenAt: row.taken_at,
        method,
        postUrl: row.post_url,
      },
    });
  });
  return (await listSnapshots(deps, actor, slug, 'engagement.record')).find(
    (s) => s.id === id,
  ) as SnapshotView;
}

/** Fetches the post's counts through the connector and records them as a snapshot (still to be confirmed). */
export async function fetchSnapshot(
  deps: Deps,
  connector: EngagementConnector,
  actor: Actor,
  slug: string,
  input: { entryId: string; postUrl: string },
): Promise<SnapshotView> {
  await contestFor(deps, actor, slug, 'engagement.record');
  const counts = await connector.fetchPost(input.postUrl);
  return recordSnapshot(
    deps,
    actor,
    slug,
    {
      entryId: input.entryId,
      likes: counts.likes,
      shares: counts.shares,
      takenAt: nowIso(deps.clock),
      postUrl: input.postUrl,
    },
    'graph',
  );
}

/** A second, different secretary confirms a snapshot (two-person rule). */
export async function confirmSnapshot(
  deps: Deps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<SnapshotView> {
  const contest = await contestFor(deps, actor, slug, 'engagement.confirm');
  await inTransaction(deps, async (trx) => {
    const row = await fanpageRepository.findById(trx, id);
    if (!row || row.contest_id !== contest.id) throw errors.notFound();
    assertCanConfirm(
      {
        id: row.id,
        entryId: row.entry_id,
        takenAt: row.taken_at,
        recordedBy: row.recorded_by,
        confirmedBy: row.confirmed_by,
      },
      actor.userId,
    );
    if (!(await fanpageRepository.confirm(trx, id, actor.userId, nowIso(deps.clock))))
      assertCanConfirm(
        {
          id,
          entryId: row.entry_id,
          takenAt: row.taken_at,
          recordedBy: row.recorded_by,
          confirmedBy: 'someone',
        },
        actor.userId,
      );
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'engagement.snapshot_confirmed',
      subjectType: 'entry',
      subjectId: row.entry_id,
      contestId: contest.id,
      data: { snapshotId: id, recordedBy: row.recorded_by, likes: row.likes, shares: row.shares },
    });
  });
  return (await listSnapshots(deps, actor, slug, 'engagement.confirm')).find(
    (s) => s.id === id,
  ) as SnapshotView;
}

export async function listSnapshots(
  deps: Deps,
  actor: Actor,
  slug: string,
  action: 'engagement.record' | 'engagement.confirm' = 'engagement.record',
): Promise<SnapshotView[]> {
  const contest = await contestFor(deps, actor, slug, action);
  const config = parseConfig(contest);
  const db = deps.db.kysely;
  const rows = await fanpageRepository.listByContest(db, contest.id);
  const titles = new Map(
    (
      await db.selectFrom('entries').select(['id', 'title']).where('contest_id', '=', contest.id).execute()
    ).map((e) => [e.id, e.title]),
  );
  const firstRound = config.rounds[0]?.key ?? '';
  const cutoff = engagementCutoff(config, votingWindowOf(config, firstRound)) ?? deps.clock.now();
  const chosen = countingSnapshots(
    rows.map((r) => ({
      ...r,
      entryId: r.entry_id,
      takenAt: r.taken_at,
      recordedBy: r.recorded_by,
      confirmedBy: r.confirmed_by,
    })),
    cutoff,
  );
  const counting = new Set([...chosen.values()].map((s) => s.id));
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    entryTitle: titles.get(r.entry_id) ?? '',
    likes: Number(r.likes),
    shares: Number(r.shares),
    takenAt: r.taken_at,
    postUrl: r.post_url,
    hasEvidence: r.evidence_key !== null,
    method: r.method,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
    counting: counting.has(r.id),
  }));
}

export async function snapshotEvidence(deps: Deps, actor: Actor, slug: string, id: string) {
  const contest = await contestFor(deps, actor, slug, 'engagement.record');
  const row = await fanpageRepository.findById(deps.db.kysely, id);
  if (!row || row.contest_id !== contest.id || !row.evidence_key) throw errors.notFound();
  const obj = await deps.storage.get(row.evidence_key);
  return { body: obj.body, contentType: row.evidence_type ?? 'application/octet-stream', size: obj.size };
}
