import { can, instantToLocal, type Actor } from '@clipcontest/core';
import ExcelJS from 'exceljs';
import type { Deps } from '../../infra/context.js';
import {
  documentTitle,
  finish,
  nationalHeading,
  newDocument,
  signatureBlocks,
  table,
  type Doc,
} from '../../infra/pdf/pdf-document.js';
import { authErrors } from '../accounts/auth.errors.js';
import {
  CONTEST_POOL,
  judgingErrors,
  loadPanel,
  panelEntries,
  type PanelContext,
} from '../judging/judging-context.js';
import { judgingRepository } from '../judging/judging.repository.js';
import type { PanelRef } from '../judging/panel.service.js';
import type { EngagementReader } from './engagement.reader.js';
import { approvedPanel, computePanel, toResultsView, type ResultsView } from './results.service.js';

const num = (n: number | null): string =>
  n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 4, useGrouping: false });

const aggregationVi: Record<string, string> = {
  mean: 'trung bình cộng',
  median: 'trung vị',
  'trimmed-mean': 'trung bình sau khi bỏ điểm cao nhất và thấp nhất',
};

function heading(doc: Doc, ctx: PanelContext, at: Date): void {
  const unit = ctx.pool === CONTEST_POOL ? null : ctx.units.get(ctx.pool);
  nationalHeading(doc, {
    agency: ctx.config.organizer.name.vi,
    body: unit ? `Ban Tổ chức ${ctx.round.name.vi} — ${unit.name}` : 'Ban Tổ chức cuộc thi',
    place: ctx.config.organizer.place,
    localDate: instantToLocal(at, ctx.config.timezone),
  });
}

/** Phiếu chấm điểm: one judge's sheets for the round, as signed on paper. */
export async function scoringSheetPdf(
  deps: Deps,
  actor: Actor,
  ref: PanelRef,
  judgeUserId: string,
): Promise<Buffer> {
  const ctx = await loadPanel(deps, null, ref, 'contest.view');
  if (judgeUserId !== actor.userId) {
    if (!can(actor, 'judging.follow', ctx.resource)) throw authErrors.forbidden();
    if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  }
  const db = deps.db.kysely;
  const judge = (await judgingRepository.judges(db, ctx.panel.id)).find((j) => j.user_id === judgeUserId);
  if (!judge || !ctx.rubric) throw judgingErrors.sheetNotFound();
  const entries = new Map((await panelEntries(db, ctx)).map((e) => [e.id, e]));
  const sheets = (await judgingRepository.sheetsOfJudge(db, ctx.panel.id, judgeUserId))
    .filter((s) => entries.has(s.entry_id))
    .sort((a, b) =>
      (entries.get(a.entry_id)?.title ?? '') < (entries.get(b.entry_id)?.title ?? '') ? -1 : 1,
    );
  const doc = newDocument({ title: 'Phiếu chấm điểm', landscape: true });
  heading(doc, ctx, deps.clock.now());
  documentTitle(doc, 'Phiếu chấm điểm', `${ctx.config.title.vi} — ${ctx.round.name.vi}`);
  doc.text(`Họ và tên giám khảo: ${judge.name}${judge.title ? ` — ${judge.title}` : ''}`);
  doc.moveDown(0.3);
  doc.font('bold').text('Tiêu chí chấm điểm:');
  doc.font('regular');
  for (const c of ctx.rubric.criteria)
    doc.text(`• ${c.label.vi} (tối đa ${num(c.maxPoints)} điểm, bước ${num(c.step)}): ${c.description.vi}`);
  doc.moveDown(0.6);
  const crit = ctx.rubric.criteria;
  const fixed = 30 + 180 + 110 + 55 + 55;
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const cw = Math.max(50, (usable - fixed - 110) / crit.length);
  table(
    doc,
    [
      { header: 'STT', width: 30, align: 'center' },
      { header: 'Tác phẩm', width: 180 },
      { header: 'Đơn vị', width: 110 },
      ...crit.map((c) => ({
        header: `${c.label.vi} (${num(c.maxPoints)})`,
        width: cw,
        align: 'center' as const,
      })),
      { header: 'Tổng điểm', width: 55, align: 'center' },
      { header: 'Trạng thái', width: 55, align: 'center' },
      { header: 'Nhận xét', width: usable - fixed - cw * crit.length },
    ],
    sheets.map((s, i) => {
      const scores = JSON.parse(s.scores_json) as Record<string, number>;
      const e = entries.get(s.entry_id);
      const total = crit.reduce((sum, c) => sum + (scores[c.key] ?? 0), 0);
      return [
        String(i + 1),
        e?.title ?? '',
        e ? (ctx.units.get(e.org_unit_id)?.name ?? '') : '',
        ...crit.map((c) => (scores[c.key] === undefined ? '—' : num(scores[c.key] ?? 0))),
        num(total),
        s.status === 'submitted' ? 'Đã nộp' : 'Nháp',
        s.comment,
      ];
    }),
  );
  signatureBlocks(doc, [{ role: 'Giám khảo', name: judge.name }]);
  return finish(doc);
}

