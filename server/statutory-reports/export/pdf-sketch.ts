import { legendItems, SKETCH_INK, symbolColour, type LegendItem, type SketchLayout } from './report-map';

// The sketch map drawn by pdfkit at (x, y): frame, radius circle, incident, numbered symbols,
// north arrow, scale bar, then the legend under it. Returns the height used.

export const PDF_FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;
type Doc = PDFKit.PDFDocument;

function drawSymbol(doc: Doc, shape: LegendItem['shape'], colour: string, x: number, y: number, size: number) {
  doc.save();
  if (shape === 'incident') {
    doc.circle(x, y, size).fill(colour);
    doc
      .circle(x, y, size * 1.8)
      .lineWidth(1.2)
      .stroke(colour);
  } else if (shape === 'square') {
    doc.rect(x - size, y - size, size * 2, size * 2).fill(colour);
  } else if (shape === 'radius') {
    doc
      .circle(x, y, size * 1.4)
      .lineWidth(1)
      .dash(2, { space: 2 })
      .stroke(colour)
      .undash();
  } else {
    doc.circle(x, y, size).fill(colour);
  }
  doc.restore();
}

export function drawPdfSketch(
  doc: Doc,
  layout: SketchLayout,
  origin: { x: number; y: number },
  labels: Parameters<typeof legendItems>[1] & { north: string },
): number {
  const at = (point: { x: number; y: number }) => ({ x: origin.x + point.x, y: origin.y + point.y });
  doc.save().lineWidth(0.8).rect(origin.x, origin.y, layout.width, layout.height).stroke(SKETCH_INK.frame).restore();

  const centre = at(layout.centre);
  doc.save().lineWidth(1).dash(5, { space: 4 }).circle(centre.x, centre.y, layout.radius).stroke(SKETCH_INK.radius).undash().restore();

  doc.font(PDF_FONT.regular).fontSize(layout.labelSize);
  for (const symbol of layout.symbols) {
    const point = at(symbol);
    drawSymbol(doc, symbol.feature.type === 'enterprise' ? 'square' : 'circle', symbolColour(symbol.feature), point.x, point.y, 3.5);
    const label = at(symbol.label);
    doc.fillColor(SKETCH_INK.text).text(symbol.label.text, label.x, label.y + layout.labelSize * 0.1, { lineBreak: false });
  }
  drawSymbol(doc, 'incident', SKETCH_INK.incident, centre.x, centre.y, 4);
  doc
    .font(PDF_FONT.bold)
    .fontSize(8)
    .fillColor(SKETCH_INK.incident)
    .text(labels.incident, centre.x + 9, centre.y + 5, { lineBreak: false });

  // North arrow, top right.
  const north = { x: origin.x + layout.width - 24, y: origin.y + 14 };
  doc
    .save()
    .moveTo(north.x, north.y)
    .lineTo(north.x - 7, north.y + 20)
    .lineTo(north.x, north.y + 15)
    .lineTo(north.x + 7, north.y + 20)
    .closePath()
    .fill(SKETCH_INK.text)
    .restore();
  doc
    .font(PDF_FONT.bold)
    .fontSize(9)
    .fillColor(SKETCH_INK.text)
    .text(labels.north, north.x - 5, north.y + 22, { width: 10, align: 'center', lineBreak: false });

  // Scale bar, bottom left.
  const bar = { x: origin.x + 14, y: origin.y + layout.height - 16 };
  doc
    .save()
    .lineWidth(1.5)
    .moveTo(bar.x, bar.y - 4)
    .lineTo(bar.x, bar.y)
    .lineTo(bar.x + layout.scale.length, bar.y)
    .lineTo(bar.x + layout.scale.length, bar.y - 4)
    .stroke(SKETCH_INK.text)
    .restore();
  const scaleText = layout.scale.metres >= 1000 ? `${layout.scale.metres / 1000} km` : `${layout.scale.metres} m`;
  doc
    .font(PDF_FONT.regular)
    .fontSize(8)
    .fillColor(SKETCH_INK.text)
    .text(scaleText, bar.x + layout.scale.length + 4, bar.y - 7, { lineBreak: false });

  // Legend under the frame, in a row that wraps.
  const items = legendItems(
    layout.symbols.map((symbol) => symbol.feature),
    labels,
  );
  let x = origin.x;
  let y = origin.y + layout.height + 10;
  doc.font(PDF_FONT.regular).fontSize(8.5);
  for (const item of items) {
    const width = 16 + doc.widthOfString(item.label) + 14;
    if (x + width > origin.x + layout.width) {
      x = origin.x;
      y += 14;
    }
    drawSymbol(doc, item.shape, item.colour, x + 5, y + 5, 3.5);
    doc.fillColor(SKETCH_INK.text).text(item.label, x + 14, y, { lineBreak: false });
    x += width;
  }
  return y + 16 - origin.y;
}
