// Pure: turns plan pixels into lat/lng from 2–3 control points.
// Two points define a similarity (scale, rotation, shift); three define a full affine transform,
// which also absorbs a plan drawn slightly skewed or not to the same scale on both axes.

export type ControlPoint = { x: number; y: number; lat: number; lng: number };
export type Transform = (x: number, y: number) => { lat: number; lng: number };

export function createTransform(points: ControlPoint[]): Transform | null {
  if (points.length === 2) return similarity(points[0]!, points[1]!);
  if (points.length === 3) return affine(points[0]!, points[1]!, points[2]!);
  return null;
}

function similarity(a: ControlPoint, b: ControlPoint): Transform | null {
  // Complex-number form: (lng + i·lat) = s · (x − i·y) + t, with y flipped because plan y grows downwards.
  const dx = b.x - a.x;
  const dy = -(b.y - a.y);
  const du = b.lng - a.lng;
  const dv = b.lat - a.lat;
  const norm = dx * dx + dy * dy;
  if (norm === 0) return null;
  const sr = (du * dx + dv * dy) / norm;
  const si = (dv * dx - du * dy) / norm;
  return (x, y) => {
    const px = x - a.x;
    const py = -(y - a.y);
    return { lng: a.lng + sr * px - si * py, lat: a.lat + si * px + sr * py };
  };
}

function affine(a: ControlPoint, b: ControlPoint, c: ControlPoint): Transform | null {
  const det = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
  if (Math.abs(det) < 1e-9) return null; // collinear: fall back to no georeference rather than nonsense
  const solve = (va: number, vb: number, vc: number) => {
    const p = ((vb - va) * (c.y - a.y) - (vc - va) * (b.y - a.y)) / det;
    const q = ((b.x - a.x) * (vc - va) - (c.x - a.x) * (vb - va)) / det;
    return (x: number, y: number) => va + p * (x - a.x) + q * (y - a.y);
  };
  const lat = solve(a.lat, b.lat, c.lat);
  const lng = solve(a.lng, b.lng, c.lng);
  return (x, y) => ({ lat: lat(x, y), lng: lng(x, y) });
}
