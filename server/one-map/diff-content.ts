import { isDeepStrictEqual } from 'node:util';
import type { MapContent } from '../contracts/one-map';

// Compared by value, not by JSON text: a stored version comes back from PostgreSQL's jsonb with
// its keys in jsonb's order, which would make every point look edited.
const differs = (a: unknown, b: unknown) => !isDeepStrictEqual(a, b);

/**
 * Pure: a short, human-readable list of what changed between two versions, as catalog-ready
 * entries "<kind>:<detail>" (e.g. "pointMoved:V-3"). Stored with each version for its history.
 */
export function diffContent(previous: MapContent | null, next: MapContent): string[] {
  if (!previous) return ['firstVersion'];
  const changes: string[] = [];
  if (previous.plan?.fileName !== next.plan?.fileName) changes.push('planReplaced');

  const before = new Map(previous.riskPoints.map((point) => [point.code, point]));
  const after = new Map(next.riskPoints.map((point) => [point.code, point]));
  for (const [code, point] of after) {
    const old = before.get(code);
    if (!old) {
      changes.push(`pointAdded:${code}`);
      continue;
    }
    if (old.x !== point.x || old.y !== point.y) changes.push(`pointMoved:${code}`);
    const { x: _x, y: _y, lat: _lat, lng: _lng, number: _n, id: _id, ...rest } = point;
    const { x: _ox, y: _oy, lat: _olat, lng: _olng, number: _on, id: _oid, ...oldRest } = old;
    if (differs(rest, oldRest)) changes.push(`pointEdited:${code}`);
  }
  for (const code of before.keys()) if (!after.has(code)) changes.push(`pointRemoved:${code}`);
  if (differs(previous.contacts, next.contacts)) changes.push('contactsChanged');
  if (differs(previous.materials, next.materials)) changes.push('materialsChanged');
  if (differs(previous.georef, next.georef)) changes.push('georefChanged');
  return changes;
}
