import { planAssignments, type Actor } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { accountRepository } from '../accounts/account.repository.js';
import { normalizeEmail } from '../accounts/credentials.js';
import { requestPasswordReset } from '../accounts/password-reset.service.js';
import { userErrors } from '../accounts/user.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { flushEmails, notify } from '../notifications/notification.service.js';
import {
  CONTEST_POOL,
  currentAssignments,
  entryUnitOf,
  judgeUnits,
  judgingErrors,
  loadPanel,
  panelEntries,
  type PanelContext,
} from './judging-context.js';
import { judgingRepository } from './judging.repository.js';

export interface PanelRef {
  slug: string;
  roundKey: string;
  unitId?: string | undefined;
}

export interface PanelView {
  id: string;
  roundKey: string;
  roundName: { vi: string; en: string };
  pool: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  resultsStatus: 'draft' | 'approved';
  assignment: { mode: 'all' | 'balanced'; judgesPerEntry: number | null };
  deviationThreshold: number;
  rubric: {
    key: string;
    criteria: Array<{
      key: string;
      label: { vi: string; en: string };
      description: { vi: string; en: string };
      maxPoints: number;
      step: number;
    }>;
  } | null;
  judges: Array<{
    userId: string;
    name: string;
    email: string;
    title: string;
    homeUnitId: string | null;
    homeUnitName: string | null;
    assigned: number;
  }>;
  entryCount: number;
}

export async function panelView(deps: Deps, ctx: PanelContext): Promise<PanelView> {
  const db = deps.db.kysely;
  const entries = await panelEntries(db, ctx);
  const pairs = await currentAssignments(db, ctx, entries);
  const judges = await judgingRepository.judges(db, ctx.panel.id);
  return {
    id: ctx.panel.id,
    roundKey: ctx.round.key,
    roundName: ctx.round.name,
    pool: ctx.pool,
    status: ctx.panel.status,
    closedAt: ctx.panel.closed_at,
    resultsStatus: ctx.panel.results_status,
    assignment: { mode: ctx.panel.assignment_mode, judgesPerEntry: ctx.panel.judges_per_entry },
    deviationThreshold: ctx.panel.deviation_threshold,
    rubric: ctx.rubric,
    judges: judges.map((j) => ({
      userId: j.user_id,
      name: j.name,
      email: j.email,
      title: j.title,
      homeUnitId: j.home_unit_id,
      homeUnitName: j.home_unit_id ? (ctx.units.get(j.home_unit_id)?.name ?? null) : null,
      assigned: pairs.filter((p) => p.judgeId === j.user_id).length,
    })),
    entryCount: entries.length,
  };
}

export async function getPanel(deps: Deps, actor: Actor, ref: PanelRef): Promise<PanelView> {
  return panelView(deps, await loadPanel(deps, actor, ref, 'judging.follow'));
}

/**
 * Invites a judge by email: an account is created when there is none (with the usual welcome link to set a
 * password), the judge role is scoped to this contest and round, and the judge joins the panel.
 */
export async function inviteJudge(
  deps: Deps,
  actor: Actor | null,
  ref: PanelRef,
  input: { email: string; name: string; title?: string | undefined; homeUnitId?: string | null | undefined },
): Promise<PanelView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.manage');
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw userErrors.invalidEmail();
  const homeUnitId = input.homeUnitId ?? null;
  if (homeUnitId && !ctx.units.get(homeUnitId)) throw userErrors.orgUnitNotFound();
  const at = nowIso(deps.clock);
  const outcome = await inTransaction(deps, async (trx) => {
    let user = await accountRepository.findUserByEmail(trx, email);
    const created = !user;
    if (!user) {
      user = {
        id: newId(),
        email,
        name: input.name.trim(),
        password_hash: null,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        disabled: 0,
        created_at: at,
        updated_at: at,
      };
      await accountRepository.insertUser(trx, user);
      await recordAudit(trx, deps, {
        actorUserId: actor?.userId ?? null,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        data: { email, name: user.name, via: 'jury.invite' },
      });
    }
    const role = {
      user_id: user.id,
      role: 'judge',
      contest_id: ctx.contest.id,
      round_key: ctx.round.key,
      // A district's jury is scoped to that district: least privilege, and no conflict since it is neutral.
      org_unit_id: ctx.pool === CONTEST_POOL ? null : ctx.pool,
    };
    if (!(await accountRepository.findSameAssignment(trx, role))) {
      const id = newId();
      await accountRepository.insertAssignment(trx, { ...role, id, created_at: at });
      await recordAudit(trx, deps, {
        actorUserId: actor?.userId ?? null,
        action: 'role.assigned',
        subjectType: 'user',
        subjectId: user.id,
        contestId: ctx.contest.id,
        data: { assignmentId: id, role: 'judge', roundKey: ctx.round.key, orgUnitId: role.org_unit_id },
      });
    }
    const joined = await judgingRepository.insertJudge(trx, {
      id: newId(),
      panel_id: ctx.panel.id,
      user_id: user.id,
      home_unit_id: homeUnitId,
      title: input.title?.trim() ?? '',
      created_at: at,
    });
    if (joined) {
      await recordAudit(trx, deps, {
        actorUserId: actor?.userId ?? null,
        action: 'jury.judge_invited',
        subjectType: 'jury_panel',
        subjectId: ctx.panel.id,
        contestId: ctx.contest.id,
        data: { userId: user.id, email, roundKey: ctx.round.key, pool: ctx.pool, homeUnitId },
      });
      if (!created)
        await notify(trx, deps, {
          userIds: [user.id],
          contestId: ctx.contest.id,
          entryId: null,
          kind: 'jury.invited',
          title: { vi: `Mời tham gia Ban Giám khảo`, en: 'Invitation to the jury' },
          body: {
            vi: `Bạn được mời chấm điểm ${ctx.round.name.vi} của cuộc thi "${ctx.config.title.vi}".`,
            en: `You are invited to score ${ctx.round.name.en} of "${ctx.config.title.en}".`,
          },
        });
    }
    return { created };
  });
  if (outcome.created) await requestPasswordReset(deps, email, 'welcome');
  else await flushEmails(deps);
  return getPanelAfterWrite(deps, actor, ref);
}

