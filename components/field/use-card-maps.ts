'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchPublishedMap, isNewerVersion, mergeMapLoad, type MapLoad } from '@/components/maps/zone-map-fetch';

/**
 * The one-maps of the enterprises named by the open cards, read once per enterprise and kept in
 * page state; a `map:published` push or a reconnect reads them again.
 */
export function useCardMaps(enterpriseIds: readonly string[]) {
  const [maps, setMaps] = useState<Record<string, MapLoad>>({});
  const mapsRef = useRef(maps);
  mapsRef.current = maps;
  const shown = useRef(new Set<string>());

  const load = useCallback(async (enterpriseId: string) => {
    const result = await fetchPublishedMap(enterpriseId);
    setMaps((current) => ({ ...current, [enterpriseId]: mergeMapLoad(current[enterpriseId], result) }));
  }, []);

  const key = [...new Set(enterpriseIds)].sort().join(',');
  useEffect(() => {
    const ids = new Set(key ? key.split(',') : []);
    // An enterprise that comes back with a new incident may have published while we were not told.
    for (const enterpriseId of ids) {
      if (shown.current.has(enterpriseId)) continue;
      setMaps((current) => (current[enterpriseId]?.kind === 'ready' ? current : { ...current, [enterpriseId]: { kind: 'loading' } }));
      void load(enterpriseId);
    }
    shown.current = ids;
  }, [key, load]);

  const onPublished = useCallback(
    (enterpriseId: string, version: number) => {
      if (!shown.current.has(enterpriseId) || !isNewerVersion(mapsRef.current[enterpriseId], version)) return;
      void load(enterpriseId);
    },
    [load],
  );

  /** After a reconnect a publication may have been missed; the shown versions are re-checked. */
  const reloadAll = useCallback(() => {
    for (const enterpriseId of shown.current) {
      if (mapsRef.current[enterpriseId]?.kind !== 'loading') void load(enterpriseId);
    }
  }, [load]);

  const retry = useCallback(
    (enterpriseId: string) => {
      setMaps((current) => (current[enterpriseId]?.kind === 'ready' ? current : { ...current, [enterpriseId]: { kind: 'loading' } }));
      void load(enterpriseId);
    },
    [load],
  );

  return { maps, onPublished, reloadAll, retry };
}
