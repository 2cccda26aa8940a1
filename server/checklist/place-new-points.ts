type Position = { x: number; y: number };
type Size = { width: number; height: number };

// Before a plan is uploaded, points sit around the centre of a plan of the usual demo size;
// the editor shows them for the enterprise to drag into place.
export const NOMINAL_PLAN: Size = { width: 1600, height: 1100 };

/**
 * Default positions for points the checklist adds: a grid along the plan's top margin, skipping
 * cells near points already placed, so new points are easy to find and never cover old ones.
 */
export function placeNewPoints(plan: Size | null, taken: Position[], count: number): Position[] {
  if (count === 0) return [];
  if (!plan) return gridAroundCentre(count);
  const spacing = Math.max(24, Math.round(Math.min(plan.width, plan.height) * 0.06));
  const isFree = (cell: Position, others: Position[]) =>
    others.every((other) => Math.hypot(other.x - cell.x, other.y - cell.y) >= spacing * 0.6);
  const placed: Position[] = [];
  for (let y = spacing; y <= plan.height - spacing && placed.length < count; y += spacing) {
    for (let x = spacing; x <= plan.width - spacing && placed.length < count; x += spacing) {
      const cell = { x, y };
      if (isFree(cell, taken) && isFree(cell, placed)) placed.push(cell);
    }
  }
  // A plan crowded everywhere: the rest go to its centre.
  while (placed.length < count) placed.push({ x: Math.round(plan.width / 2), y: Math.round(plan.height / 2) });
  return placed;
}

function gridAroundCentre(count: number): Position[] {
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const spacing = 60;
  const left = NOMINAL_PLAN.width / 2 - ((columns - 1) * spacing) / 2;
  const top = NOMINAL_PLAN.height / 2 - ((rows - 1) * spacing) / 2;
  return Array.from({ length: count }, (_, index) => ({
    x: left + (index % columns) * spacing,
    y: top + Math.floor(index / columns) * spacing,
  }));
}
