import { demoContestConfig } from '@clipcontest/core';
import type { Deps } from '../../src/infra/context.js';
import { createContest } from '../../src/modules/contests/contest.service.js';
import { newId, nowIso } from '../../src/infra/db/ids.js';
import { entryRepository } from '../../src/modules/entries/entry.repository.js';
import { orgUnitRepository } from '../../src/modules/org-units/org-unit.repository.js';
import { teamRepository } from '../../src/modules/teams/team.repository.js';
import { unique } from './harness.js';

/**
 * Entries already through the earlier steps (tested in entries.api.test.ts), written straight to the
 * tables so jury tests start where judging starts: one team per commune, one entry per call.
 */
export async function entryAt(
  deps: Deps,
  contestId: string,
  opts: {
    communeCode: string;
    roundKey: string;
    status: string;
    scopeUnitCode?: string;
    createdBy: string;
    submittedAt?: string;
  },
): Promise<{ id: string; title: string }> {
  const db = deps.db.kysely;
  const unit = await orgUnitRepository.findByCode(db, opts.communeCode);
  if (!unit) throw new Error(`no unit ${opts.communeCode}`);
  const scope = opts.scopeUnitCode ? await orgUnitRepository.findByCode(db, opts.scopeUnitCode) : undefined;
  const at = nowIso(deps.clock);
  let team = await teamRepository.findByUnit(db, contestId, unit.id);
  if (!team) {
    team = {
      id: newId(),
      contest_id: contestId,
      org_unit_id: unit.id,
      name: `Tổ CNSCĐ ${unit.name}`,
      status: 'approved',
      created_at: at,
      created_by: opts.createdBy,
      approved_at: at,
      approved_by: opts.createdBy,
    };
    await teamRepository.insert(db, team, []);
  }
  const id = newId();
  const title = `Câu chuyện ${unit.name} ${unique()}`;
  await entryRepository.insert(db, {
    id,
    contest_id: contestId,
    round_key: opts.roundKey,
    team_id: team.id,
    org_unit_id: unit.id,
    scope_unit_id: scope?.id ?? null,
    title,
    synopsis: 'Tổ công nghệ số cộng đồng giúp người dân dùng dịch vụ công trực tuyến.',
    credits: 'Đạo diễn: Nguyễn Văn Ánh',
    declarations_json: '{}',
    checklist_json: '{}',
    status: opts.status,
    status_reason: null,
    fix_deadline: null,
    original_media_id: null,
    subtitle_media_id: null,
    submitted_at: opts.submittedAt ?? at,
    forwarded_at: at,
    version: 1,
    created_by: opts.createdBy,
    created_at: at,
    updated_at: at,
  });
  return { id, title };
}

/**
 * The demo contest (in its production phase) with the district preliminary judged by a jury, while the
 * district's submissions come in: the shape of a district round run by its coordinator.
 */
export async function districtJuryContest(
  deps: Deps,
  slugPrefix: string,
): Promise<{ id: string; slug: string }> {
  const slug = unique(slugPrefix);
  const base = demoContestConfig({ phase: 'production', now: deps.clock.now() });
  const config = {
    ...base,
    slug,
    rounds: base.rounds.map((r) =>
      r.key === 'district'
        ? {
            ...r,
            method: 'jury' as const,
            rubricKey: 'final-2023',
            juryMaxPoints: 100,
            finalistCount: 2,
            windows: { ...r.windows, judging: r.windows.submission },
          }
        : r,
    ),
  };
  const contest = await createContest(deps, null, config);
  return { id: contest.id, slug };
}
