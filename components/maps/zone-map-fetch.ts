// Reading an enterprise's published one-map from the browser, for the zone map, the board and the phone.
import { callApi, type ApiResult } from '@/components/ui/api-client';
import type { PublishedMap } from '@/server/contracts/one-map';

/** Why a map could not be shown; each has its own message where it is shown. */
export type MapLoadFailure = 'forbidden' | 'notFound' | 'offline' | 'failed';

export type MapLoad = { kind: 'loading' } | { kind: 'ready'; map: PublishedMap } | { kind: 'error'; reason: MapLoadFailure };

export function classifyMapResult(result: ApiResult<PublishedMap>): Exclude<MapLoad, { kind: 'loading' }> {
  if (result.ok) return { kind: 'ready', map: result.data };
  if (result.status === 0) return { kind: 'error', reason: 'offline' };
  if (result.status === 403) return { kind: 'error', reason: 'forbidden' };
  // 404 covers "no such enterprise" and "nothing published yet" alike; 400 is a malformed id.
  if (result.status === 404 || result.status === 400) return { kind: 'error', reason: 'notFound' };
  return { kind: 'error', reason: 'failed' };
}

export async function fetchPublishedMap(enterpriseId: string): Promise<Exclude<MapLoad, { kind: 'loading' }>> {
  return classifyMapResult(await callApi<PublishedMap>(`/api/enterprises/${encodeURIComponent(enterpriseId)}/map`));
}

/**
 * A re-read may cross a newer push or a newer re-read: never let an older version replace a newer
 * one, and keep a map already on screen when only the network failed (the phone is in a cellar).
 */
export function mergeMapLoad(current: MapLoad | undefined, incoming: Exclude<MapLoad, { kind: 'loading' }>): MapLoad {
  if (current?.kind !== 'ready') return incoming;
  if (incoming.kind === 'ready') return incoming.map.version >= current.map.version ? incoming : current;
  return incoming.reason === 'offline' ? current : incoming;
}

/** Whether a `map:published` push tells us something we do not already show. */
export function isNewerVersion(current: MapLoad | undefined, version: number): boolean {
  return current?.kind !== 'ready' || current.map.version < version;
}
