import type { RiskPointKind } from '../contracts/one-map';

// A3 landscape in PDF points (1/72 in).
export const PAGE = { width: 1190.55, height: 841.89 };
export const MARGIN = 28;
export const HEADER_BOTTOM = 104;
export const FOOTER_TOP = PAGE.height - MARGIN - 14;
export const LEFT_WIDTH = 700;
export const GUTTER = 20;
export const RIGHT_X = MARGIN + LEFT_WIDTH + GUTTER;
export const RIGHT_WIDTH = PAGE.width - MARGIN - RIGHT_X;

export type Box = { x: number; y: number; width: number; height: number };

export const FONT = { regular: 'poster-regular', bold: 'poster-bold' } as const;

export const INK = { text: '#111827', muted: '#4b5563', rule: '#9ca3af', header: '#0f2d4a', band: '#e5e7eb', danger: '#b91c1c' };

// Colour by kind, the same on the plan, in the legend and in the table.
export const KIND_COLOURS: Record<RiskPointKind, string> = {
  storage_tank: '#d97706',
  discharge_outfall: '#7c3aed',
  storm_outlet: '#0284c7',
  valve: '#dc2626',
  emergency_pool: '#059669',
  hazardous_waste_store: '#9f1239',
  materials_cabinet: '#2563eb',
  manhole: '#475569',
  boiler_stack: '#be185d',
};

/** The largest rectangle of the given aspect that fits in the box, centred horizontally, top-aligned. */
export function fitInto(box: Box, width: number, height: number): Box {
  const scale = Math.min(box.width / width, box.height / height);
  const fitted = { width: width * scale, height: height * scale };
  return { x: box.x + (box.width - fitted.width) / 2, y: box.y, ...fitted };
}

/** A numbered marker: the same on the plan and in the table. */
export function drawMarker(doc: PDFKit.PDFDocument, x: number, y: number, radius: number, number: number, colour: string) {
  doc.save();
  doc
    .lineWidth(Math.max(1, radius / 6))
    .circle(x, y, radius)
    .fillAndStroke(colour, '#ffffff');
  const size = radius * (number >= 10 ? 1.05 : 1.2);
  doc.font(FONT.bold).fontSize(size).fillColor('#ffffff');
  // Centre the digits (cap height ≈ 0.73 em) on the circle: text is placed by the top of its line box.
  const ascent = (doc as unknown as { _font: { ascender: number } })._font.ascender / 1000;
  doc.text(String(number), x - radius, y + 0.365 * size - ascent * size, { width: radius * 2, align: 'center', lineBreak: false });
  doc.restore();
}
