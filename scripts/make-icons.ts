// Renders the home-screen icons (public/icons/*.png) from one SVG, so they can be redrawn the same way.
// Run: npx tsx scripts/make-icons.ts   (the PNGs are committed; this is only needed to change them)
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const BACKGROUND = '#0f2d4a';

// A water drop with a wave (environment) and a red alert dot (emergency), on the app's header blue.
const artwork = `
  <path d="M256 84 C256 84 132 226 132 320 A124 124 0 0 0 380 320 C380 226 256 84 256 84 Z" fill="#ffffff"/>
  <path d="M150 338 C190 312 222 364 256 338 C290 312 322 364 362 338 C356 392 312 432 256 432 C200 432 156 392 150 338 Z" fill="#22a06b"/>
  <circle cx="372" cy="150" r="58" fill="#e02424" stroke="${BACKGROUND}" stroke-width="14"/>
  <rect x="364" y="116" width="16" height="44" rx="8" fill="#ffffff"/>
  <circle cx="372" cy="180" r="9" fill="#ffffff"/>`;

/** `rounded`: the usual icon; otherwise full-bleed with the artwork inside the maskable safe zone. */
function svg(isMaskable: boolean): Buffer {
  const background = isMaskable
    ? `<rect width="512" height="512" fill="${BACKGROUND}"/>`
    : `<rect width="512" height="512" rx="104" fill="${BACKGROUND}"/>`;
  const content = isMaskable ? `<g transform="translate(256 262) scale(0.74) translate(-256 -262)">${artwork}</g>` : artwork;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${content}</svg>`);
}

const outputs = [
  { file: 'icon-192.png', size: 192, isMaskable: false },
  { file: 'icon-512.png', size: 512, isMaskable: false },
  { file: 'icon-maskable-512.png', size: 512, isMaskable: true },
  // iOS rounds the corners itself and shows transparency as black: full-bleed, like the maskable one.
  { file: 'apple-touch-icon.png', size: 180, isMaskable: true },
];

mkdirSync('public/icons', { recursive: true });
for (const { file, size, isMaskable } of outputs) {
  await sharp(svg(isMaskable), { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(`public/icons/${file}`);
  console.log(`public/icons/${file}`);
}
