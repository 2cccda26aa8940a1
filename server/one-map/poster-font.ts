import { existsSync } from 'node:fs';
import { getEnv } from '../kernel/config/env';

export type PosterFont = { path: string; postscriptName?: string };
export type PosterFonts = { regular: PosterFont; bold: PosterFont };

// Debian/Ubuntu fonts-noto-cjk, then the other common layouts of the same fonts.
const REGULAR_CANDIDATES: PosterFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
];
const BOLD_CANDIDATES: PosterFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf' },
];

export class PosterFontError extends Error {}

function fromSetting(setting: string): PosterFont {
  const [path = '', postscriptName] = setting.split('#');
  return postscriptName ? { path, postscriptName } : { path };
}

/**
 * The fonts the poster is set in. Built-in PDF fonts have no Chinese glyphs, so without a CJK
 * font the poster would print boxes: refuse clearly instead.
 */
export function findPosterFonts(setting = getEnv().POSTER_FONT_PATH): PosterFonts {
  if (setting) {
    const font = fromSetting(setting);
    if (!existsSync(font.path)) throw new PosterFontError(`POSTER_FONT_PATH points to a missing file: ${font.path}`);
    return { regular: font, bold: font };
  }
  const regular = REGULAR_CANDIDATES.find((font) => existsSync(font.path));
  if (!regular) {
    throw new PosterFontError(
      `No CJK font for the wall poster. Install the Debian package fonts-noto-cjk or set POSTER_FONT_PATH (looked in: ${REGULAR_CANDIDATES.map((font) => font.path).join(', ')})`,
    );
  }
  return { regular, bold: BOLD_CANDIDATES.find((font) => existsSync(font.path)) ?? regular };
}
