'use client';

import L from 'leaflet';
import { memo, useMemo, useRef } from 'react';
import { CircleMarker, MapContainer, ScaleControl, TileLayer, useMapEvents } from 'react-leaflet';
import { TextTooltip } from './text-tooltip';
import type { MapConfig } from '@/server/contracts/views';
import styles from './site-plan.module.css';

type Props = {
  config: MapConfig;
  /** Fixed after mount: the view starts on the enterprise. */
  center: { lat: number; lng: number };
  controlPoints: { lat: number; lng: number; number: number }[];
  onPick: (lat: number, lng: number) => void;
  label: string;
};

function Picks({ onPick }: { onPick: React.RefObject<Props['onPick']> }) {
  useMapEvents({ click: (event) => onPick.current(event.latlng.lat, event.latlng.lng) });
  return null;
}

/** A small geographic map on which a control point's real position is clicked rather than typed. */
function SitePlanGeoPicker({ config, center, controlPoints, onPick, label }: Props) {
  const hasTiles = config.tileUrl.trim().length > 0;
  const start = useMemo<L.LatLngTuple>(() => [center.lat, center.lng], [center.lat, center.lng]);
  const pick = useRef(onPick);
  pick.current = onPick;

  return (
    <div className={`${styles.frame} ${styles.addMode}`} role="region" aria-label={label}>
      <MapContainer
        center={start}
        zoom={17}
        maxZoom={19}
        preferCanvas
        attributionControl={hasTiles}
        className={styles.map}
        style={{ background: hasTiles ? undefined : '#eef2ea' }}
      >
        {hasTiles && <TileLayer url={config.tileUrl} attribution={config.attribution} maxZoom={19} />}
        <ScaleControl imperial={false} position="bottomleft" />
        <Picks onPick={pick} />
        <CircleMarker center={start} radius={5} color="#0b5cad" fillOpacity={0.6} interactive={false} />
        {controlPoints.map((point) => (
          <CircleMarker
            key={point.number}
            center={[point.lat, point.lng]}
            radius={9}
            color="#111827"
            fillColor="#fde047"
            fillOpacity={1}
            weight={2}
          >
            <TextTooltip permanent direction="right" offset={[8, 0]} text={String(point.number)} />
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}

export default memo(SitePlanGeoPicker);
