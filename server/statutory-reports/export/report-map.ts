import type { ReceptorKind } from '../../contracts/statutory-reports';
import { distanceMetres } from '../../materials/geo';

// PURE: the 初报's sketch map (示意图). No tiles offline, so the map is a vector sketch: the incident
// at the centre, the radius circle, the sensitive receptors and risk enterprises within it, a scale
// bar and a north arrow. One layout, drawn twice: by pdfkit into the PDF and as a PNG for the DOCX.

type LatLng = { lat: number; lng: number };
export type MapReceptor = LatLng & { id: string; name: string; kind: ReceptorKind };
export type MapEnterprise = LatLng & { id: string; name: string; riskLevel: string };
export type MapFeature =
  (MapReceptor & { type: 'receptor'; distanceM: number }) | (MapEnterprise & { type: 'enterprise'; distanceM: number });

/** What lies within `radiusM` of the incident, nearest first (receptors before enterprises at a tie). */
export function selectMapFeatures(incident: LatLng, radiusM: number, receptors: MapReceptor[], enterprises: MapEnterprise[]): MapFeature[] {
  const features: MapFeature[] = [
    ...receptors.map((receptor) => ({ ...receptor, type: 'receptor' as const, distanceM: distanceMetres(incident, receptor) })),
    ...enterprises.map((enterprise) => ({
      ...enterprise,
      type: 'enterprise' as const,
      distanceM: distanceMetres(incident, enterprise),
    })),
  ];
  return features
    .filter((feature) => feature.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || (a.type === b.type ? 0 : a.type === 'receptor' ? -1 : 1));
}

export type SketchPoint = { x: number; y: number };
/** A label's box, top-left, in the layout's units. */
export type SketchLabel = { text: string; x: number; y: number; width: number; height: number };
export type SketchSymbol = SketchPoint & { number: number; feature: MapFeature; label: SketchLabel };
export type SketchLayout = {
  width: number;
  height: number;
  centre: SketchPoint;
  radius: number;
  symbols: SketchSymbol[];
  /** The labels' font size, in the layout's units (about 1.6 % of its width). */
  labelSize: number;
  /** A round length (100 m, 500 m, 1 km …) and its length on the sketch. */
  scale: { metres: number; length: number };
};

const METRES_PER_DEGREE = 111_320;
const ROUND_LENGTHS = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000];

/** Places the features on a `width`×`height` box (any unit), north up, the radius circle filling it. */
export function layoutSketch(incident: LatLng, radiusM: number, features: MapFeature[], width: number, height: number): SketchLayout {
  const centre = { x: width / 2, y: height / 2 };
  const radius = (Math.min(width, height) / 2) * 0.9;
  const perMetre = radius / radiusM;
  const cosLat = Math.cos((incident.lat * Math.PI) / 180);
  const labelSize = width * 0.0158;
  // The incident's own label sits below right of it; symbols' labels keep clear of it and of each other.
  const placed: SketchLabel[] = [
    { text: '', x: centre.x + labelSize, y: centre.y + labelSize * 0.4, width: labelSize * 5, height: labelSize * 1.4 },
  ];
  const symbols = features.map((feature, index) => {
    const point = {
      x: centre.x + (feature.lng - incident.lng) * METRES_PER_DEGREE * cosLat * perMetre,
      y: centre.y - (feature.lat - incident.lat) * METRES_PER_DEGREE * perMetre,
    };
    const label = placeLabel(sketchText(index + 1, feature.name), point, labelSize, placed, width, height);
    placed.push(label);
    return { number: index + 1, feature, ...point, label };
  });
  const target = radiusM / 3;
  const metres = [...ROUND_LENGTHS].reverse().find((length) => length <= target) ?? ROUND_LENGTHS[0]!;
  return { width, height, centre, radius, symbols, labelSize, scale: { metres, length: metres * perMetre } };
}

/** A symbol's label: its number and a name short enough not to cover its neighbours. */
const sketchText = (number: number, name: string) => `${number} ${name.length > 12 ? `${name.slice(0, 11)}…` : name}`;

/** About how wide `text` sets: a CJK character is an em, Latin letters and digits about half. */
const textWidth = (text: string, size: number) =>
  [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? size : size * 0.56), 0);

const overlaps = (a: SketchLabel, b: SketchLabel) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Right of the symbol if free, else left, else a line above or below; the first that overlaps no other label. */
function placeLabel(text: string, point: SketchPoint, size: number, placed: SketchLabel[], width: number, height: number): SketchLabel {
  const box = { width: textWidth(text, size), height: size * 1.4 };
  const gap = size * 0.8;
  const candidates = [
    { x: point.x + gap, y: point.y - box.height / 2 },
    { x: point.x - gap - box.width, y: point.y - box.height / 2 },
    { x: point.x + gap, y: point.y - box.height * 1.3 },
    { x: point.x + gap, y: point.y + box.height * 0.3 },
    { x: point.x - gap - box.width, y: point.y - box.height * 1.3 },
    { x: point.x - gap - box.width, y: point.y + box.height * 0.3 },
  ].map((candidate) => ({
    text,
    ...box,
    x: Math.min(Math.max(candidate.x, 2), width - box.width - 2),
    y: Math.min(Math.max(candidate.y, 2), height - box.height - 2),
  }));
  return candidates.find((candidate) => !placed.some((other) => overlaps(candidate, other))) ?? candidates[0]!;
}

/** "850 m", "2.4 km". */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres / 10) * 10} m` : `${(metres / 1000).toFixed(1).replace(/\.0$/, '')} km`;
}

export const SKETCH_INK = {
  incident: '#dc2626',
  radius: '#dc2626',
  enterprise: '#7c3aed',
  receptor: {
    drinking_water_source: '#0369a1',
    school: '#ca8a04',
    hospital: '#16a34a',
    residential: '#ea580c',
    protected_water: '#0891b2',
    other: '#475569',
  },
  text: '#111827',
  muted: '#6b7280',
  frame: '#9ca3af',
} as const;

export const symbolColour = (feature: MapFeature) =>
  feature.type === 'enterprise' ? SKETCH_INK.enterprise : SKETCH_INK.receptor[feature.kind];

export type LegendItem = { shape: 'incident' | 'circle' | 'square' | 'radius'; colour: string; label: string };

/** The legend: the incident, the radius, and one entry per kind of feature on the sketch. */
export function legendItems(
  features: MapFeature[],
  labels: { incident: string; radius: string; kindLabel: (feature: MapFeature) => string },
): LegendItem[] {
  const items: LegendItem[] = [
    { shape: 'incident', colour: SKETCH_INK.incident, label: labels.incident },
    { shape: 'radius', colour: SKETCH_INK.radius, label: labels.radius },
  ];
  const seen = new Set<string>();
  for (const feature of features) {
    const key = feature.type === 'enterprise' ? 'enterprise' : feature.kind;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      shape: feature.type === 'enterprise' ? 'square' : 'circle',
      colour: symbolColour(feature),
      label: labels.kindLabel(feature),
    });
  }
  return items;
}
