import type { PublishedRiskPoint } from '../contracts/one-map';

// Pure: which risk points of a published map could explain an incident of a given type.
// Keyword lists follow the incident types of the demo plans; a point matches on its substances,
// or, for air incidents, on being a stack.

const KEYWORDS: Record<string, string[]> = {
  water_oil: ['油', '乳化液', 'oil', 'diesel'],
  chemical_leak: ['酸', '碱', '苯', '醇', '氨', '氯', '氟', '溶剂', '氢氧化钠', 'acid'],
  air_pollution: ['VOCs', '氮氧化物', '酸雾', '废气', '氨', '苯', 'NOx'],
};

export type SubstanceMatch = { code: string; name: string; substances: string[] };

export function matchSubstances(incidentType: string, points: PublishedRiskPoint[]): SubstanceMatch[] {
  const keywords = KEYWORDS[incidentType] ?? [];
  return points.flatMap((point) => {
    const substances = point.substances
      .map((substance) => substance.name)
      .filter((name) => keywords.some((keyword) => name.toLowerCase().includes(keyword.toLowerCase())));
    const isStack = incidentType === 'air_pollution' && point.kind === 'boiler_stack';
    return substances.length > 0 || isStack ? [{ code: point.code, name: point.name, substances }] : [];
  });
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
