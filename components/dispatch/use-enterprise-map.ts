'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { fetchPublishedMap, isNewerVersion, mergeMapLoad, type MapLoad } from '@/components/maps/zone-map-fetch';

/** The linked enterprise's published one-map for the board, kept current by `map:published`. */
export function useEnterpriseMap(enterpriseId: string | null) {
  const [load, setLoad] = useState<MapLoad | undefined>(enterpriseId ? { kind: 'loading' } : undefined);
  const loadRef = useRef(load);
  loadRef.current = load;

  const read = useCallback(async () => {
    if (!enterpriseId) return;
    const result = await fetchPublishedMap(enterpriseId);
    setLoad((current) => mergeMapLoad(current, result));
  }, [enterpriseId]);

  useEffect(() => {
    void read();
  }, [read]);

  useSocket(
    {
      'map:published': (message) => {
        if (message.enterpriseId === enterpriseId && isNewerVersion(loadRef.current, message.version)) void read();
      },
    },
    // The first connect comes right after the first read; later ones may have missed a publication.
    () => {
      if (loadRef.current && loadRef.current.kind !== 'loading') void read();
    },
  );

  return load;
}