function rankingTable(doc: Doc, view: ResultsView): void {
  table(
    doc,
    [
      { header: 'Hạng', width: 40, align: 'center' },
      { header: 'Tác phẩm', width: 200 },
      { header: 'Đơn vị', width: 120 },
      { header: 'Số phiếu', width: 50, align: 'center' },
      { header: `Điểm giám khảo (/${num(view.basis.juryMaxPoints)})`, width: 85, align: 'center' },
      { header: 'Lượt thích + chia sẻ (quy đổi)', width: 85, align: 'center' },
      { header: `Điểm khán giả (/${num(view.basis.audienceMaxPoints)})`, width: 80, align: 'center' },
      { header: 'Tổng điểm', width: 65, align: 'center' },
    ],
    view.rows.map((r) => [
      `${r.rank}${r.finalist ? ' *' : ''}`,
      r.title,
      r.unitName,
      String(r.jury.sheetCount),
      num(r.jury.points),
      num(r.audience.raw),
      num(r.audience.points),
      num(r.final),
    ]),
    { fontSize: 9.5 },
  );
}

function finalistsSection(doc: Doc, view: ResultsView): void {
  if (view.finalistCount === null) return;
  const titleOf = (id: string) => view.rows.find((r) => r.entryId === id)?.title ?? id;
  doc
    .font('bold')
    .text(`Các tác phẩm vào chung kết (${view.rows.filter((r) => r.finalist).length}, đánh dấu *):`);
  doc.font('regular');
  for (const r of view.rows.filter((x) => x.finalist))
    doc.text(
      `• ${r.title} — ${r.unitName} (hạng ${r.rank}${r.selectedBy === 'override' ? ', thay thế' : ''})`,
    );
  if (view.swaps.length) {
    doc.moveDown(0.4).font('bold').text('Thay đổi so với thứ tự xếp hạng, và lý do:');
    doc.font('regular');
    for (const s of view.swaps)
      doc.text(
        `• Thay "${titleOf(s.out)}" (hạng ${s.outRank}) bằng "${titleOf(s.in)}" (hạng ${s.inRank}). Lý do: ${s.reason}`,
      );
  }
  if (view.tieAtCutoff)
    doc.moveDown(0.3).font('italic').text('Lưu ý: ngưỡng chọn rơi vào nhóm bằng điểm không phân định được.');
  doc.font('regular').moveDown(0.8);
}

function methodParagraph(doc: Doc, view: ResultsView): void {
  const b = view.basis;
  doc.text(
    `Cách tính: điểm giám khảo là ${aggregationVi[b.aggregation] ?? b.aggregation} tổng điểm các phiếu${
      b.zScore ? ' (chuẩn hóa z-score theo từng giám khảo)' : ''
    }, quy đổi theo thang ${num(b.juryMaxPoints)} điểm; điểm khán giả quy đổi theo thang ${num(
      b.audienceMaxPoints,
    )} điểm; tổng điểm = điểm giám khảo + điểm khán giả. Khi bằng điểm, xét lần lượt: ${b.tieBreakers
      .map(
        (t) =>
          ({
            audience_raw: 'lượt thích và chia sẻ',
            jury: 'điểm giám khảo',
            earlier_submission: 'thời điểm nộp sớm hơn',
          })[t] ?? t,
      )
      .join(', ')}.`,
  );
  doc.moveDown(0.6);
}

