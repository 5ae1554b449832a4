/**
 * PDF documents in Vietnamese administrative form (pdfkit). The font is a full TTF (Be Vietnam Pro from
 * @expo-google-fonts): subset WOFF/WOFF2 fonts render blanks or missing glyphs for Vietnamese in PDF libraries.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const fontDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/be-vietnam-pro/package.json'),
);
export const FONTS = {
  regular: join(fontDir, '400Regular', 'BeVietnamPro_400Regular.ttf'),
  bold: join(fontDir, '700Bold', 'BeVietnamPro_700Bold.ttf'),
  italic: join(fontDir, '400Regular_Italic', 'BeVietnamPro_400Regular_Italic.ttf'),
} as const;

export type Doc = PDFKit.PDFDocument;

export interface Heading {
  /** Upper line on the left: the agency (e.g. the Department). */
  agency: string;
  /** Lower line on the left, bold: the issuing body (e.g. the organizing committee). */
  body: string;
  place: string;
  /** Local date (YYYY-MM-DD…) written as "ngày … tháng … năm …". */
  localDate: string;
}

export function newDocument(opts: { landscape?: boolean; title: string }): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: { top: 50, bottom: 50, left: 60, right: 50 },
    info: { Title: opts.title, Producer: 'clipcontest', Creator: 'clipcontest' },
    bufferPages: true,
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.font('regular').fontSize(11);
  return doc;
}

export function vietnameseDate(place: string, localDate: string): string {
  const [y, m, d] = localDate.slice(0, 10).split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The national heading and motto on the right, the issuing body on the left, then place and date. */
export function nationalHeading(doc: Doc, h: Heading): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colL = width * 0.42;
  const colR = width - colL;
  const top = doc.y;
  doc
    .font('regular')
    .fontSize(10.5)
    .text(h.agency.toUpperCase(), left, top, { width: colL, align: 'center' });
  doc.font('bold').text(h.body.toUpperCase(), { width: colL, align: 'center' });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(10.5)
    .text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + colL, top, { width: colR, align: 'center' });
  doc.font('bold').text('Độc lập - Tự do - Hạnh phúc', { width: colR, align: 'center', underline: true });
  doc.moveDown(0.6);
  doc
    .font('italic')
    .text(vietnameseDate(h.place, h.localDate), left + colL, doc.y, { width: colR, align: 'center' });
  doc.y = Math.max(doc.y, leftBottom) + 14;
  doc.x = left;
  doc.font('regular').fontSize(11);
}

export function documentTitle(doc: Doc, title: string, subtitle?: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(14).text(title.toUpperCase(), left, doc.y, { width, align: 'center' });
  if (subtitle) doc.font('bold').fontSize(11.5).text(subtitle, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(11);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A ruled table; starts a new page (repeating the header) when a row does not fit. */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: { fontSize?: number } = {}): void {
  const size = opts.fontSize ?? 10;
  const left = doc.page.margins.left;
  const pad = 4;
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    const heights = cells.map((c, i) =>
      doc.heightOfString(c, { width: (columns[i]?.width ?? 50) - 2 * pad }),
    );
    const h = Math.max(...heights, size) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font === 'regular')
        drawRow(
          columns.map((c) => c.header),
          'bold',
        );
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const w = columns[i]?.width ?? 50;
      doc.rect(x, y, w, h).stroke();
      doc
        .font(font)
        .fontSize(size)
        .text(c, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  doc.lineWidth(0.6);
  drawRow(
    columns.map((c) => c.header),
    'bold',
  );
  for (const r of rows) drawRow(r, 'regular');
  doc.moveDown(0.8);
  doc.font('regular').fontSize(11);
}

export interface Signature {
  role: string;
  name: string;
}

/** Signature blocks side by side: role in bold, "(Ký, ghi rõ họ tên)", room to sign, then the name. */
export function signatureBlocks(doc: Doc, blocks: Signature[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (doc.y + 120 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  const w = width / Math.max(1, blocks.length);
  blocks.forEach((b, i) => {
    const x = left + i * w;
    doc.font('bold').fontSize(11).text(b.role.toUpperCase(), x, top, { width: w, align: 'center' });
    doc.font('italic').fontSize(10).text('(Ký, ghi rõ họ tên)', x, doc.y, { width: w, align: 'center' });
    doc
      .font('bold')
      .fontSize(11)
      .text(b.name, x, top + 90, { width: w, align: 'center' });
  });
  doc.x = left;
  doc.y = top + 115;
  doc.font('regular').fontSize(11);
}

/** Page numbers, then the finished bytes. */
export async function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8.5)
      .text(`Trang ${i + 1}/${range.count}`, doc.page.margins.left, doc.page.height - 30, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'right',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
