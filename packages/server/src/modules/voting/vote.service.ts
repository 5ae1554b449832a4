import { createHash } from 'node:crypto';
import {
  assertDailyShareLimit,
  assertIdempotencyKey,
  assertVotingOpen,
  countsHidden,
  DomainError,
  isPublicEntryState,
  localDayOf,
  replayOf,
  votingWindowOf,
  type ContestConfig,
  type EntryState,
  type VotingWindow,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId } from '../../infra/db/ids.js';
import { enforceLimits } from './rate-limit.js';
import type { VoterPrincipal } from './voter.service.js';
import { pgGroupCommit, pgLikeOrShare } from './vote-pg.repository.js';
import { sqliteVoteTx } from './vote-sqlite.repository.js';
import { voteRepository, type Counts, type VoteRow } from './vote.repository.js';
import type { VotingRuntime } from './voting-runtime.js';

export const shareTargets = ['facebook', 'zalo', 'copy'] as const;
export type ShareTarget = (typeof shareTargets)[number];

export interface VoteResult {
  entryId: string;
  liked: boolean;
  shared: boolean;
  /** Whether this request changed the count (false for a repeat like / share). */
  counted: boolean;
  /** `null` while counts are hidden from the public. */
  likes: number | null;
  shares: number | null;
}

export interface VotableEntry {
  id: string;
  contestId: string;
  roundKey: string;
  config: ContestConfig;
  window: VotingWindow | null;
}

const notFound = () =>
  new DomainError('not_found', 'entry_not_found', { vi: 'Không tìm thấy tác phẩm.', en: 'Entry not found.' });

// Parsed configurations and voting windows by contest id and version, and entries for a few seconds: the
// vote path of a burst reads no contest document and at most one entry row per entry and interval. A status
// change (e.g. a disqualification) reaches the vote path within ENTRY_CACHE_MS; the window is always
// checked against the clock.
const ENTRY_CACHE_MS = 5_000;
const configCache = new Map<
  string,
  { version: number; config: ContestConfig; windows: Map<string, VotingWindow | null> }
>();
const entryCache = new Map<string, { entry: VotableEntry; until: number }>();

