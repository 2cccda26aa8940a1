'use client';

import L from 'leaflet';
import { useMemo, type ReactNode } from 'react';
import { ImageOverlay, MapContainer } from 'react-leaflet';
import { planBounds } from './site-plan-coords';
import styles from './site-plan.module.css';

type Props = { plan: { imageUrl: string; width: number; height: number }; label: string; testId: string; children: ReactNode };

/**
 * A site plan as an image in plain pixel space (CRS.Simple), shared by the viewer and the editor.
 * The user may pan a little past the edges but never lose the plan entirely.
 */
export function SitePlanFrame({ plan, label, testId, children }: Props) {
  const { width, height } = plan;
  const bounds = useMemo(() => L.latLngBounds(planBounds({ width, height })), [width, height]);
  const maxBounds = useMemo(() => bounds.pad(0.25), [bounds]);

  return (
    <div className={styles.frame} role="region" aria-label={label} data-testid={testId}>
      <MapContainer
        crs={L.CRS.Simple}
        bounds={bounds}
        boundsOptions={{ padding: [8, 8] }}
        maxBounds={maxBounds}
        minZoom={-5}
        maxZoom={3}
        zoomSnap={0}
        zoomDelta={0.5}
        attributionControl={false}
        className={styles.map}
      >
        <ImageOverlay url={plan.imageUrl} bounds={bounds} />
        {children}
      </MapContainer>
    </div>
  );
}