/** Biên bản tổng hợp kết quả chấm: for the committee once judging is closed. */
export async function minutesPdf(
  deps: Deps,
  reader: EngagementReader,
  actor: Actor,
  ref: PanelRef,
): Promise<Buffer> {
  const ctx = await loadPanel(deps, actor, ref, 'judging.follow');
  if (ctx.panel.status !== 'closed') throw judgingErrors.panelOpen();
  const view = await toResultsView(deps, await computePanel(deps, ctx, reader), true);
  const judges = await judgingRepository.judges(deps.db.kysely, ctx.panel.id);
  const doc = newDocument({ title: 'Biên bản tổng hợp kết quả chấm', landscape: true });
  heading(doc, ctx, deps.clock.now());
  documentTitle(doc, 'Biên bản tổng hợp kết quả chấm', `${ctx.config.title.vi} — ${ctx.round.name.vi}`);
  doc.text(`Ban Giám khảo gồm ${judges.length} thành viên:`);
  for (const j of judges) doc.text(`• ${j.name}${j.title ? ` — ${j.title}` : ''}`);
  doc.moveDown(0.4);
  methodParagraph(doc, view);
  rankingTable(doc, view);
  finalistsSection(doc, view);
  doc.text(
    view.resultsStatus === 'approved'
      ? 'Kết quả đã được Trưởng Ban Tổ chức phê duyệt.'
      : 'Biên bản được lập để Ban Tổ chức xem xét, phê duyệt.',
  );
  signatureBlocks(doc, [
    { role: 'Thư ký', name: '' },
    { role: 'Trưởng Ban Giám khảo', name: '' },
    { role: 'Trưởng Ban Tổ chức', name: '' },
  ]);
  return finish(doc);
}

/** Kết quả chung cuộc: the approved results, public. */
export async function finalResultsPdf(deps: Deps, ref: PanelRef): Promise<Buffer> {
  const computed = await approvedPanel(deps, ref);
  const { ctx } = computed;
  const view = await toResultsView(deps, computed, false);
  const doc = newDocument({ title: 'Kết quả chung cuộc', landscape: true });
  heading(doc, ctx, new Date(ctx.panel.approved_at ?? deps.clock.now().toISOString()));
  documentTitle(doc, 'Thông báo kết quả', `${ctx.config.title.vi} — ${ctx.round.name.vi}`);
  methodParagraph(doc, view);
  rankingTable(doc, view);
  finalistsSection(doc, view);
  signatureBlocks(doc, [{ role: 'TM. Ban Tổ chức\nTrưởng ban', name: '' }]);
  return finish(doc);
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function exportRows(view: ResultsView): Array<Array<string | number>> {
  return [
    [
      'rank',
      'entry_id',
      'title',
      'unit',
      'sheets',
      'jury_aggregate',
      'jury_points',
      'audience_raw',
      'audience_points',
      'final',
      'finalist',
    ],
    ...view.rows.map((r) => [
      r.rank,
      r.entryId,
      r.title,
      r.unitName,
      r.jury.sheetCount,
      r.jury.aggregate ?? '',
      r.jury.points,
      r.audience.raw,
      r.audience.points,
      r.final,
      r.finalist ? 1 : 0,
    ]),
  ];
}

/** The approved ranking as CSV (UTF-8 with BOM so spreadsheet programs read the diacritics right). */
export async function resultsCsv(deps: Deps, ref: PanelRef): Promise<string> {
  const view = await toResultsView(deps, await approvedPanel(deps, ref), false);
  return `\uFEFF${exportRows(view)
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

export async function resultsXlsx(deps: Deps, ref: PanelRef): Promise<Buffer> {
  const view = await toResultsView(deps, await approvedPanel(deps, ref), false);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'clipcontest';
  const ws = wb.addWorksheet('Kết quả');
  const headers = [
    'Hạng',
    'Mã tác phẩm',
    'Tác phẩm',
    'Đơn vị',
    'Số phiếu',
    'Điểm TB phiếu',
    'Điểm giám khảo',
    'Lượt thích + chia sẻ (quy đổi)',
    'Điểm khán giả',
    'Tổng điểm',
    'Vào chung kết',
  ];
  ws.addRow(headers).font = { bold: true };
  for (const r of exportRows(view).slice(1))
    ws.addRow(r.map((v, i) => (i === 10 ? (v === 1 ? 'Có' : '') : v)));
  ws.columns.forEach((c, i) => {
    c.width = [6, 38, 48, 28, 8, 12, 14, 16, 12, 12, 12][i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
