import type { PublishedMap, RiskPointKind } from '../contracts/one-map';
import { drawMarker, fitInto, FONT, INK, KIND_COLOURS, type Box } from './poster-layout';

type Text = (key: string) => string;

/** The site plan, scaled into the box, with every risk point as a numbered marker. Returns the area used. */
export function drawPlan(doc: PDFKit.PDFDocument, map: PublishedMap, image: Buffer | null, box: Box, t: Text): Box {
  const plan = map.plan;
  if (!plan || !image) {
    doc.save().rect(box.x, box.y, box.width, box.height).fillAndStroke('#f3f4f6', INK.rule).restore();
    doc
      .font(FONT.bold)
      .fontSize(18)
      .fillColor(INK.muted)
      .text(t('planMissing'), box.x, box.y + box.height / 2 - 12, { width: box.width, align: 'center' });
    return box;
  }
  const area = fitInto(box, plan.width, plan.height);
  doc.image(image, area.x, area.y, { width: area.width, height: area.height });
  doc.save().lineWidth(1).rect(area.x, area.y, area.width, area.height).stroke(INK.rule).restore();
  const scale = area.width / plan.width;
  const radius = map.riskPoints.length > 40 ? 7 : 9.5;
  for (const point of map.riskPoints) {
    const x = Math.min(Math.max(area.x + point.x * scale, area.x + radius), area.x + area.width - radius);
    const y = Math.min(Math.max(area.y + point.y * scale, area.y + radius), area.y + area.height - radius);
    drawMarker(doc, x, y, radius, point.number, KIND_COLOURS[point.kind]);
  }
  return area;
}

/** One row of the kinds present on this map, colour-keyed like the markers. Returns the height used. */
export function drawLegend(doc: PDFKit.PDFDocument, map: PublishedMap, box: Box, kindLabel: (kind: RiskPointKind) => string): number {
  const kinds = [...new Set(map.riskPoints.map((point) => point.kind))];
  let x = box.x;
  let y = box.y;
  doc.font(FONT.regular).fontSize(10).fillColor(INK.text);
  for (const kind of kinds) {
    const label = kindLabel(kind);
    const width = 16 + doc.widthOfString(label) + 14;
    if (x + width > box.x + box.width) {
      x = box.x;
      y += 18;
    }
    doc
      .save()
      .circle(x + 6, y + 7, 6)
      .fill(KIND_COLOURS[kind])
      .restore();
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(INK.text)
      .text(label, x + 16, y, { lineBreak: false });
    x += width;
  }
  return y + 18 - box.y;
}
