import sharp from 'sharp';
import { findPdfFonts, type PdfFonts } from '../../kernel/pdf/cjk-fonts';
import { legendItems, SKETCH_INK, symbolColour, type LegendItem, type SketchLayout } from './report-map';

// The same sketch as the PDF's, as a PNG for the DOCX. Shapes are an SVG rasterised by sharp; every
// label is set by sharp's text renderer from the PDF's CJK font file and laid over it, so the PNG
// shows Chinese on a machine whose system has no CJK font (librsvg would only find system fonts).

const LEGEND_HEIGHT = 90;
/** x is the left edge; y the top edge, or with `isCentred` the vertical middle. */
type Label = { text: string; x: number; y: number; size: number; colour: string; isBold?: boolean; isCentred?: boolean };

/** Pango's family name for the font file: the npm font is "Noto Sans SC", the system's "Noto Sans CJK SC". */
const familyOf = (fontPath: string) => (/NotoSansSC/i.test(fontPath) ? 'Noto Sans SC' : 'Noto Sans CJK SC');

function svgSymbol(shape: LegendItem['shape'], colour: string, x: number, y: number, size: number): string {
  if (shape === 'incident')
    return `<circle cx="${x}" cy="${y}" r="${size}" fill="${colour}"/><circle cx="${x}" cy="${y}" r="${size * 1.8}" fill="none" stroke="${colour}" stroke-width="2.4"/>`;
  if (shape === 'square') return `<rect x="${x - size}" y="${y - size}" width="${size * 2}" height="${size * 2}" fill="${colour}"/>`;
  if (shape === 'radius')
    return `<circle cx="${x}" cy="${y}" r="${size * 1.4}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="4 4"/>`;
  return `<circle cx="${x}" cy="${y}" r="${size}" fill="${colour}"/>`;
}

const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function renderLabel(label: Label, fonts: PdfFonts) {
  const font = label.isBold ? fonts.bold : fonts.regular;
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${label.colour}">${escapeMarkup(label.text)}</span>`,
      fontfile: font.path,
      font: `${familyOf(font.path)}${label.isBold ? ' Bold' : ''} ${label.size}px`,
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return {
    input: data,
    left: Math.round(label.x),
    top: Math.round(label.isCentred ? label.y - info.height / 2 : label.y),
    width: info.width,
  };
}

/** The sketch as a PNG of `layout.width` × (`layout.height` + legend) pixels. */
export async function renderSketchPng(
  layout: SketchLayout,
  labels: Parameters<typeof legendItems>[1] & { north: string },
  fonts: PdfFonts = findPdfFonts(),
): Promise<{ png: Buffer; width: number; height: number }> {
  const { width, height, centre, radius, scale } = layout;
  const total = height + LEGEND_HEIGHT;
  const shapes: string[] = [
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" fill="none" stroke="${SKETCH_INK.frame}" stroke-width="2"/>`,
    `<circle cx="${centre.x}" cy="${centre.y}" r="${radius}" fill="none" stroke="${SKETCH_INK.radius}" stroke-width="2" stroke-dasharray="10 8"/>`,
  ];
  const texts: Label[] = [];
  for (const symbol of layout.symbols) {
    shapes.push(svgSymbol(symbol.feature.type === 'enterprise' ? 'square' : 'circle', symbolColour(symbol.feature), symbol.x, symbol.y, 7));
    texts.push({
      text: symbol.label.text,
      x: symbol.label.x,
      y: symbol.label.y,
      size: Math.round(layout.labelSize),
      colour: SKETCH_INK.text,
    });
  }
  shapes.push(svgSymbol('incident', SKETCH_INK.incident, centre.x, centre.y, 8));
  texts.push({
    text: labels.incident,
    x: centre.x + 18,
    y: centre.y + 20,
    size: 17,
    colour: SKETCH_INK.incident,
    isBold: true,
    isCentred: true,
  });

  const north = { x: width - 48, y: 24 };
  shapes.push(
    `<path d="M${north.x} ${north.y} L${north.x - 14} ${north.y + 40} L${north.x} ${north.y + 30} L${north.x + 14} ${north.y + 40} Z" fill="${SKETCH_INK.text}"/>`,
  );
  texts.push({ text: labels.north, x: north.x - 9, y: north.y + 56, size: 18, colour: SKETCH_INK.text, isBold: true, isCentred: true });

  const bar = { x: 28, y: height - 30 };
  shapes.push(
    `<path d="M${bar.x} ${bar.y - 8} V${bar.y} H${bar.x + scale.length} V${bar.y - 8}" fill="none" stroke="${SKETCH_INK.text}" stroke-width="3"/>`,
  );
  const scaleText = scale.metres >= 1000 ? `${scale.metres / 1000} km` : `${scale.metres} m`;
  texts.push({ text: scaleText, x: bar.x + scale.length + 8, y: bar.y - 6, size: 16, colour: SKETCH_INK.text, isCentred: true });

  const composites = [];
  for (const label of texts) if (label.text.trim()) composites.push(await renderLabel(label, fonts));

  // The legend, under the frame: measured label by label so the entries wrap.
  let x = 12;
  let y = height + 24;
  const items = legendItems(
    layout.symbols.map((symbol) => symbol.feature),
    labels,
  );
  for (const item of items.filter((entry) => entry.label.trim())) {
    const rendered = await renderLabel({ text: item.label, x: 0, y, size: 16, colour: SKETCH_INK.text, isCentred: true }, fonts);
    if (x + 30 + rendered.width > width) {
      x = 12;
      y += 32;
      rendered.top += 32;
    }
    shapes.push(svgSymbol(item.shape, item.colour, x + 10, y, 7));
    composites.push({ ...rendered, left: x + 26 });
    x += 30 + rendered.width + 24;
  }

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}">${shapes.join('')}</svg>`;
  const png = await sharp(Buffer.from(svg))
    .composite(composites.map(({ input, left, top }) => ({ input, left: Math.max(0, left), top: Math.max(0, top) })))
    .png()
    .toBuffer();
  return { png, width, height: total };
}
