// PURE: plan pixels ↔ Leaflet coordinates for a site plan shown with L.CRS.Simple.
//
// Choice: the plan image covers bounds [[0, 0], [height, width]] and a pixel (x, y), measured
// from the top-left like the image and the database, sits at LatLng(height − y, x). Leaflet's
// "lat" grows upwards, image y grows downwards; flipping against the height keeps every
// coordinate positive, so the image bounds and the points share one simple frame.

export type PlanSize = { width: number; height: number };
export type PlanPixel = { x: number; y: number };
export type PlanLatLng = [lat: number, lng: number];

export function planBounds(plan: PlanSize): [PlanLatLng, PlanLatLng] {
  return [
    [0, 0],
    [plan.height, plan.width],
  ];
}

export function pixelToLatLng(pixel: PlanPixel, plan: PlanSize): PlanLatLng {
  return [plan.height - pixel.y, pixel.x];
}

/** The pixel under a Leaflet position, clamped to the plan and rounded to a whole pixel. */
export function latLngToPixel(lat: number, lng: number, plan: PlanSize): PlanPixel {
  return {
    x: Math.round(clamp(lng, 0, plan.width)),
    y: Math.round(clamp(plan.height - lat, 0, plan.height)),
  };
}

export function isInsidePlan(pixel: PlanPixel, plan: PlanSize): boolean {
  return pixel.x >= 0 && pixel.y >= 0 && pixel.x <= plan.width && pixel.y <= plan.height;
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, value));
}
