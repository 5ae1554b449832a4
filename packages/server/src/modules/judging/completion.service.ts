import { deviationReport, sheetTotal, type Actor, type JudgeDeviation } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { flushEmails, notify } from '../notifications/notification.service.js';
import { currentAssignments, loadPanel, panelEntries } from './judging-context.js';
import { judgingRepository } from './judging.repository.js';
import type { PanelRef } from './panel.service.js';

export interface CompletionView {
  status: 'open' | 'closed';
  judges: Array<{
    userId: string;
    name: string;
    email: string;
    assigned: number;
    submitted: number;
    drafts: number;
    recused: number;
  }>;
  entries: Array<{ entryId: string; title: string; assigned: number; submitted: number }>;
  totals: { assigned: number; submitted: number };
  /**
   * Each sheet's state, never its scores: enough for an organizer to pick a submitted sheet to reopen
   * while judging is open.
   */
  sheets: Array<{
    sheetId: string;
    judgeUserId: string;
    entryId: string;
    status: 'draft' | 'submitted';
    submittedAt: string | null;
  }>;
  /** Per judge, from submitted sheets only (see core `deviationReport`). */
  deviations: Array<JudgeDeviation & { name: string }>;
  threshold: number;
}

/** What the secretariat follows: who has scored what, and which judges stand apart from the panel. */
export async function panelCompletion(deps: Deps, actor: Actor, ref: PanelRef): Promise<CompletionView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.follow');
  const db = deps.db.kysely;
  const entries = await panelEntries(db, ctx);
  const pairs = await currentAssignments(db, ctx, entries);
  const judges = await judgingRepository.judges(db, ctx.panel.id);
  const inPanel = new Set(entries.map((e) => e.id));
  const sheets = (await judgingRepository.sheets(db, ctx.panel.id)).filter((s) => inPanel.has(s.entry_id));
  const recusals = await judgingRepository.recusals(db, ctx.panel.id);
  const submitted = sheets.filter((s) => s.status === 'submitted');
  const nameOf = new Map(judges.map((j) => [j.user_id, j.name]));
  const deviations = deviationReport(
    submitted.map((s) => ({
      judgeId: s.judge_user_id,
      entryId: s.entry_id,
      total: sheetTotal(JSON.parse(s.scores_json) as Record<string, number>),
    })),
    ctx.panel.deviation_threshold,
  ).map((d) => ({ ...d, name: nameOf.get(d.judgeId) ?? d.judgeId }));
  return {
    status: ctx.panel.status,
    judges: judges.map((j) => ({
      userId: j.user_id,
      name: j.name,
      email: j.email,
      assigned: pairs.filter((p) => p.judgeId === j.user_id).length,
      submitted: submitted.filter((s) => s.judge_user_id === j.user_id).length,
      drafts: sheets.filter((s) => s.judge_user_id === j.user_id && s.status === 'draft').length,
      recused: recusals.filter((r) => r.judge_user_id === j.user_id).length,
    })),
    entries: entries
      .map((e) => ({
        entryId: e.id,
        title: e.title,
        assigned: pairs.filter((p) => p.entryId === e.id).length,
        submitted: submitted.filter((s) => s.entry_id === e.id).length,
      }))
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
    totals: { assigned: pairs.length, submitted: submitted.length },
    sheets: sheets.map((s) => ({
      sheetId: s.id,
      judgeUserId: s.judge_user_id,
      entryId: s.entry_id,
      status: s.status,
      submittedAt: s.submitted_at,
    })),
    deviations,
    threshold: ctx.panel.deviation_threshold,
  };
}

/** Emails (and puts in the feed of) every judge who still has sheets to submit. */
export async function remindJudges(deps: Deps, actor: Actor, ref: PanelRef): Promise<{ reminded: number }> {
  const view = await panelCompletion(deps, actor, ref);
  const ctx = await loadPanel(deps, actor, ref, 'judging.follow');
  const late = view.judges.filter((j) => j.submitted < j.assigned);
  if (late.length === 0 || view.status !== 'open') return { reminded: 0 };
  await inTransaction(deps, async (trx) => {
    for (const j of late) {
      const left = j.assigned - j.submitted;
      await notify(trx, deps, {
        userIds: [j.userId],
        contestId: ctx.contest.id,
        entryId: null,
        kind: 'jury.reminder',
        title: { vi: 'Nhắc chấm điểm', en: 'Scoring reminder' },
        body: {
          vi: `Bạn còn ${left} phiếu chấm chưa nộp (${ctx.round.name.vi}).`,
          en: `You still have ${left} sheet(s) to submit (${ctx.round.name.en}).`,
        },
      });
    }
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'jury.reminders_sent',
      subjectType: 'jury_panel',
      subjectId: ctx.panel.id,
      contestId: ctx.contest.id,
      data: { judges: late.map((j) => j.userId) },
    });
  });
  await flushEmails(deps);
  return { reminded: late.length };
}
