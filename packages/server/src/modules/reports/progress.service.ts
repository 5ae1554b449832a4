import { can, entryRoundOf, type Actor } from '@clipcontest/core';
import ExcelJS from 'exceljs';
import type { Deps } from '../../infra/context.js';
import { authErrors } from '../accounts/auth.errors.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { entryRepository } from '../entries/entry.repository.js';
import { loadUnitIndex } from '../org-units/unit-index.js';
import { teamRepository } from '../teams/team.repository.js';

export interface ProgressRow {
  unit: { id: string; code: string; name: string };
  teams: number;
  created: number;
  submitted: number;
  nominated: number;
  received: number;
  accepted: number;
}

const ACCEPTED = new Set(['accepted', 'published', 'scored', 'finalist', 'awarded']);
const RECEIVED = new Set(['received', 'returned', 'rejected', ...ACCEPTED]);

/** Per unit at the first round's scope level (districts in the reference contest), in code order. */
export async function contestProgress(
  deps: Deps,
  actor: Actor,
  slug: string,
): Promise<{ rows: ProgressRow[]; totals: Omit<ProgressRow, 'unit'> }> {
  const contest = await loadContest(deps, slug);
  if (!can(actor, 'report.view', { contestId: contest.id })) throw authErrors.forbidden();
  const config = parseConfig(contest);
  const db = deps.db.kysely;
  const units = await loadUnitIndex(db);
  const level = entryRoundOf(config)?.scopeLevel ?? config.entrantLevel;
  const rows = new Map<string, ProgressRow>();
  const rowFor = (unitId: string): ProgressRow | undefined => {
    const scope = units.path(unitId).find((u) => u.level === level);
    if (!scope) return undefined;
    let row = rows.get(scope.id);
    if (!row) {
      row = {
        unit: { id: scope.id, code: scope.code, name: scope.name },
        teams: 0,
        created: 0,
        submitted: 0,
        nominated: 0,
        received: 0,
        accepted: 0,
      };
      rows.set(scope.id, row);
    }
    return row;
  };
  // Every unit of the level appears, even with nothing yet: a district that sent nothing is information too.
  for (const u of units.atLevel(level)) rowFor(u.id);
  for (const t of await teamRepository.listByContest(db, contest.id)) {
    const row = t.status === 'approved' ? rowFor(t.org_unit_id) : undefined;
    if (row) row.teams++;
  }
  for (const e of await entryRepository.listByContest(db, contest.id)) {
    if (e.status === 'withdrawn') continue;
    const row = rowFor(e.org_unit_id);
    if (!row) continue;
    row.created++;
    if (e.submitted_at) row.submitted++;
    if (e.status === 'nominated' || e.forwarded_at) row.nominated++;
    if (RECEIVED.has(e.status)) row.received++;
    if (ACCEPTED.has(e.status)) row.accepted++;
  }
  const sorted = [...rows.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  const totals = { teams: 0, created: 0, submitted: 0, nominated: 0, received: 0, accepted: 0 };
  for (const r of sorted)
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += r[k];
  return { rows: sorted, totals };
}

const COLUMNS = [
  { key: 'teams', vi: 'Tổ đăng ký', en: 'Teams' },
  { key: 'created', vi: 'Tác phẩm tạo', en: 'Entries created' },
  { key: 'submitted', vi: 'Đã nộp', en: 'Submitted' },
  { key: 'nominated', vi: 'Được đề cử', en: 'Nominated' },
  { key: 'received', vi: 'Đã tiếp nhận', en: 'Received' },
  { key: 'accepted', vi: 'Hợp lệ', en: 'Accepted' },
] as const;

export async function contestProgressXlsx(
  deps: Deps,
  actor: Actor,
  slug: string,
  lang: 'vi' | 'en',
): Promise<Buffer> {
  const { rows, totals } = await contestProgress(deps, actor, slug);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'vi' ? 'Tiến độ' : 'Progress');
  ws.columns = [
    { header: lang === 'vi' ? 'Mã' : 'Code', key: 'code', width: 8 },
    { header: lang === 'vi' ? 'Đơn vị' : 'Unit', key: 'name', width: 32 },
    ...COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: 14 })),
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow({ code: r.unit.code, name: r.unit.name, ...r });
  const total = ws.addRow({ code: '', name: lang === 'vi' ? 'Tổng cộng' : 'Total', ...totals });
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
