import type { PublishedRiskPoint } from '../contracts/one-map';
import { drawMarker, FONT, INK, KIND_COLOURS, type Box } from './poster-layout';

type Text = (key: string, values?: Record<string, string | number>) => string;

const SIZES = [10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
const PAD = 3;
const HEADER_HEIGHT = 18;
// Markers shrink with the type, so small type is not padded out by full-size markers.
const markerRadius = (size: number) => Math.min(8, Math.max(5, size * 0.85));

function columns(box: Box) {
  const number = 26;
  const code = 46;
  const name = Math.round((box.width - number - code) * 0.34);
  return { number, code, name, measures: box.width - number - code - name };
}

function cells(point: PublishedRiskPoint, t: Text) {
  const responsible =
    point.responsibleName || point.responsiblePhone
      ? `\n${t('responsible', { name: point.responsibleName, phone: point.responsiblePhone })}`
      : '';
  const measures =
    point.disposalSteps.length > 0 ? point.disposalSteps.map((step, index) => `${index + 1}. ${step}`).join('\n') : t('noSteps');
  return { name: `${point.name}${responsible}`, measures };
}

function rowHeight(doc: PDFKit.PDFDocument, point: PublishedRiskPoint, box: Box, size: number, t: Text) {
  const widths = columns(box);
  const { name, measures } = cells(point, t);
  doc.font(FONT.regular).fontSize(size);
  const nameHeight = doc.heightOfString(name, { width: widths.name - 2 * PAD });
  const measuresHeight = doc.heightOfString(measures, { width: widths.measures - 2 * PAD });
  return Math.max(nameHeight, measuresHeight, 2 * markerRadius(size) + 2) + 2 * PAD;
}

/**
 * The table of points beside the plan: number, code, name and responsible person, disposal
 * measures. The type shrinks until everything fits; past the smallest size, the rest are
 * counted and the reader is sent to the live map.
 */
export function drawPointTable(doc: PDFKit.PDFDocument, points: PublishedRiskPoint[], box: Box, t: Text) {
  const bodyHeight = box.height - HEADER_HEIGHT - 14;
  const size =
    SIZES.find((candidate) => points.reduce((sum, point) => sum + rowHeight(doc, point, box, candidate, t), 0) <= bodyHeight) ??
    SIZES.at(-1)!;
  const widths = columns(box);
  const x = {
    number: box.x,
    code: box.x + widths.number,
    name: box.x + widths.number + widths.code,
    measures: box.x + box.width - widths.measures,
  };

  doc.save().rect(box.x, box.y, box.width, HEADER_HEIGHT).fill(INK.header).restore();
  doc.font(FONT.bold).fontSize(9).fillColor('#ffffff');
  const headerY = box.y + 4;
  doc.text(t('columnNumber'), x.number, headerY, { width: widths.number, align: 'center', lineBreak: false });
  doc.text(t('columnCode'), x.code + PAD, headerY, { width: widths.code - PAD, lineBreak: false });
  doc.text(t('columnName'), x.name + PAD, headerY, { width: widths.name - PAD, lineBreak: false });
  doc.text(t('columnMeasures'), x.measures + PAD, headerY, { width: widths.measures - PAD, lineBreak: false });

  let y = box.y + HEADER_HEIGHT;
  const bottom = box.y + HEADER_HEIGHT + bodyHeight;
  let drawn = 0;
  for (const point of points) {
    const height = rowHeight(doc, point, box, size, t);
    if (y + height > bottom) break;
    if (drawn % 2 === 1) doc.save().rect(box.x, y, box.width, height).fill('#f3f4f6').restore();
    drawMarker(doc, x.number + widths.number / 2, y + PAD + markerRadius(size), markerRadius(size), point.number, KIND_COLOURS[point.kind]);
    const { name, measures } = cells(point, t);
    doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(INK.text)
      .text(point.code, x.code + PAD, y + PAD, { width: widths.code - 2 * PAD });
    doc
      .font(FONT.regular)
      .fontSize(size)
      .fillColor(INK.text)
      .text(name, x.name + PAD, y + PAD, { width: widths.name - 2 * PAD });
    doc.text(measures, x.measures + PAD, y + PAD, { width: widths.measures - 2 * PAD });
    doc
      .save()
      .lineWidth(0.5)
      .moveTo(box.x, y + height)
      .lineTo(box.x + box.width, y + height)
      .stroke(INK.rule)
      .restore();
    y += height;
    drawn += 1;
  }
  if (drawn < points.length) {
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(INK.danger)
      .text(t('more', { count: points.length - drawn }), box.x, y + 4, { width: box.width });
  }
}