async function getPanelAfterWrite(deps: Deps, actor: Actor | null, ref: PanelRef): Promise<PanelView> {
  return panelView(deps, await loadPanel(deps, actor, ref, 'judging.manage'));
}

/** Chooses the assignment: every judge scores every entry, or N judges per entry, balanced. */
export async function setAssignment(
  deps: Deps,
  actor: Actor | null,
  ref: PanelRef,
  input: {
    mode: 'all' | 'balanced';
    judgesPerEntry?: number | undefined;
    deviationThreshold?: number | undefined;
  },
): Promise<PanelView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.manage');
  if (ctx.panel.status !== 'open') throw judgingErrors.panelClosed();
  const db = deps.db.kysely;
  const entries = await panelEntries(db, ctx);
  const judges = await judgingRepository.judges(db, ctx.panel.id);
  const units = await judgeUnits(
    db,
    ctx,
    judges.map((j) => j.user_id),
  );
  const recused = new Set(
    (await judgingRepository.recusals(db, ctx.panel.id)).map((r) => `${r.judge_user_id}\u0000${r.entry_id}`),
  );
  const perEntry = input.mode === 'balanced' ? Math.max(1, input.judgesPerEntry ?? 1) : null;
  const plan =
    perEntry === null
      ? null
      : planAssignments(
          units,
          entries.map((e) => entryUnitOf(ctx, e)),
          ctx.neutral,
          { kind: 'balanced', judgesPerEntry: perEntry },
          recused,
        );
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx) => {
    const ok = await judgingRepository.updatePanel(trx, ctx.panel.id, ctx.panel.version, {
      assignment_mode: input.mode,
      judges_per_entry: perEntry,
      deviation_threshold: input.deviationThreshold ?? ctx.panel.deviation_threshold,
      updated_at: at,
    });
    if (!ok) throw judgingErrors.versionConflict();
    await judgingRepository.replaceAssignments(
      trx,
      ctx.panel.id,
      (plan?.pairs ?? []).map((p) => ({
        id: newId(),
        panel_id: ctx.panel.id,
        judge_user_id: p.judgeId,
        entry_id: p.entryId,
        created_at: at,
      })),
    );
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'jury.assignment_set',
      subjectType: 'jury_panel',
      subjectId: ctx.panel.id,
      contestId: ctx.contest.id,
      data: {
        mode: input.mode,
        judgesPerEntry: perEntry,
        pairs: plan?.pairs.length ?? null,
        short: plan?.short ?? [],
        deviationThreshold: input.deviationThreshold ?? ctx.panel.deviation_threshold,
      },
    });
  });
  return getPanelAfterWrite(deps, actor, ref);
}

/** Closes (or reopens) judging: after close judges cannot score and aggregates become visible to the committee. */
export async function setPanelStatus(
  deps: Deps,
  actor: Actor | null,
  ref: PanelRef,
  status: 'open' | 'closed',
  reason?: string,
): Promise<PanelView> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.manage');
  if (ctx.panel.results_status === 'approved') throw judgingErrors.resultsApproved();
  if (status === 'open' && !reason?.trim()) throw judgingErrors.reasonRequired();
  if (ctx.panel.status !== status) {
    const at = nowIso(deps.clock);
    await inTransaction(deps, async (trx) => {
      const ok = await judgingRepository.updatePanel(trx, ctx.panel.id, ctx.panel.version, {
        status,
        closed_at: status === 'closed' ? at : null,
        updated_at: at,
      });
      if (!ok) throw judgingErrors.versionConflict();
      await recordAudit(trx, deps, {
        actorUserId: actor?.userId ?? null,
        action: status === 'closed' ? 'jury.closed' : 'jury.reopened',
        subjectType: 'jury_panel',
        subjectId: ctx.panel.id,
        contestId: ctx.contest.id,
        data: { roundKey: ctx.round.key, pool: ctx.pool, reason: reason?.trim() || null },
      });
    });
  }
  return getPanelAfterWrite(deps, actor, ref);
}