/** A published entry with its contest's configuration and voting window (404 for anything not public). */
export async function votableEntry(db: Executor, entryId: string, now = Date.now()): Promise<VotableEntry> {
  const hit = entryCache.get(entryId);
  if (hit && hit.until > now) return hit.entry;
  const row = await db
    .selectFrom('entries as e')
    .innerJoin('contests as c', 'c.id', 'e.contest_id')
    .select(['e.id', 'e.status', 'e.round_key', 'e.contest_id', 'c.version'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (!row || !isPublicEntryState(row.status as EntryState)) {
    entryCache.delete(entryId);
    throw notFound();
  }
  let cached = configCache.get(row.contest_id);
  if (!cached || cached.version !== row.version) {
    const c = await db
      .selectFrom('contests')
      .select(['config_json', 'version'])
      .where('id', '=', row.contest_id)
      .executeTakeFirstOrThrow();
    cached = { version: c.version, config: JSON.parse(c.config_json) as ContestConfig, windows: new Map() };
    configCache.set(row.contest_id, cached);
  }
  let window = cached.windows.get(row.round_key);
  if (window === undefined) {
    window = votingWindowOf(cached.config, row.round_key);
    cached.windows.set(row.round_key, window);
  }
  const entry = {
    id: row.id,
    contestId: row.contest_id,
    roundKey: row.round_key,
    config: cached.config,
    window,
  };
  if (entryCache.size > 10_000) entryCache.clear();
  entryCache.set(entryId, { entry, until: now + ENTRY_CACHE_MS });
  return entry;
}

export interface VoteRequest {
  voter: VoterPrincipal;
  entryId: string;
  action: 'like' | 'unlike' | 'share';
  target?: ShareTarget | undefined;
  ip: string;
  idempotencyKey?: string | undefined;
}

const hashOf = (r: VoteRequest) =>
  createHash('sha256')
    .update(`${r.action}\n${r.entryId}\n${r.target ?? ''}`)
    .digest('hex');

/**
 * Likes, unlikes or shares an entry for a verified voter, inside the voting window. The ledger row and the
 * counter change commit together. With an Idempotency-Key, the first request decides and every replay
 * (concurrent or later) gets its answer; without one, the unique index on active votes still makes a
 * repeated like or share a no-op.
 */
export async function vote(deps: Deps, rt: VotingRuntime, req: VoteRequest): Promise<VoteResult> {
  if (req.idempotencyKey !== undefined) assertIdempotencyKey(req.idempotencyKey);
  const now = deps.clock.now();
  await enforceLimits(rt.store, now, [
    { limit: rt.limits.votePerIp, subject: req.ip },
    { limit: rt.limits.votePerVoter, subject: req.voter.id },
  ]);
  const entry = await votableEntry(deps.db.kysely, req.entryId, now.getTime());
  const at = now.toISOString();
  const requestHash = req.idempotencyKey ? hashOf(req) : '';
  const row: VoteRow = {
    id: newId(),
    contest_id: entry.contestId,
    entry_id: entry.id,
    voter_id: req.voter.id,
    kind: req.action === 'share' ? 'share' : 'like',
    target: req.action === 'share' ? (req.target ?? 'copy') : null,
    created_at: at,
    ip: req.ip,
    undone_at: null,
    voided: 0,
    void_reason: null,
    voided_by: null,
    voided_at: null,
  };
  const dailyShares =
    req.action === 'share' ? entry.config.audienceFormula?.dailyShareLimitPerVoter : undefined;
  const day = dailyShares === undefined ? undefined : localDayOf(now, entry.config.timezone);
  const shareLimit =
    day === undefined
      ? undefined
      : {
          from: day.from.toISOString(),
          to: day.to.toISOString(),
          assert: (sharesToday: number) => assertDailyShareLimit(dailyShares, sharesToday, now, day),
        };
  if (deps.db.sqlite) {
    const hidden = countsHidden(entry.config, entry.window, now);
    return sqliteVoteTx<VoteResult>(
      deps.db,
      {
        voterId: req.voter.id,
        entryId: entry.id,
        contestId: entry.contestId,
        action: req.action,
        row,
        at,
        idempotency: req.idempotencyKey ? { key: req.idempotencyKey, requestHash } : undefined,
        shareLimit,
      },
      {
        check: () => assertVotingOpen(entry.window, now, entry.config.timezone),
        replay: (stored) =>
          replayOf(
            {
              requestHash: stored.request_hash,
              statusCode: stored.status_code,
              responseJson: stored.response_json,
            },
            requestHash,
          ).body as VoteResult,
        build: (counted, counts, kinds) => ({
          entryId: entry.id,
          liked: kinds.includes('like'),
          shared: kinds.includes('share'),
          counted,
          likes: hidden ? null : (counts?.likes ?? null),
          shares: hidden ? null : (counts?.shares ?? null),
        }),
      },
    );
  }
  const open = isOpen(entry, now);
  const batchable = req.action !== 'unlike' && !shareLimit && open;
  const body = async (trx: Executor): Promise<VoteResult> => {
    if (batchable) {
      // One round trip for the common case; a key seen before is replayed by the step-by-step path below.
      const fast = await pgLikeOrShare(
        trx,
        row,
        req.idempotencyKey ? { key: req.idempotencyKey, requestHash } : undefined,
      );
      if (!req.idempotencyKey || fast.claimed) {
        const hidden = countsHidden(entry.config, entry.window, now);
        const result: VoteResult = {
          entryId: entry.id,
          liked: fast.kinds.includes('like'),
          shared: fast.kinds.includes('share'),
          counted: fast.counted,
          likes: hidden ? null : fast.counts.likes,
          shares: hidden ? null : fast.counts.shares,
        };
        if (req.idempotencyKey)
          await voteRepository.idempotent.complete(
            trx,
            req.voter.id,
            req.idempotencyKey,
            200,
            JSON.stringify(result),
          );
        return result;
      }
    }
    if (req.idempotencyKey) {
      const key = req.idempotencyKey;
      const claimed = await voteRepository.idempotent.claim(trx, {
        voter_id: req.voter.id,
        key,
        request_hash: requestHash,
        status_code: null,
        response_json: null,
        created_at: at,
      });
      if (!claimed) {
        const stored = await voteRepository.idempotent.find(trx, req.voter.id, key);
        if (stored?.response_json && stored.status_code !== null)
          return replayOf(
            {
              requestHash: stored.request_hash,
              statusCode: stored.status_code,
              responseJson: stored.response_json,
            },
            requestHash,
          ).body as VoteResult;
      }
    }
    // The window is checked after the key: a replay of an accepted vote still answers after closing time.
    assertVotingOpen(entry.window, now, entry.config.timezone);
    let counted = false;
    let counts: Counts | undefined;
    if (req.action === 'unlike') {
      const like = await voteRepository.active(trx, req.voter.id, entry.id, 'like');
      if (like && (await voteRepository.undo(trx, like.id, at))) {
        counted = true;
        if (!like.voided) counts = await voteRepository.bump(trx, entry.contestId, entry.id, -1, 0);
      }
    } else {
      if (shareLimit) {
        await voteRepository.lockVoter(trx, req.voter.id);
        const mine = await voteRepository.activeKinds(trx, req.voter.id, entry.id);
        if (!mine.some((v) => v.kind === 'share'))
          shareLimit.assert(
            await voteRepository.sharesBetween(trx, req.voter.id, shareLimit.from, shareLimit.to),
          );
      }
      counted = await voteRepository.insertIfAbsent(trx, row);
      if (counted)
        counts = await voteRepository.bump(
          trx,
          entry.contestId,
          entry.id,
          row.kind === 'like' ? 1 : 0,
          row.kind === 'share' ? 1 : 0,
        );
    }
    const result = await resultOf(trx, entry, req.voter.id, counted, now, counts);
    if (req.idempotencyKey)
      await voteRepository.idempotent.complete(
        trx,
        req.voter.id,
        req.idempotencyKey,
        200,
        JSON.stringify(result),
      );
    return result;
  };
  return batchable ? pgGroupCommit(deps.db.kysely, body) : inTransaction(deps, body);
}

function isOpen(entry: VotableEntry, now: Date): boolean {
  try {
    assertVotingOpen(entry.window, now, entry.config.timezone);
    return true;
  } catch {
    return false;
  }
}

async function resultOf(
  db: Executor,
  entry: VotableEntry,
  voterId: string,
  counted: boolean,
  now: Date,
  known?: Counts,
): Promise<VoteResult> {
  const mine = await voteRepository.activeKinds(db, voterId, entry.id);
  const hidden = countsHidden(entry.config, entry.window, now);
  const counts = hidden ? null : (known ?? (await voteRepository.counts(db, entry.id)));
  return {
    entryId: entry.id,
    liked: mine.some((v) => v.kind === 'like'),
    shared: mine.some((v) => v.kind === 'share'),
    counted,
    likes: counts?.likes ?? null,
    shares: counts?.shares ?? null,
  };
}
