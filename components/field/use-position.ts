'use client';

import { useEffect, useState } from 'react';
import type { LatLng } from './geo';

export type PositionState =
  { kind: 'off' } | { kind: 'locating' } | { kind: 'unavailable' } | { kind: 'located'; at: LatLng; accuracy: number };

/** Watches the phone's position while `isWanted`; the permission prompt appears only then. */
export function usePosition(isWanted: boolean): PositionState {
  const [state, setState] = useState<PositionState>({ kind: 'off' });

  useEffect(() => {
    if (!isWanted) return;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setState({ kind: 'unavailable' });
      return;
    }
    setState((current) => (current.kind === 'located' ? current : { kind: 'locating' }));
    const watchId = navigator.geolocation.watchPosition(
      (position) =>
        setState({
          kind: 'located',
          at: { lat: position.coords.latitude, lng: position.coords.longitude },
          accuracy: position.coords.accuracy,
        }),
      // Denied or no fix: keep the last known position if there is one.
      () => setState((current) => (current.kind === 'located' ? current : { kind: 'unavailable' })),
      { enableHighAccuracy: true, maximumAge: 15_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(watchId);
  }, [isWanted]);

  return state;
}
