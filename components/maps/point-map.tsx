'use client';

import { useEffect, useMemo, useRef } from 'react';
import { CircleMarker, MapContainer, ScaleControl, TileLayer, useMap } from 'react-leaflet';
import { TextTooltip } from './text-tooltip';
import type { MapConfig } from '@/server/contracts/views';

export type MapPointKind = 'target' | 'incident' | 'me';
export type MapPoint = { kind: MapPointKind; lat: number; lng: number; label: string };

const STYLE: Record<MapPointKind, { color: string; fillColor: string; radius: number }> = {
  target: { color: '#7f1d1d', fillColor: '#dc2626', radius: 11 },
  incident: { color: '#78350f', fillColor: '#f59e0b', radius: 8 },
  me: { color: '#1e3a8a', fillColor: '#2563eb', radius: 7 },
};

const MAX_FIT_WITH_ME_M = 15_000;

// Later draws on top: the target must never hide under the incident marker.
const DRAW_ORDER: Record<MapPointKind, number> = { incident: 0, me: 1, target: 2 };

type Props = {
  config: MapConfig;
  /** Fixed after mount (React-Leaflet convention): the view is fitted to these once. */
  points: MapPoint[];
  /** The phone's position may move, so it is drawn apart from the fixed points. */
  me?: MapPoint | null;
  height?: number;
  label: string;
};

function FitToPoints({ points, me }: { points: MapPoint[]; me: MapPoint | null | undefined }) {
  const map = useMap();
  const hasFittedMe = useRef(false);
  const hasMe = Boolean(me);

  useEffect(() => {
    const first = points[0];
    // Someone far away would shrink the target to a dot: then keep the view on the target.
    const isMeNearby = Boolean(me && first && map.distance([me.lat, me.lng], [first.lat, first.lng]) < MAX_FIT_WITH_ME_M);
    const all = isMeNearby && me ? [...points, me] : points;
    if (all.length === 0) return;
    // Fit once on mount and once more on the first position fix, so "you" appear beside the target;
    // later moves must not yank the view from under the user's thumb.
    if (hasMe && hasFittedMe.current) return;
    if (hasMe) hasFittedMe.current = true;
    map.fitBounds(
      all.map((p) => [p.lat, p.lng] as [number, number]),
      { padding: [28, 28], maxZoom: 16 },
    );
  }, [map, hasMe]);
  return null;
}

/** A small map of a few points, drawn with canvas circle markers (no image icons, so no files to load). */
export default function PointMap({ config, points, me, height = 180, label }: Props) {
  const center = useMemo<[number, number]>(() => [points[0]?.lat ?? 0, points[0]?.lng ?? 0], [points]);
  const hasTiles = config.tileUrl.trim().length > 0;

  return (
    <div role="region" aria-label={label} style={{ height, borderRadius: 8, overflow: 'hidden', border: '1px solid var(--color-border)' }}>
      <MapContainer
        center={center}
        zoom={15}
        preferCanvas
        scrollWheelZoom={false}
        attributionControl={hasTiles}
        style={{ height: '100%', width: '100%', background: hasTiles ? undefined : '#eef2ea' }}
      >
        {hasTiles && <TileLayer url={config.tileUrl} attribution={config.attribution} />}
        <FitToPoints points={points} me={me} />
        <ScaleControl imperial={false} position="bottomleft" />
        {[...points]
          .sort((a, b) => DRAW_ORDER[a.kind] - DRAW_ORDER[b.kind])
          .map((point) => (
            <CircleMarker
              key={`${point.kind}:${point.lat}:${point.lng}`}
              center={[point.lat, point.lng]}
              weight={3}
              fillOpacity={0.9}
              {...STYLE[point.kind]}
            >
              <TextTooltip direction="top" offset={[0, -8]} permanent={point.kind === 'target'} text={point.label} />
            </CircleMarker>
          ))}
        {me && (
          <CircleMarker center={[me.lat, me.lng]} weight={3} fillOpacity={0.9} {...STYLE.me}>
            <TextTooltip direction="top" offset={[0, -8]} text={me.label} />
          </CircleMarker>
        )}
      </MapContainer>
    </div>
  );
}
