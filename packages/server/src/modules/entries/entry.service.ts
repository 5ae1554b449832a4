import {
  can,
  DomainError,
  entryRoundOf,
  scopeUnitOf,
  type Actor,
  type LocalizedText,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { assertMediaRulesMet } from '../media/media-access.service.js';
import { flushEmails } from '../notifications/notification.service.js';
import { loadUnitIndex } from '../org-units/unit-index.js';
import { teamRepository } from '../teams/team.repository.js';
import { assertEntryAllowed, entryAllowed, entryErrors, loadEntryContext } from './entry-context.js';
import { transition } from './entry-transition.js';
import { entryView, summaryOf, type EntrySummary, type EntryView } from './entry-view.js';
import { assertOpen, entryInWindow } from './entry-windows.js';
import { entryRepository, type EntryRow } from './entry.repository.js';

export interface EntryFieldsInput {
  title?: string | undefined;
  synopsis?: string | undefined;
  credits?: string | undefined;
  declarations?: Record<string, boolean> | undefined;
}

const errors = {
  noTeam: () =>
    new DomainError('forbidden', 'team_not_registered', {
      vi: 'Đơn vị của bạn chưa có tổ dự thi được duyệt.',
      en: 'Your unit has no approved team yet.',
    }),
  quota: (max: number) =>
    new DomainError('conflict', 'team_entry_quota', {
      vi: `Mỗi tổ được gửi tối đa ${max} tác phẩm.`,
      en: `A team may send at most ${max} entries.`,
    }),
  incomplete: (missing: Array<{ path: string; label: LocalizedText }>) =>
    new DomainError(
      'bad_request',
      'entry_incomplete',
      {
        vi: `Chưa thể nộp: còn thiếu ${missing.map((m) => m.label.vi).join('; ')}.`,
        en: `Cannot submit yet: missing ${missing.map((m) => m.label.en).join('; ')}.`,
      },
      { issues: missing.map((m) => ({ path: m.path, code: 'required', message: m.label })) },
    ),
  noEntryRound: () =>
    new DomainError('conflict', 'no_open_round', {
      vi: 'Cuộc thi không có vòng nhận tác phẩm.',
      en: 'The contest has no round that takes submissions.',
    }),
};

/** A team creates an entry in its contest's first round, while that round takes submissions. */
export async function createEntry(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: EntryFieldsInput & { title: string },
): Promise<EntryView> {
  const contest = await loadContest(deps, slug);
  const config = parseConfig(contest);
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const teamUnit = actor.assignments.find((a) => a.role === 'team' && a.contestId === contest.id)?.orgUnitId;
  const team = teamUnit ? await teamRepository.findByUnit(db, contest.id, teamUnit) : undefined;
  if (!team || team.status !== 'approved') throw errors.noTeam();
  const ancestry = units.ancestry(team.org_unit_id);
  if (
    !can(actor, 'entry.create', {
      contestId: contest.id,
      orgUnitId: team.org_unit_id,
      orgUnitAncestry: ancestry,
    })
  )
    throw authErrors.forbidden();
  const round = entryRoundOf(config);
  if (!round) throw errors.noEntryRound();
  const now = deps.clock.now();
  await assertOpen(db, contest.id, config, round.key, 'submission', ancestry, now);
  const at = now.toISOString();
  const entry: EntryRow = {
    id: newId(),
    contest_id: contest.id,
    round_key: round.key,
    team_id: team.id,
    org_unit_id: team.org_unit_id,
    scope_unit_id: scopeUnitOf(round, units.path(team.org_unit_id)),
    title: input.title.trim(),
    synopsis: input.synopsis?.trim() ?? '',
    credits: input.credits?.trim() ?? '',
    declarations_json: JSON.stringify(input.declarations ?? {}),
    checklist_json: '{}',
    status: 'draft',
    status_reason: null,
    fix_deadline: null,
    original_media_id: null,
    subtitle_media_id: null,
    submitted_at: null,
    forwarded_at: null,
    version: 1,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(deps, async (trx) => {
    if ((await entryRepository.countActiveOfTeam(trx, team.id)) >= config.entryRules.maxEntriesPerTeam)
      throw errors.quota(config.entryRules.maxEntriesPerTeam);
    await entryRepository.insert(trx, entry);
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'entry.created',
      subjectType: 'entry',
      subjectId: entry.id,
      contestId: contest.id,
      data: { title: entry.title, teamId: team.id },
    });
  });
  return getEntry(deps, actor, entry.id);
}

