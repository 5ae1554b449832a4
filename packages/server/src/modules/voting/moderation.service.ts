import {
  can,
  detectFraudSignals,
  DomainError,
  maskVoterAddress,
  type Actor,
  type FraudSignal,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadContest } from '../contests/contest.service.js';
import { voteRepository } from './vote.repository.js';

export interface ReviewVote {
  id: string;
  entryId: string;
  entryTitle: string;
  kind: 'like' | 'share';
  target: string | null;
  at: string;
  ip: string | null;
  voter: string;
  voterCreatedAt: string;
  undone: boolean;
  voided: boolean;
  voidReason: string | null;
}

export interface FraudReview {
  signals: FraudSignal[];
  votes: ReviewVote[];
}

async function contestFor(deps: Deps, actor: Actor | null, slug: string, action: 'vote.void') {
  const contest = await loadContest(deps, slug);
  if (actor && !can(actor, action, { contestId: contest.id })) throw authErrors.forbidden();
  return contest;
}

/** Signals and the ledger of a contest, for the secretariat's fraud review. */
export async function fraudReview(deps: Deps, actor: Actor, slug: string): Promise<FraudReview> {
  const contest = await contestFor(deps, actor, slug, 'vote.void');
  const db = deps.db.kysely;
  const votes = await voteRepository.listOfContest(db, contest.id);
  const voterIds = [...new Set(votes.map((v) => v.voter_id))];
  const voters = voterIds.length
    ? await db.selectFrom('voters').selectAll().where('id', 'in', voterIds).execute()
    : [];
  const titles = new Map(
    (
      await db.selectFrom('entries').select(['id', 'title']).where('contest_id', '=', contest.id).execute()
    ).map((e) => [e.id, e.title]),
  );
  const voterById = new Map(voters.map((v) => [v.id, v]));
  const signals = detectFraudSignals(
    votes
      .filter((v) => v.undone_at === null)
      .map((v) => ({
        id: v.id,
        entryId: v.entry_id,
        voterId: v.voter_id,
        kind: v.kind,
        at: v.created_at,
        ip: v.ip,
        voided: v.voided === 1,
      })),
    voters.map((v) => ({ id: v.id, channel: v.channel, identity: v.identity, createdAt: v.created_at })),
  );
  return {
    signals,
    votes: votes.map((v) => {
      const voter = voterById.get(v.voter_id);
      return {
        id: v.id,
        entryId: v.entry_id,
        entryTitle: titles.get(v.entry_id) ?? '',
        kind: v.kind,
        target: v.target,
        at: v.created_at,
        ip: v.ip,
        voter: voter ? maskVoterAddress(voter.channel, voter.identity) : '',
        voterCreatedAt: voter?.created_at ?? '',
        undone: v.undone_at !== null,
        voided: v.voided === 1,
        voidReason: v.void_reason,
      };
    }),
  };
}

const errors = {
  reason: () =>
    new DomainError('bad_request', 'reason_required', {
      vi: 'Cần ghi lý do huỷ phiếu.',
      en: 'A reason is required to void votes.',
    }),
  unknown: () =>
    new DomainError('not_found', 'vote_not_found', {
      vi: 'Không tìm thấy phiếu bình chọn.',
      en: 'Vote not found.',
    }),
};

/**
 * Voids votes (one or a selection) with a reason: they stay in the ledger, marked; active ones leave the
 * counters; one audit row per call records who voided which votes and why.
 */
export async function voidVotes(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: { voteIds: string[]; reason: string },
): Promise<{ voided: number }> {
  const contest = await contestFor(deps, actor, slug, 'vote.void');
  const reason = input.reason.trim();
  if (!reason) throw errors.reason();
  const ids = [...new Set(input.voteIds)];
  return inTransaction(deps, async (trx) => {
    const rows = await voteRepository.byIds(trx, contest.id, ids);
    if (rows.length !== ids.length) throw errors.unknown();
    const at = nowIso(deps.clock);
    const done: string[] = [];
    for (const v of rows) {
      if (!(await voteRepository.markVoided(trx, v.id, reason, actor.userId, at))) continue;
      done.push(v.id);
      if (v.undone_at === null)
        await voteRepository.bump(
          trx,
          contest.id,
          v.entry_id,
          v.kind === 'like' ? -1 : 0,
          v.kind === 'share' ? -1 : 0,
        );
    }
    if (done.length)
      await recordAudit(trx, deps, {
        actorUserId: actor.userId,
        action: 'votes.voided',
        subjectType: 'contest',
        subjectId: contest.id,
        contestId: contest.id,
        data: { voteIds: done, reason },
      });
    return { voided: done.length };
  });
}

export interface RecountReport {
  checked: number;
  mismatches: Array<{
    entryId: string;
    counter: { likes: number; shares: number };
    ledger: { likes: number; shares: number };
  }>;
  repaired: boolean;
}

/** Compares every counter with a recount of the ledger; with `repair`, sets the counters to the recount. */
export async function recountVotes(
  deps: Pick<Deps, 'db'>,
  opts: { repair: boolean; contestId?: string },
): Promise<RecountReport> {
  const run = async (db: Executor): Promise<RecountReport> => {
    const ledger = await voteRepository.recount(db, opts.contestId);
    const counters = await voteRepository.allCounters(db, opts.contestId);
    const byEntry = new Map<
      string,
      {
        contestId: string;
        counter: { likes: number; shares: number };
        ledger: { likes: number; shares: number };
      }
    >();
    for (const c of counters)
      byEntry.set(c.entry_id, {
        contestId: c.contest_id,
        counter: { likes: c.likes, shares: c.shares },
        ledger: { likes: 0, shares: 0 },
      });
    for (const l of ledger) {
      const cur = byEntry.get(l.entryId);
      const counted = { likes: l.likes, shares: l.shares };
      if (cur) cur.ledger = counted;
      else
        byEntry.set(l.entryId, { contestId: l.contestId, counter: { likes: 0, shares: 0 }, ledger: counted });
    }
    const mismatches = [...byEntry.entries()]
      .filter(([, v]) => v.counter.likes !== v.ledger.likes || v.counter.shares !== v.ledger.shares)
      .map(([entryId, v]) => ({ entryId, counter: v.counter, ledger: v.ledger, contestId: v.contestId }));
    if (opts.repair)
      for (const m of mismatches) await voteRepository.setCounter(db, m.contestId, m.entryId, m.ledger);
    return {
      checked: byEntry.size,
      mismatches: mismatches.map(({ entryId, counter, ledger }) => ({ entryId, counter, ledger })),
      repaired: opts.repair && mismatches.length > 0,
    };
  };
  return opts.repair ? deps.db.kysely.transaction().execute(run) : run(deps.db.kysely);
}
