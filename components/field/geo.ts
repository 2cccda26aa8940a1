// PURE helpers for the role card's location block: distances and links into phone map apps.

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in metres; plenty for "how far is the point" on a phone. */
export function distanceMeters(from: LatLng, to: LatLng): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLng = toRadians(to.lng - from.lng);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type DistanceParts = { unit: 'm' | 'km'; value: number };

/** Rounds for reading at a glance: 10 m steps below 1 km, one decimal below 10 km, whole km beyond. */
export function splitDistance(meters: number): DistanceParts {
  const safe = Math.max(0, meters);
  const metres = Math.round(safe / 10) * 10;
  if (metres < 1_000) return { unit: 'm', value: metres };
  const km = safe / 1_000;
  return { unit: 'km', value: km < 10 ? Math.round(km * 10) / 10 : Math.round(km) };
}

const coordinate = (value: number) => String(Math.round(value * 1e6) / 1e6);

// Parentheses and commas would end the label early in both URI schemes.
const cleanLabel = (label: string) => label.replace(/[(),]/g, ' ').replace(/\s+/g, ' ').trim();

/** Android hands geo: to whichever map app is installed (高德, 百度, Google Maps…). */
export function buildGeoUri(point: LatLng, label: string): string {
  const at = `${coordinate(point.lat)},${coordinate(point.lng)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(cleanLabel(label))})`;
}

/** Amap's web URI works on iOS too and opens the app when installed; it converts WGS-84 itself. */
export function buildAmapUrl(point: LatLng, label: string): string {
  const to = `${coordinate(point.lng)},${coordinate(point.lat)},${encodeURIComponent(cleanLabel(label))}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=car&coordinate=wgs84&callnative=1`;
}