export async function getEntry(deps: Deps, actor: Actor, id: string): Promise<EntryView> {
  const ctx = await loadEntryContext(deps, actor, id);
  return entryView(deps.db.kysely, actor, ctx);
}

/** Entries the actor may see in a contest: their commune's, their district's, or all for contest staff. */
export async function listEntries(
  deps: Deps,
  actor: Actor,
  slug: string,
  filter: { status?: string | undefined; roundKey?: string | undefined; scopeUnitId?: string | undefined },
): Promise<EntrySummary[]> {
  const contest = await loadContest(deps, slug);
  if (!can(actor, 'contest.view', { contestId: contest.id })) throw authErrors.forbidden();
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const teams = new Map((await teamRepository.listByContest(db, contest.id)).map((t) => [t.id, t.name]));
  return (await entryRepository.listByContest(db, contest.id))
    .filter((e) => entryAllowed(actor, 'entry.view', e, units.ancestry(e.org_unit_id)))
    .filter(
      (e) =>
        (!filter.status || e.status === filter.status) &&
        (!filter.roundKey || e.round_key === filter.roundKey),
    )
    .filter((e) => !filter.scopeUnitId || units.ancestry(e.org_unit_id).includes(filter.scopeUnitId))
    .map((e) => summaryOf(e, teams.get(e.team_id) ?? '', { units }));
}

/** Editing is the team's, while the round takes submissions (or, once returned, until the fix deadline). */
export async function assertEditable(
  deps: Deps,
  ctx: Awaited<ReturnType<typeof loadEntryContext>>,
): Promise<void> {
  const { entry } = ctx;
  const now = deps.clock.now();
  if (entry.status === 'returned') {
    if (entry.fix_deadline && now.getTime() >= Date.parse(entry.fix_deadline))
      throw new DomainError('conflict', 'WINDOW_CLOSED', {
        vi: `Đã hết hạn chỉnh sửa theo yêu cầu: hạn chót là ${new Date(entry.fix_deadline).toLocaleString('vi-VN', { timeZone: ctx.config.timezone })}.`,
        en: `The fix deadline has passed: it was ${entry.fix_deadline}.`,
      });
    return;
  }
  if (entry.status !== 'draft')
    throw new DomainError('conflict', 'entry_locked', {
      vi: 'Tác phẩm đã nộp nên không thể sửa. Hãy rút lại về bản nháp trước (khi còn hạn).',
      en: 'The entry has been submitted and cannot be edited. Take it back to draft first (while the window is open).',
    });
  await assertOpen(
    deps.db.kysely,
    entry.contest_id,
    ctx.config,
    entry.round_key,
    'submission',
    ctx.ancestry,
    now,
  );
}

export async function updateEntry(
  deps: Deps,
  actor: Actor,
  id: string,
  input: EntryFieldsInput & { version: number },
): Promise<EntryView> {
  const ctx = await loadEntryContext(deps, actor, id);
  assertEntryAllowed(actor, 'entry.edit', ctx);
  await assertEditable(deps, ctx);
  const { entry } = ctx;
  if (entry.version !== input.version) throw entryErrors.versionConflict();
  const patch = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.synopsis !== undefined ? { synopsis: input.synopsis.trim() } : {}),
    ...(input.credits !== undefined ? { credits: input.credits.trim() } : {}),
    ...(input.declarations !== undefined ? { declarations_json: JSON.stringify(input.declarations) } : {}),
    updated_at: nowIso(deps.clock),
  };
  await inTransaction(deps, async (trx) => {
    if (!(await entryRepository.update(trx, entry.id, { version: entry.version }, patch)))
      throw entryErrors.versionConflict();
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'entry.edited',
      subjectType: 'entry',
      subjectId: entry.id,
      contestId: entry.contest_id,
      data: { fields: Object.keys(patch).filter((k) => k !== 'updated_at') },
    });
  });
  return getEntry(deps, actor, id);
}

