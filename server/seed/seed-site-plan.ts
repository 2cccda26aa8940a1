import sharp from 'sharp';
import type { DemoSite } from './seed-one-map-data';
import { PLAN_SIZE } from './seed-one-map-data';

// Draws a believable site plan for a demo enterprise as SVG and rasterises it with sharp:
// fence, roads, buildings, and the physical features under each risk point (tanks, pools, pipes).
// The risk-point markers themselves are drawn live by the map, not baked into the image.

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

function feature(point: DemoSite['points'][number]): string {
  const { x, y } = point;
  switch (point.kind) {
    case 'storage_tank':
      return `<circle cx="${x}" cy="${y}" r="42" fill="#cfd8e3" stroke="#52606d" stroke-width="4"/><rect x="${x - 60}" y="${y - 60}" width="120" height="120" fill="none" stroke="#9aa5b1" stroke-width="3" stroke-dasharray="10 6"/>`;
    case 'emergency_pool':
      return `<rect x="${x - 80}" y="${y - 50}" width="160" height="100" fill="#bfdbfe" stroke="#1e40af" stroke-width="4"/>`;
    case 'hazardous_waste_store':
      return `<rect x="${x - 55}" y="${y - 40}" width="110" height="80" fill="#fde68a" stroke="#92400e" stroke-width="4"/>`;
    case 'boiler_stack':
      return `<circle cx="${x}" cy="${y}" r="20" fill="#6b7280" stroke="#1f2937" stroke-width="4"/>`;
    case 'materials_cabinet':
      return `<rect x="${x - 25}" y="${y - 18}" width="50" height="36" fill="#bbf7d0" stroke="#166534" stroke-width="3"/>`;
    case 'discharge_outfall':
    case 'storm_outlet':
      return `<line x1="${x - 160}" y1="${y}" x2="${x}" y2="${y}" stroke="${point.kind === 'storm_outlet' ? '#0284c7' : '#7c2d12'}" stroke-width="10"/>`;
    case 'valve':
    case 'manhole':
      return `<circle cx="${x}" cy="${y}" r="14" fill="#e5e7eb" stroke="#374151" stroke-width="3"/>`;
  }
}

export function sitePlanSvg(site: DemoSite, title: string): string {
  const { width, height } = PLAN_SIZE;
  const buildings = site.buildings
    .map(
      (b) =>
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#e5e7eb" stroke="#4b5563" stroke-width="4"/>` +
        `<text x="${b.x + b.w / 2}" y="${b.y + b.h / 2 + 12}" font-size="34" text-anchor="middle" fill="#374151">${escapeXml(b.label)}</text>`,
    )
    .join('');
  const river = site.river
    ? `<path d="M1500 0 C1470 300 1540 600 1490 1100 L1600 1100 L1600 0 Z" fill="#93c5fd"/><text x="1560" y="560" font-size="30" fill="#1e3a8a" writing-mode="tb">梁滩河</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#fbfaf5"/>
${river}
<rect x="60" y="60" width="${width - 200}" height="${height - 120}" fill="none" stroke="#111827" stroke-width="6" stroke-dasharray="24 12"/>
<rect x="60" y="${height / 2 - 15}" width="${width - 200}" height="30" fill="#d1d5db"/>
<rect x="${width / 2 - 15}" y="60" width="30" height="${height - 120}" fill="#d1d5db"/>
${buildings}
${site.points.map(feature).join('')}
<text x="80" y="44" font-size="30" font-weight="bold" fill="#111827">${escapeXml(title)} 厂区平面图</text>
<g transform="translate(100 940)"><path d="M0 50 L18 0 L36 50 L18 38 Z" fill="#111827"/><text x="18" y="80" font-size="26" text-anchor="middle">N</text></g>
</svg>`;
}

export function renderSitePlan(site: DemoSite, title: string): Promise<Buffer> {
  return sharp(Buffer.from(sitePlanSvg(site, title)))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}
