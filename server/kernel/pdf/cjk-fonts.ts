import { existsSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../config/env';

export type PdfFont = { path: string; postscriptName?: string };
export type PdfFonts = { regular: PdfFont; bold: PdfFont };

// Noto Sans SC as npm installs it (@expo-google-fonts/noto-sans-sc, OFL): a fresh machine has a
// Chinese font after `npm install` alone. Resolved from the working directory (the project root
// under `npm start` and the tests) because Next bundles the routes that print, and a bundled
// module's own location says nothing about node_modules.
const bundled = (weight: string) =>
  path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc', weight, `NotoSansSC_${weight}.ttf`);

// Then Debian/Ubuntu fonts-noto-cjk and the other common layouts of the same fonts.
export const REGULAR_CANDIDATES: PdfFont[] = [
  { path: bundled('400Regular') },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
];
export const BOLD_CANDIDATES: PdfFont[] = [
  { path: bundled('700Bold') },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf' },
];

export class PdfFontError extends Error {}

function fromSetting(setting: string): PdfFont {
  const [fontPath = '', postscriptName] = setting.split('#');
  return postscriptName ? { path: fontPath, postscriptName } : { path: fontPath };
}

/**
 * The fonts every PDF (the one-map poster, the statutory reports, the review) is set in. Built-in PDF
 * fonts have no Chinese glyphs, so without a CJK font a PDF would print boxes: refuse clearly instead.
 * POSTER_FONT_PATH (a file, optionally `#PostScriptName` inside a collection) overrides the search.
 */
export function findPdfFonts(
  setting = getEnv().POSTER_FONT_PATH,
  candidates: { regular: PdfFont[]; bold: PdfFont[] } = { regular: REGULAR_CANDIDATES, bold: BOLD_CANDIDATES },
): PdfFonts {
  if (setting) {
    const font = fromSetting(setting);
    if (!existsSync(font.path)) throw new PdfFontError(`POSTER_FONT_PATH points to a missing file: ${font.path}`);
    return { regular: font, bold: font };
  }
  const regular = candidates.regular.find((font) => existsSync(font.path));
  if (!regular) {
    throw new PdfFontError(
      `No CJK font for PDFs. Run npm install (it brings @expo-google-fonts/noto-sans-sc), install fonts-noto-cjk, or set POSTER_FONT_PATH (looked in: ${candidates.regular.map((font) => font.path).join(', ')})`,
    );
  }
  return { regular, bold: candidates.bold.find((font) => existsSync(font.path)) ?? regular };
}
