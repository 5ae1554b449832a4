import {
  can,
  currentPhase,
  DomainError,
  extendWindow,
  timeline,
  validateContestConfig,
  type Actor,
  type ContestConfig,
  type LocalizedText,
  type WindowKind,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { authErrors } from '../accounts/auth.errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { listOrgUnits, type OrgUnitView } from '../org-units/org-unit.service.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import { contestRepository, type ContestRow } from './contest.repository.js';

export type Phase = ReturnType<typeof currentPhase>;

export interface TimelineItemView {
  roundKey: string;
  roundName: LocalizedText;
  kind: WindowKind;
  opensAt: string;
  closesAt: string;
  opensAtLocal: string;
  closesAtLocal: string;
  status: 'past' | 'open' | 'upcoming';
}

export const contestErrors = {
  notFound: () =>
    new DomainError('not_found', 'contest_not_found', {
      vi: 'Không tìm thấy cuộc thi.',
      en: 'Contest not found.',
    }),
  versionConflict: () =>
    new DomainError('conflict', 'version_conflict', {
      vi: 'Cấu hình vừa được người khác thay đổi. Hãy tải lại rồi sửa tiếp.',
      en: 'Someone else changed the configuration meanwhile. Reload, then edit again.',
    }),
  slugTaken: () =>
    new DomainError('conflict', 'contest_slug_taken', {
      vi: 'Đã có cuộc thi với mã này.',
      en: 'A contest with this slug already exists.',
    }),
  invalidConfig: (issues: DomainError['issues']) =>
    new DomainError(
      'bad_request',
      'invalid_config',
      {
        vi: 'Cấu hình cuộc thi chưa hợp lệ. Không có gì được lưu.',
        en: 'The contest configuration is not valid. Nothing was saved.',
      },
      { issues },
    ),
  reasonRequired: () =>
    new DomainError('bad_request', 'reason_required', {
      vi: 'Cần ghi rõ lý do.',
      en: 'A reason is required.',
    }),
};

export const parseConfig = (row: ContestRow): ContestConfig => JSON.parse(row.config_json) as ContestConfig;

export function timelineView(config: ContestConfig, now: Date): TimelineItemView[] {
  const names = new Map(config.rounds.map((r) => [r.key, r.name]));
  return timeline(config, now).map((t) => ({
    roundKey: t.roundKey,
    roundName: names.get(t.roundKey) ?? { vi: t.roundKey, en: t.roundKey },
    kind: t.kind,
    opensAt: t.opensAt.toISOString(),
    closesAt: t.closesAt.toISOString(),
    opensAtLocal: t.opensAtLocal,
    closesAtLocal: t.closesAtLocal,
    status: t.status,
  }));
}

export async function loadContest(deps: Deps, slug: string): Promise<ContestRow> {
  const row = await contestRepository.findBySlug(deps.db.kysely, slug);
  if (!row) throw contestErrors.notFound();
  return row;
}

export async function listPublicContests(deps: Deps) {
  const rows = await contestRepository.list(deps.db.kysely);
  return rows.map((r) => {
    const c = parseConfig(r);
    return { slug: c.slug, title: c.title, theme: c.theme, phase: currentPhase(c, deps.clock.now()) };
  });
}

export async function getPublicContest(deps: Deps, slug: string) {
  const c = parseConfig(await loadContest(deps, slug));
  const now = deps.clock.now();
  return {
    slug: c.slug,
    title: c.title,
    theme: c.theme,
    rulesText: c.rulesText,
    organizer: c.organizer,
    timezone: c.timezone,
    phase: currentPhase(c, now),
    timeline: timelineView(c, now),
    prizes: c.prizes,
  };
}

export async function getContest(deps: Deps, actor: Actor, slug: string) {
  const row = await loadContest(deps, slug);
  if (!can(actor, 'contest.view', { contestId: row.id })) throw authErrors.forbidden();
  return contestView(deps, row);
}

function contestView(deps: Deps, row: ContestRow) {
  const config = parseConfig(row);
  const now = deps.clock.now();
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    updatedAt: row.updated_at,
    phase: currentPhase(config, now),
    timeline: timelineView(config, now),
    config,
  };
}

function validOrThrow(input: unknown): ContestConfig {
  const result = validateContestConfig(input);
  if (!result.ok) throw contestErrors.invalidConfig(result.issues);
  return result.config;
}

/** Top-level sections whose content differs: enough for the audit trail to say what changed. */
function changedSections(before: ContestConfig, after: ContestConfig): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

