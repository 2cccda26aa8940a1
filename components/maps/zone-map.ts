// PURE: what the dashboard's zone map shows — which enterprises pass the search and the risk
// filter, when their risk points appear, and which one-maps to fetch for the current view.
import type { PublishedRiskPoint, RiskLevel } from '@/server/contracts/one-map';
import { RISK_LEVELS } from '@/server/contracts/one-map-kinds';

/** From this zoom on, a plant fills enough of the screen for its valves and outfalls to be told apart. */
export const RISK_POINT_MIN_ZOOM = 16;

export type ZoneEnterprise = { id: string; name: string; riskLevel: RiskLevel; location: { lat: number; lng: number } };
export type ZoneFilter = { query: string; levels: ReadonlySet<RiskLevel> };
export type ZoneBounds = { south: number; west: number; north: number; east: number };

export const ALL_LEVELS: ReadonlySet<RiskLevel> = new Set(RISK_LEVELS);

/** Case-, width- and space-insensitive, so 「西永 污水」 and "XIYONG" typed on any keyboard still match. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export function matchesFilter(enterprise: ZoneEnterprise, filter: ZoneFilter): boolean {
  if (!filter.levels.has(enterprise.riskLevel)) return false;
  const query = normalizeQuery(filter.query);
  return query === '' || normalizeQuery(enterprise.name).includes(query);
}

/**
 * The enterprises to draw. The one linked to the incident being prepared stays visible whatever
 * the filter says: hiding it would hide part of what is about to be dispatched.
 */
export function filterEnterprises<T extends ZoneEnterprise>(enterprises: readonly T[], filter: ZoneFilter, keepId = ''): T[] {
  return enterprises.filter((enterprise) => enterprise.id === keepId || matchesFilter(enterprise, filter));
}

export function toggleLevel(levels: ReadonlySet<RiskLevel>, level: RiskLevel): Set<RiskLevel> {
  const next = new Set(levels);
  if (next.has(level)) next.delete(level);
  else next.add(level);
  return next;
}

export function isRiskPointZoom(zoom: number): boolean {
  return Number.isFinite(zoom) && zoom >= RISK_POINT_MIN_ZOOM;
}

/** Grows the view by a fraction on each side, so a plant just off the edge is ready when panned to. */
export function padBounds(bounds: ZoneBounds, ratio: number): ZoneBounds {
  const dLat = (bounds.north - bounds.south) * ratio;
  const dLng = (bounds.east - bounds.west) * ratio;
  return { south: bounds.south - dLat, west: bounds.west - dLng, north: bounds.north + dLat, east: bounds.east + dLng };
}

export function isInside(point: { lat: number; lng: number }, bounds: ZoneBounds): boolean {
  return point.lat >= bounds.south && point.lat <= bounds.north && point.lng >= bounds.west && point.lng <= bounds.east;
}

/**
 * The one-maps to fetch now: only at risk-point zoom, only for shown enterprises in (or near) the
 * view, and only those not fetched or being fetched already. Zoomed out, nothing is fetched.
 */
export function enterprisesToFetch(
  enterprises: readonly ZoneEnterprise[],
  view: { zoom: number; bounds: ZoneBounds },
  requested: ReadonlySet<string>,
): string[] {
  if (!isRiskPointZoom(view.zoom)) return [];
  const near = padBounds(view.bounds, 0.5);
  return enterprises
    .filter((enterprise) => !requested.has(enterprise.id) && isInside(enterprise.location, near))
    .map((enterprise) => enterprise.id);
}

export type ZonePoint = Pick<PublishedRiskPoint, 'id' | 'kind' | 'code' | 'name'> & { lat: number; lng: number; enterpriseId: string };

/** A published map's georeferenced points; points never placed on the ground are left out. */
export function georeferencedPoints(enterpriseId: string, points: readonly PublishedRiskPoint[]): ZonePoint[] {
  return points.flatMap((point) =>
    point.lat === null || point.lng === null
      ? []
      : [{ id: point.id, kind: point.kind, code: point.code, name: point.name, lat: point.lat, lng: point.lng, enterpriseId }],
  );
}

export type ZoneFocus = { kind: 'point'; lat: number; lng: number; zoom: number } | { kind: 'bounds'; bounds: ZoneBounds };

/** Where to look after a search: one plant close enough to see its points, several all in view. */
export function focusFor(enterprises: readonly ZoneEnterprise[]): ZoneFocus | null {
  const [first] = enterprises;
  if (!first) return null;
  if (enterprises.length === 1) return { kind: 'point', lat: first.location.lat, lng: first.location.lng, zoom: RISK_POINT_MIN_ZOOM + 1 };
  const lats = enterprises.map((enterprise) => enterprise.location.lat);
  const lngs = enterprises.map((enterprise) => enterprise.location.lng);
  return {
    kind: 'bounds',
    bounds: { south: Math.min(...lats), west: Math.min(...lngs), north: Math.max(...lats), east: Math.max(...lngs) },
  };
}
