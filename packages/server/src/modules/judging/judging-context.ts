import {
  CONTEST_SCOPE,
  can,
  DomainError,
  methodUsesJury,
  planAssignments,
  type Action,
  type Actor,
  type ContestConfig,
  type EntryUnit,
  type JudgeUnits,
  type Resource,
  type Round,
  type Rubric,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import type { Executor } from '../../infra/db/database.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import type { ContestRow } from '../contests/contest.repository.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { entryRepository, type EntryRow } from '../entries/entry.repository.js';
import { loadUnitIndex, type UnitIndex } from '../org-units/unit-index.js';
import { judgingRepository, type PanelRow } from './judging.repository.js';
import { DEFAULT_DEVIATION_THRESHOLD } from '@clipcontest/core';

export const CONTEST_POOL = 'contest';

export const judgingErrors = {
  roundNotFound: () =>
    new DomainError('not_found', 'jury_round_not_found', {
      vi: 'Không có vòng chấm điểm này.',
      en: 'There is no such jury round.',
    }),
  unitRequired: () =>
    new DomainError('bad_request', 'jury_unit_required', {
      vi: 'Vòng này chấm theo từng đơn vị: hãy chọn đơn vị.',
      en: 'This round is judged per unit: choose the unit.',
    }),
  notAssigned: () =>
    new DomainError('forbidden', 'not_assigned', {
      vi: 'Tác phẩm này không được phân công cho bạn.',
      en: 'This entry is not assigned to you.',
    }),
  conflict: () =>
    new DomainError('forbidden', 'conflict_of_interest', {
      vi: 'Bạn không thể chấm tác phẩm của đơn vị mình (xung đột lợi ích).',
      en: 'You cannot score an entry from your own unit (conflict of interest).',
    }),
  recused: () =>
    new DomainError('forbidden', 'recused', {
      vi: 'Bạn đã xin không chấm tác phẩm này.',
      en: 'You recused yourself from this entry.',
    }),
  panelClosed: () =>
    new DomainError('conflict', 'jury_round_closed', {
      vi: 'Vòng chấm điểm đã khóa.',
      en: 'Judging for this round is closed.',
    }),
  panelOpen: () =>
    new DomainError('forbidden', 'jury_round_open', {
      vi: 'Chưa thể xem điểm tổng hợp khi vòng chấm chưa khóa.',
      en: 'Aggregates are not available before judging closes.',
    }),
  resultsApproved: () =>
    new DomainError('conflict', 'results_already_approved', {
      vi: 'Kết quả đã được phê duyệt.',
      en: 'The results are already approved.',
    }),
  versionConflict: () =>
    new DomainError('conflict', 'jury_version_conflict', {
      vi: 'Dữ liệu vừa được thay đổi. Hãy tải lại trang.',
      en: 'It changed meanwhile. Reload the page.',
    }),
  sheetNotFound: () =>
    new DomainError('not_found', 'sheet_not_found', {
      vi: 'Không tìm thấy phiếu chấm.',
      en: 'Scoring sheet not found.',
    }),
  sheetLocked: () =>
    new DomainError('conflict', 'sheet_submitted', {
      vi: 'Phiếu chấm đã nộp và bị khóa.',
      en: 'The sheet is submitted and locked.',
    }),
  reasonRequired: () =>
    new DomainError('bad_request', 'reason_required', {
      vi: 'Cần ghi rõ lý do.',
      en: 'A written reason is required.',
    }),
};

/** States in which an entry of the round is in front of the jury. */
function scoreableStates(round: Round): ReadonlySet<string> {
  // A first round (open submissions, e.g. a district preliminary) judges what teams submitted; later rounds
  // judge what the secretariat accepted.
  return round.source.kind === 'open'
    ? new Set(['submitted', 'nominated', 'not_selected', 'scored'])
    : new Set(['accepted', 'published', 'scored', 'finalist', 'awarded']);
}

export interface PanelContext {
  contest: ContestRow;
  config: ContestConfig;
  round: Round;
  rubric: Rubric | null;
  pool: string;
  panel: PanelRow;
  units: UnitIndex;
  resource: Resource;
  /** Units whose sharing is no conflict: the round's scope unit and above (the root for a contest round). */
  neutral: ReadonlySet<string>;
}

/** Loads (creating on first use) the jury panel of a round at a scope; checks `action` for the actor. */
export async function loadPanel(
  deps: Deps,
  actor: Actor | null,
  ref: { slug: string; roundKey: string; unitId?: string | undefined },
  action: Action,
  db: Executor = deps.db.kysely,
): Promise<PanelContext> {
  const contest = await loadContest(deps, ref.slug);
  return panelOf(deps, actor, contest, ref.roundKey, ref.unitId, action, db);
}

export async function panelOf(
  deps: Deps,
  actor: Actor | null,
  contest: ContestRow,
  roundKey: string,
  unitId: string | undefined | null,
  action: Action,
  db: Executor = deps.db.kysely,
): Promise<PanelContext> {
  const config = parseConfig(contest);
  const round = config.rounds.find((r) => r.key === roundKey);
  if (!round || !methodUsesJury(round.method)) throw judgingErrors.roundNotFound();
  const units = await loadUnitIndex(db);
  let pool = CONTEST_POOL;
  let ancestry: string[] = [];
  if (round.scopeLevel !== CONTEST_SCOPE) {
    const unit = unitId ? units.get(unitId) : undefined;
    if (!unit) throw judgingErrors.unitRequired();
    if (unit.level !== round.scopeLevel) throw judgingErrors.unitRequired();
    pool = unit.id;
    ancestry = units.ancestry(unit.id);
  }
  const resource: Resource = {
    contestId: contest.id,
    roundKey,
    ...(pool === CONTEST_POOL ? {} : { orgUnitId: pool }),
    orgUnitAncestry: ancestry,
  };
  if (actor && !can(actor, action, resource)) throw authErrors.forbidden();
  const rootLevel = config.orgLevels[0];
  const neutral = new Set(pool === CONTEST_POOL ? units.atLevel(rootLevel ?? '').map((u) => u.id) : ancestry);
  let panel = await judgingRepository.findPanel(db, contest.id, roundKey, pool);
  if (!panel) {
    const at = nowIso(deps.clock);
    await judgingRepository.ensurePanel(db, {
      id: newId(),
      contest_id: contest.id,
      round_key: roundKey,
      pool,
      assignment_mode: 'all',
      judges_per_entry: null,
      deviation_threshold: DEFAULT_DEVIATION_THRESHOLD,
      status: 'open',
      closed_at: null,
      results_status: 'draft',
      overrides_json: '[]',
      bundle_json: null,
      output_json: null,
      finalists_json: null,
      approved_by: null,
      approved_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    panel = await judgingRepository.findPanel(db, contest.id, roundKey, pool);
    if (!panel) throw judgingErrors.roundNotFound();
  }
  const rubric = config.rubrics.find((r) => r.key === round.rubricKey) ?? null;
  return { contest, config, round, rubric, pool, panel, units, resource, neutral };
}

/** The entries in front of this panel's jury. */
export async function panelEntries(db: Executor, ctx: PanelContext): Promise<EntryRow[]> {
  const states = scoreableStates(ctx.round);
  return (await entryRepository.listByContest(db, ctx.contest.id)).filter(
    (e) =>
      e.round_key === ctx.round.key && (e.scope_unit_id ?? CONTEST_POOL) === ctx.pool && states.has(e.status),
  );
}

/** Units each judge is tied to: their home unit and any unit a role of theirs in this contest is scoped to. */
export async function judgeUnits(db: Executor, ctx: PanelContext, userIds: string[]): Promise<JudgeUnits[]> {
  if (userIds.length === 0) return [];
  const judges = await judgingRepository.judges(db, ctx.panel.id);
  const roles = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'org_unit_id'])
    .where('user_id', 'in', userIds)
    .where((eb) => eb.or([eb('contest_id', '=', ctx.contest.id), eb('contest_id', 'is', null)]))
    .execute();
  return userIds.map((id) => {
    const unitIds = new Set<string>();
    const home = judges.find((j) => j.user_id === id)?.home_unit_id;
    if (home) unitIds.add(home);
    for (const r of roles) if (r.user_id === id && r.org_unit_id) unitIds.add(r.org_unit_id);
    return { judgeId: id, unitAncestries: [...unitIds].map((u) => ctx.units.ancestry(u)) };
  });
}

export const entryUnitOf = (ctx: PanelContext, e: EntryRow): EntryUnit => ({
  entryId: e.id,
  ancestry: ctx.units.ancestry(e.org_unit_id),
});

const pairKey = (judgeId: string, entryId: string) => `${judgeId}\u0000${entryId}`;

/**
 * Who scores what right now. "All judges" is recomputed from today's judges and entries; a balanced plan is
 * the one stored when the organizer chose it. Either way conflicts and recusals are taken out here, so a
 * conflicted pair can never come back through a stale stored row.
 */
export async function currentAssignments(
  db: Executor,
  ctx: PanelContext,
  entries?: EntryRow[],
): Promise<Array<{ judgeId: string; entryId: string }>> {
  const list = entries ?? (await panelEntries(db, ctx));
  const judges = await judgingRepository.judges(db, ctx.panel.id);
  const units = await judgeUnits(
    db,
    ctx,
    judges.map((j) => j.user_id),
  );
  const recused = new Set(
    (await judgingRepository.recusals(db, ctx.panel.id)).map((r) => pairKey(r.judge_user_id, r.entry_id)),
  );
  const entryUnits = list.map((e) => entryUnitOf(ctx, e));
  const all = planAssignments(units, entryUnits, ctx.neutral, { kind: 'all' }, recused).pairs;
  if (ctx.panel.assignment_mode === 'all') return all;
  const allowed = new Set(all.map((p) => pairKey(p.judgeId, p.entryId)));
  return (await judgingRepository.assignments(db, ctx.panel.id))
    .map((a) => ({ judgeId: a.judge_user_id, entryId: a.entry_id }))
    .filter((p) => allowed.has(pairKey(p.judgeId, p.entryId)));
}