export async function createContest(deps: Deps, actor: Actor | null, input: unknown): Promise<ContestRow> {
  // Contests are created by whoever runs the platform; organizers are then appointed per contest.
  if (actor && !can(actor, 'user.manage', {})) throw authErrors.forbidden();
  const config = validOrThrow(input);
  const at = nowIso(deps.clock);
  const row: ContestRow = {
    id: newId(),
    slug: config.slug,
    config_json: JSON.stringify(config),
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(deps, async (trx) => {
    if (await contestRepository.findBySlug(trx, config.slug)) throw contestErrors.slugTaken();
    await contestRepository.insert(trx, row);
    await recordAudit(trx, deps, {
      actorUserId: actor?.userId ?? null,
      action: 'contest.created',
      subjectType: 'contest',
      subjectId: row.id,
      contestId: row.id,
      data: { slug: config.slug },
    });
  });
  return row;
}

/** One unit (and everything under it) gets a later deadline; the configuration itself is unchanged. */
async function extendForUnit(
  deps: Deps,
  actor: Actor,
  row: ContestRow,
  config: ContestConfig,
  input: { roundKey: string; kind: WindowKind; closesAt: string; reason: string; orgUnitId: string },
): Promise<void> {
  // Validates the round, the window and "only later" exactly as a contest-wide extension would.
  extendWindow(config, input.roundKey, input.kind, input.closesAt);
  if (!(await orgUnitRepository.findById(deps.db.kysely, input.orgUnitId)))
    throw new DomainError('not_found', 'org_unit_not_found', {
      vi: 'Không tìm thấy đơn vị hành chính.',
      en: 'Administrative unit not found.',
    });
  await inTransaction(deps, async (trx) => {
    await trx
      .insertInto('window_overrides')
      .values({
        id: newId(),
        contest_id: row.id,
        round_key: input.roundKey,
        kind: input.kind,
        org_unit_id: input.orgUnitId,
        closes_at: input.closesAt,
        reason: input.reason.trim(),
        created_by: actor.userId,
        created_at: nowIso(deps.clock),
      })
      .execute();
    await recordAudit(trx, deps, {
      actorUserId: actor.userId,
      action: 'contest.window_extended',
      subjectType: 'contest',
      subjectId: row.id,
      contestId: row.id,
      data: {
        roundKey: input.roundKey,
        kind: input.kind,
        orgUnitId: input.orgUnitId,
        from: config.rounds.find((r) => r.key === input.roundKey)?.windows[input.kind]?.closesAt ?? null,
        to: input.closesAt,
        reason: input.reason.trim(),
      },
    });
  });
}

/** Writes a new version only if nobody saved since `expectedVersion`, with its audit row, atomically. */
async function saveConfig(
  deps: Deps,
  row: ContestRow,
  config: ContestConfig,
  expectedVersion: number,
  audit: { actorUserId: string | null; action: string; data: unknown },
): Promise<void> {
  await inTransaction(deps, async (trx) => {
    const saved = await contestRepository.updateConfig(
      trx,
      row.id,
      expectedVersion,
      JSON.stringify(config),
      nowIso(deps.clock),
    );
    if (!saved) throw contestErrors.versionConflict();
    await recordAudit(trx, deps, { ...audit, subjectType: 'contest', subjectId: row.id, contestId: row.id });
  });
}

export async function createContestView(deps: Deps, actor: Actor, input: unknown) {
  return contestView(deps, await createContest(deps, actor, input));
}

/** Replaces the whole configuration or nothing: validation happens before any write. */
export async function updateContestConfig(
  deps: Deps,
  actor: Actor | null,
  slug: string,
  input: { config: unknown; expectedVersion: number; reason?: string | undefined },
) {
  const row = await loadContest(deps, slug);
  if (actor && !can(actor, 'contest.configure', { contestId: row.id })) throw authErrors.forbidden();
  const config = validOrThrow(input.config);
  if (config.slug !== row.slug)
    throw contestErrors.invalidConfig([
      {
        path: 'slug',
        code: 'slug_immutable',
        message: { vi: 'Không thể đổi mã cuộc thi.', en: 'The contest slug cannot change.' },
      },
    ]);
  const before = parseConfig(row);
  await saveConfig(deps, row, config, input.expectedVersion, {
    actorUserId: actor?.userId ?? null,
    action: 'contest.config_updated',
    data: {
      fromVersion: input.expectedVersion,
      toVersion: input.expectedVersion + 1,
      changed: changedSections(before, config),
      reason: input.reason ?? null,
    },
  });
  return contestView(deps, await loadContest(deps, slug));
}

/** Deadline extensions carry a written reason into the audit trail. */
export async function extendContestWindow(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: {
    roundKey: string;
    kind: WindowKind;
    closesAt: string;
    reason: string;
    expectedVersion: number;
    orgUnitId?: string | undefined;
  },
) {
  const row = await loadContest(deps, slug);
  if (!can(actor, 'contest.extendWindow', { contestId: row.id, roundKey: input.roundKey }))
    throw authErrors.forbidden();
  if (!input.reason.trim()) throw contestErrors.reasonRequired();
  const before = parseConfig(row);
  if (input.orgUnitId) {
    await extendForUnit(deps, actor, row, before, { ...input, orgUnitId: input.orgUnitId });
    return contestView(deps, row);
  }
  const config = validOrThrow(extendWindow(before, input.roundKey, input.kind, input.closesAt));
  await saveConfig(deps, row, config, input.expectedVersion, {
    actorUserId: actor.userId,
    action: 'contest.window_extended',
    data: {
      roundKey: input.roundKey,
      kind: input.kind,
      from: before.rounds.find((r) => r.key === input.roundKey)?.windows[input.kind]?.closesAt ?? null,
      to: input.closesAt,
      reason: input.reason.trim(),
    },
  });
  return contestView(deps, await loadContest(deps, slug));
}

/** The org-unit tree as the contest's staff see it. */
export async function listContestOrgUnits(deps: Deps, actor: Actor, slug: string): Promise<OrgUnitView[]> {
  const row = await loadContest(deps, slug);
  if (!can(actor, 'contest.view', { contestId: row.id })) throw authErrors.forbidden();
  return listOrgUnits(deps);
}
