import PDFDocument from 'pdfkit';
import { findPdfFonts, type PdfFonts } from '../../kernel/pdf/cjk-fonts';
import type { ExportData } from './load-export-data';
import { drawPdfSketch, PDF_FONT } from './pdf-sketch';
import type { ReportDocument } from './report-document';
import { layoutSketch, SKETCH_INK } from './report-map';

// The PDF of one version: A4 portrait, set in the CJK font every PDF uses (server/kernel/pdf), the
// version and sign-off statement in the header of every page and the page number in the footer.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 64, left: 62, right: 62 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = { text: '#111827', muted: '#4b5563', rule: '#9ca3af', header: '#1f2937', drill: '#b91c1c' };
type Doc = PDFKit.PDFDocument;

const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function drawTable(doc: Doc, headers: string[] | null, rows: string[][], widths: number[]) {
  const pad = 4;
  const drawRow = (cells: string[], isHeader: boolean) => {
    doc.font(isHeader ? PDF_FONT.bold : PDF_FONT.regular).fontSize(9.5);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index]! - 2 * pad }))) + 2 * pad;
    ensureSpace(doc, height);
    const top = doc.y;
    let x = MARGIN.left;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      if (isHeader) doc.save().rect(x, top, width, height).fill('#f3f4f6').restore();
      doc.save().lineWidth(0.6).rect(x, top, width, height).stroke(INK.rule).restore();
      doc.fillColor(INK.text).text(cell, x + pad, top + pad, { width: width - 2 * pad });
      x += width;
    });
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  if (headers) drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}

function heading(doc: Doc, text: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.4).font(PDF_FONT.bold).fontSize(12).fillColor(INK.header).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.25);
}

function body(doc: Doc, text: string) {
  doc.font(PDF_FONT.regular).fontSize(10.5).fillColor(INK.text).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 3 });
}

function drawMap(doc: Doc, data: ExportData, model: NonNullable<ReportDocument['map']>) {
  heading(doc, model.heading);
  const layout = layoutSketch(data.content.location, data.map.radiusM, data.map.features, CONTENT_WIDTH, 360);
  ensureSpace(doc, layout.height + 50);
  const used = drawPdfSketch(doc, layout, { x: MARGIN.left, y: doc.y }, { ...model, radius: model.radius });
  doc.x = MARGIN.left;
  doc.y += used + 4;
  if (model.rows.length === 0) body(doc, model.none);
  else drawTable(doc, model.headers, model.rows, [40, CONTENT_WIDTH - 40 - 110 - 80, 110, 80]);
}

function drawPhotos(doc: Doc, data: ExportData, model: ReportDocument['photos']) {
  if (data.photos.length === 0) return;
  heading(doc, model.heading);
  const gap = 12;
  const width = (CONTENT_WIDTH - gap) / 2;
  const height = 170;
  data.photos.forEach((photo, index) => {
    const column = index % 2;
    if (column === 0) ensureSpace(doc, height + 36);
    const x = MARGIN.left + column * (width + gap);
    const top = doc.y;
    if (photo.jpeg) doc.image(photo.jpeg, x, top, { fit: [width, height], align: 'center', valign: 'center' });
    else doc.save().rect(x, top, width, height).stroke(INK.rule).restore();
    doc
      .font(PDF_FONT.regular)
      .fontSize(8.5)
      .fillColor(INK.muted)
      .text(photo.jpeg ? model.captions[index]! : `${model.captions[index]!}（${model.missing}）`, x, top + height + 4, {
        width,
        height: 26,
        ellipsis: true,
      });
    doc.y = column === 0 && index < data.photos.length - 1 ? top : top + height + 34;
  });
  doc.x = MARGIN.left;
}

function drawPageFrames(doc: Doc, model: ReportDocument, pageLabel: (page: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const saved = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const line = { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true } as const;
    doc
      .font(PDF_FONT.regular)
      .fontSize(8.5)
      .fillColor(INK.muted)
      .text(model.versionLine, MARGIN.left, 36, { ...line, align: 'right' });
    doc
      .save()
      .lineWidth(0.5)
      .moveTo(MARGIN.left, 50)
      .lineTo(A4.width - MARGIN.right, 50)
      .stroke(INK.rule)
      .restore();
    doc
      .save()
      .lineWidth(0.5)
      .moveTo(MARGIN.left, A4.height - 48)
      .lineTo(A4.width - MARGIN.right, A4.height - 48)
      .stroke(INK.rule)
      .restore();
    doc.text(model.versionLine, MARGIN.left, A4.height - 42, { ...line, align: 'left', width: CONTENT_WIDTH - 90 });
    doc.text(pageLabel(index + 1, range.count), MARGIN.left, A4.height - 42, { ...line, align: 'right' });
    doc.page.margins = saved;
  }
}

export async function renderReportPdf(
  data: ExportData,
  model: ReportDocument,
  pageLabel: (page: number, pages: number) => string,
  fonts: PdfFonts = findPdfFonts(),
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, info: { Title: model.title, Author: 'EcoDispatch' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(PDF_FONT.regular, fonts.regular.path, fonts.regular.postscriptName as string);
  doc.registerFont(PDF_FONT.bold, fonts.bold.path, fonts.bold.postscriptName as string);

  if (model.drillNotice) {
    doc.font(PDF_FONT.bold).fontSize(10).fillColor(INK.drill).text(model.drillNotice, { width: CONTENT_WIDTH, align: 'center' });
    doc.moveDown(0.3);
  }
  doc.font(PDF_FONT.bold).fontSize(17).fillColor(INK.text).text(model.title, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.3);
  doc
    .font(PDF_FONT.regular)
    .fontSize(10)
    .fillColor(INK.muted)
    .text(`${model.versionLine}　（${model.savedLine}）`, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);
  drawTable(
    doc,
    null,
    model.facts.map((fact) => [fact.label, fact.value]),
    [120, CONTENT_WIDTH - 120],
  );

  for (const section of model.sections) {
    heading(doc, section.heading);
    if (section.kind === 'text') body(doc, section.body);
    else if (model.monitoring.rows.length === 0) body(doc, model.monitoring.empty);
    else drawTable(doc, model.monitoring.headers, model.monitoring.rows, [110, 100, CONTENT_WIDTH - 110 - 100 - 105, 105]);
  }

  doc.moveDown(1);
  ensureSpace(doc, 60);
  for (const line of model.signature) body(doc, `${line.label}：${line.value}`);
  body(doc, model.versionLine);

  if (model.map) drawMap(doc, data, model.map);
  drawPhotos(doc, data, model.photos);
  drawPageFrames(doc, model, pageLabel);
  doc.fillColor(SKETCH_INK.text);
  doc.end();
  return finished;
}