const FIELD_LABELS: Record<string, LocalizedText> = {
  title: { vi: 'tên tác phẩm', en: 'the title' },
  synopsis: { vi: 'tóm tắt nội dung', en: 'the synopsis' },
  credits: { vi: 'thành viên thực hiện', en: 'the credits' },
};

/** What still stops a submission, named for people (with paths for forms). */
function missingForSubmission(
  entry: EntryRow,
  ctx: Awaited<ReturnType<typeof loadEntryContext>>,
): Array<{ path: string; label: LocalizedText }> {
  const rules = ctx.config.entryRules;
  const declared = JSON.parse(entry.declarations_json) as Record<string, boolean>;
  const fields: Record<string, string> = {
    title: entry.title,
    synopsis: entry.synopsis,
    credits: entry.credits,
  };
  return [
    ...rules.requiredFields
      .filter((f) => f in fields && !fields[f]?.trim())
      .map((f) => ({ path: f, label: FIELD_LABELS[f] ?? { vi: f, en: f } })),
    ...rules.declarations
      .filter((d) => d.required && declared[d.key] !== true)
      .map((d) => ({
        path: `declarations.${d.key}`,
        label: { vi: `cam kết "${d.label.vi}"`, en: `the declaration "${d.label.en}"` },
      })),
    ...(entry.original_media_id ? [] : [{ path: 'video', label: { vi: 'tệp video', en: 'the video file' } }]),
  ];
}

export async function submitEntry(deps: Deps, actor: Actor, id: string): Promise<EntryView> {
  const ctx = await entryInWindow(deps, actor, id, 'entry.edit');
  const missing = missingForSubmission(ctx.entry, ctx);
  if (missing.length) throw errors.incomplete(missing);
  await assertMediaRulesMet(deps, ctx.entry.original_media_id);
  await inTransaction(deps, (trx) =>
    transition(trx, deps, ctx, actor.userId, ['submit'], {
      submissionWindowOpen: true,
      patch: { submitted_at: nowIso(deps.clock) },
    }),
  );
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

export async function unsubmitEntry(deps: Deps, actor: Actor, id: string): Promise<EntryView> {
  const ctx = await entryInWindow(deps, actor, id, 'entry.edit');
  await inTransaction(deps, (trx) =>
    transition(trx, deps, ctx, actor.userId, ['unsubmit'], { submissionWindowOpen: true }),
  );
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

export async function withdrawEntry(
  deps: Deps,
  actor: Actor,
  id: string,
  reason: string | undefined,
): Promise<EntryView> {
  const ctx = await loadEntryContext(deps, actor, id);
  assertEntryAllowed(actor, 'entry.withdraw', ctx);
  const { entry } = ctx;
  await inTransaction(deps, async (trx) => {
    // A withdrawn nomination frees its slot in the district's quota.
    if (entry.status === 'nominated' && !entry.forwarded_at && entry.scope_unit_id)
      await entryRepository.releaseQuota(trx, quotaKey(entry));
    await transition(trx, deps, ctx, actor.userId, ['withdraw'], { reason });
  });
  await flushEmails(deps, { entryId: id });
  return getEntry(deps, actor, id);
}

export const quotaKey = (e: Pick<EntryRow, 'contest_id' | 'round_key' | 'scope_unit_id'>): string =>
  `${e.contest_id}:${e.round_key}:${e.scope_unit_id ?? 'contest'}`;
