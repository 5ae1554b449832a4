import { assertSheetValid, can, isConflict, type Actor, type LocalizedText } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { contestRepository } from '../contests/contest.repository.js';
import { loadContest } from '../contests/contest.service.js';
import { entryErrors } from '../entries/entry-context.js';
import { assertOpen } from '../entries/entry-windows.js';
import { entryRepository, type EntryRow } from '../entries/entry.repository.js';
import {
  CONTEST_POOL,
  currentAssignments,
  entryUnitOf,
  judgeUnits,
  judgingErrors,
  panelEntries,
  panelOf,
  type PanelContext,
} from './judging-context.js';
import { judgingRepository, type SheetRow } from './judging.repository.js';

export interface SheetView {
  id: string | null;
  entryId: string;
  judgeUserId: string;
  scores: Record<string, number>;
  comment: string;
  status: 'none' | 'draft' | 'submitted';
  total: number | null;
  version: number;
  updatedAt: string | null;
  submittedAt: string | null;
}

const toView = (s: SheetRow): SheetView => {
  const scores = JSON.parse(s.scores_json) as Record<string, number>;
  const values = Object.values(scores);
  return {
    id: s.id,
    entryId: s.entry_id,
    judgeUserId: s.judge_user_id,
    scores,
    comment: s.comment,
    status: s.status,
    total: values.length ? values.reduce((a, b) => a + b, 0) : null,
    version: s.version,
    updatedAt: s.updated_at,
    submittedAt: s.submitted_at,
  };
};

const emptySheet = (entryId: string, judgeUserId: string): SheetView => ({
  id: null,
  entryId,
  judgeUserId,
  scores: {},
  comment: '',
  status: 'none',
  total: null,
  version: 0,
  updatedAt: null,
  submittedAt: null,
});

export interface QueueView {
  panels: Array<{
    panelId: string;
    roundKey: string;
    roundName: LocalizedText;
    pool: string;
    status: 'open' | 'closed';
    rubric: PanelContext['rubric'];
    entries: Array<{
      id: string;
      title: string;
      synopsis: string;
      credits: string;
      unitName: string;
      hasVideo: boolean;
      sheet: SheetView;
    }>;
    recused: Array<{ entryId: string; title: string; reason: string }>;
  }>;
}

/** A judge's own work: assigned entries and their own sheets — never anyone else's scores or any counts. */
export async function judgeQueue(deps: Deps, actor: Actor, slug: string): Promise<QueueView> {
  const db = deps.db.kysely;
  const contest = await loadContest(deps, slug);
  const panels = (await judgingRepository.panelsOfJudge(db, actor.userId)).filter(
    (p) => p.contest_id === contest.id,
  );
  const out: QueueView['panels'] = [];
  for (const p of panels) {
    const ctx = await panelOf(
      deps,
      null,
      contest,
      p.round_key,
      p.pool === CONTEST_POOL ? null : p.pool,
      'contest.view',
    );
    const entries = await panelEntries(db, ctx);
    const mine = new Set(
      (await currentAssignments(db, ctx, entries))
        .filter((a) => a.judgeId === actor.userId)
        .map((a) => a.entryId),
    );
    const sheets = new Map(
      (await judgingRepository.sheetsOfJudge(db, p.id, actor.userId)).map((s) => [s.entry_id, s]),
    );
    const recusals = (await judgingRepository.recusals(db, p.id)).filter(
      (r) => r.judge_user_id === actor.userId,
    );
    out.push({
      panelId: p.id,
      roundKey: ctx.round.key,
      roundName: ctx.round.name,
      pool: ctx.pool,
      status: ctx.panel.status,
      rubric: ctx.rubric,
      entries: entries
        .filter((e) => mine.has(e.id))
        .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
        .map((e) => {
          const s = sheets.get(e.id);
          return {
            id: e.id,
            title: e.title,
            synopsis: e.synopsis,
            credits: e.credits,
            unitName: ctx.units.get(e.org_unit_id)?.name ?? '',
            hasVideo: e.original_media_id !== null,
            sheet: s ? toView(s) : emptySheet(e.id, actor.userId),
          };
        }),
      recused: recusals.map((r) => ({
        entryId: r.entry_id,
        title: entries.find((e) => e.id === r.entry_id)?.title ?? '',
        reason: r.reason,
      })),
    });
  }
  return { panels: out };
}

interface JudgeEntryContext {
  ctx: PanelContext;
  entry: EntryRow;
}

/** The panel of an entry, and proof that this judge may score it now (assigned, no conflict, not recused). */
async function judgeEntryContext(
  deps: Deps,
  actor: Actor,
  entryId: string,
  opts: { forRecusal?: boolean } = {},
): Promise<JudgeEntryContext> {
  const db = deps.db.kysely;
  const entry = await entryRepository.findById(db, entryId);
  if (!entry) throw entryErrors.notFound();
  const contest = await contestRepository.findById(db, entry.contest_id);
  if (!contest) throw entryErrors.notFound();
  const pool = entry.scope_unit_id ?? CONTEST_POOL;
  const panel = await judgingRepository.findPanel(db, contest.id, entry.round_key, pool);
  const isJudge = panel
    ? (await judgingRepository.judges(db, panel.id)).some((j) => j.user_id === actor.userId)
    : false;
  if (!panel || !isJudge) throw authErrors.forbidden();
  const ctx = await panelOf(deps, null, contest, entry.round_key, entry.scope_unit_id, 'contest.view');
  if (
    !can(actor, 'entry.score', {
      ...ctx.resource,
      orgUnitId: entry.org_unit_id,
      orgUnitAncestry: ctx.units.ancestry(entry.org_unit_id),
    })
  )
    throw authErrors.forbidden();
  const [units] = await judgeUnits(db, ctx, [actor.userId]);
  if (units && isConflict(units, entryUnitOf(ctx, entry), ctx.neutral)) throw judgingErrors.conflict();
  const recused = (await judgingRepository.recusals(db, panel.id)).some(
    (r) => r.judge_user_id === actor.userId && r.entry_id === entry.id,
  );
  if (recused) throw judgingErrors.recused();
  const assigned = (await currentAssignments(db, ctx)).some(
    (a) => a.judgeId === actor.userId && a.entryId === entry.id,
  );
  if (!assigned) throw judgingErrors.notAssigned();
  if (ctx.panel.status !== 'open') throw judgingErrors.panelClosed();
  if (!opts.forRecusal && ctx.round.windows.judging)
    await assertOpen(
      db,
      contest.id,
      ctx.config,
      ctx.round.key,
      'judging',
      ctx.units.ancestry(entry.org_unit_id),
      deps.clock.now(),
    );
  return { ctx, entry };
}

export async function getOwnSheet(deps: Deps, actor: Actor, entryId: string): Promise<SheetView> {
  const { ctx, entry } = await judgeEntryContext(deps, actor, entryId);
  const s = await judgingRepository.findSheetOf(deps.db.kysely, ctx.panel.id, actor.userId, entry.id);
  return s ? toView(s) : emptySheet(entry.id, actor.userId);
}

/**
 * Saves the judge's sheet as a draft (autosave) or submits it, which locks it. A submitted sheet cannot be
 * edited again unless an organizer reopens it.
 */
export async function saveSheet(
  deps: Deps,
  actor: Actor,
  entryId: string,
  input: { scores: Record<string, number>; comment?: string | undefined; submit?: boolean | undefined },
): Promise<SheetView> {
  const { ctx, entry } = await judgeEntryContext(deps, actor, entryId);
  if (!ctx.rubric) throw judgingErrors.roundNotFound();
  const submit = input.submit === true;
  assertSheetValid(ctx.rubric, input.scores, submit ? 'submit' : 'draft');
  const at = nowIso(deps.clock);
  const id = await inTransaction(deps, async (trx) => {
    const current = await judgingRepository.findSheetOf(trx, ctx.panel.id, actor.userId, entry.id);
    if (current?.status === 'submitted') throw judgingErrors.sheetLocked();
    const fields = {
      scores_json: JSON.stringify(input.scores),
      comment: (input.comment ?? current?.comment ?? '').trim(),
      status: submit ? ('submitted' as const) : ('draft' as const),
      submitted_at: submit ? at : null,
      updated_at: at,
    };
    let sheetId: string;
    if (!current) {
      sheetId = newId();
      const inserted = await judgingRepository.insertSheet(trx, {
        id: sheetId,
        panel_id: ctx.panel.id,
        judge_user_id: actor.userId,
        entry_id: entry.id,
        version: 1,
        created_at: at,
        ...fields,
      });
      if (!inserted) {
        // Two autosaves of a new sheet raced: the other one created it, so this one updates it.
        const other = await judgingRepository.findSheetOf(trx, ctx.panel.id, actor.userId, entry.id);
        if (!other) throw judgingErrors.versionConflict();
        if (other.status === 'submitted') throw judgingErrors.sheetLocked();
        sheetId = other.id;
        const ok = await judgingRepository.updateSheet(
          trx,
          other.id,
          { version: other.version, status: 'draft' },
          fields,
        );
        if (!ok) throw judgingErrors.versionConflict();
      }
    } else {
      sheetId = current.id;
      const ok = await judgingRepository.updateSheet(
        trx,
        current.id,
        { version: current.version, status: 'draft' },
        fields,
      );
      if (!ok) throw judgingErrors.versionConflict();
    }
    // Drafts are autosaved often; only the submission, which counts, is an audited event.
    if (submit)
      await recordAudit(trx, deps, {
        actorUserId: actor.userId,
        action: 'jury.sheet_submitted',
        subjectType: 'jury_sheet',
        subjectId: sheetId,
        contestId: ctx.contest.id,
        data: { entryId: entry.id, roundKey: ctx.round.key, scores: input.scores, comment: fields.comment },
      });
    return sheetId;
  });
  const saved = await judgingRepository.findSheet(deps.db.kysely, id);
  if (!saved) throw judgingErrors.sheetNotFound();
  return toView(saved);
}

/** A judge steps back from an entry, with a reason (audited); any draft of theirs stops counting. */
export async function recuse(deps: Deps, actor: Actor, entryId: string, reason: string): Promise<QueueView> {
  const { ctx, entry } = await judgeEntryContext(deps, actor, entryId, { forRecusal: true });
  if (!reason.trim()) throw judgingErrors.reasonRequired();
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx) => {
    const current = await judgingRepository.findSheetOf(trx, ctx.panel.id, actor.userId, entry.id);
    if (current?.status === 'submitted') throw judgingErrors.sheetLocked();
    await judgingRepository.insertRecusal(trx, {
      id: newId(),
      panel_id: ctx.panel.id,
      judge_user_id: actor.userId,
      entry_id: entry.id,
      reason: reason.trim(),
      created_at: at,
    });
    await judgingRepository.removeAssignment(trx, ctx.panel.id, actor.userId, entry.id);
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'jury.recused',
      subjectType: 'entry',
      subjectId: entry.id,
      contestId: ctx.contest.id,
      data: { roundKey: ctx.round.key, reason: reason.trim() },
    });
  });
  return judgeQueue(deps, actor, ctx.contest.slug);
}

async function sheetPanel(deps: Deps, sheet: SheetRow): Promise<PanelContext> {
  const panel = await judgingRepository.findPanelById(deps.db.kysely, sheet.panel_id);
  const contest = panel ? await contestRepository.findById(deps.db.kysely, panel.contest_id) : undefined;
  if (!panel || !contest) throw judgingErrors.sheetNotFound();
  return panelOf(
    deps,
    null,
    contest,
    panel.round_key,
    panel.pool === CONTEST_POOL ? null : panel.pool,
    'contest.view',
  );
}

/**
 * One sheet: its judge may always read it; the committee (organizer, secretariat) only after judging closes.
 * Another judge never may.
 */
export async function getSheet(deps: Deps, actor: Actor, sheetId: string): Promise<SheetView> {
  const sheet = await judgingRepository.findSheet(deps.db.kysely, sheetId);
  if (!sheet) throw judgingErrors.sheetNotFound();
  if (sheet.judge_user_id === actor.userId) return toView(sheet);
  const ctx = await sheetPanel(deps, sheet);
  if (!can(actor, 'judging.follow', ctx.resource)) throw authErrors.forbidden();
  if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  return toView(sheet);
}

/** An organizer sends a submitted sheet back to its judge, with a reason that is audited. */
export async function reopenSheet(
  deps: Deps,
  actor: Actor | null,
  sheetId: string,
  reason: string,
): Promise<SheetView> {
  const sheet = await judgingRepository.findSheet(deps.db.kysely, sheetId);
  if (!sheet) throw judgingErrors.sheetNotFound();
  const ctx = await sheetPanel(deps, sheet);
  if (actor && !can(actor, 'judging.manage', ctx.resource)) throw authErrors.forbidden();
  if (!reason.trim()) throw judgingErrors.reasonRequired();
  if (ctx.panel.status !== 'open') throw judgingErrors.panelClosed();
  if (sheet.status !== 'submitted') return toView(sheet);
  await inTransaction(deps, async (trx) => {
    const ok = await judgingRepository.updateSheet(
      trx,
      sheet.id,
      { version: sheet.version, status: 'submitted' },
      {
        status: 'draft',
        submitted_at: null,
        updated_at: nowIso(deps.clock),
      },
    );
    if (!ok) throw judgingErrors.versionConflict();
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'jury.sheet_reopened',
      subjectType: 'jury_sheet',
      subjectId: sheet.id,
      contestId: ctx.contest.id,
      data: { entryId: sheet.entry_id, judgeUserId: sheet.judge_user_id, reason: reason.trim() },
    });
  });
  const saved = await judgingRepository.findSheet(deps.db.kysely, sheet.id);
  if (!saved) throw judgingErrors.sheetNotFound();
  return toView(saved);
}
