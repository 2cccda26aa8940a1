'use client';

import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { riskPointStyle } from './risk-point-style';
import { textNode } from './text-tooltip';
import { fetchPublishedMap } from './zone-map-fetch';
import { enterprisesToFetch, georeferencedPoints, isRiskPointZoom, type ZoneBounds, type ZoneEnterprise, type ZonePoint } from './zone-map';

export type ZonePointsStatus = { zoom: number; isShown: boolean; pointCount: number; isLoading: boolean };

type Props = {
  enterprises: readonly ZoneEnterprise[];
  /** Bumped per enterprise by `map:published`: its cached points are read again. */
  mapVersions: Readonly<Record<string, number>>;
  onStatus?: (status: ZonePointsStatus) => void;
};

type View = { zoom: number; bounds: ZoneBounds };

const readView = (map: L.Map): View => {
  const bounds = map.getBounds();
  return {
    zoom: map.getZoom(),
    bounds: { south: bounds.getSouth(), west: bounds.getWest(), north: bounds.getNorth(), east: bounds.getEast() },
  };
};

/**
 * Zoomed in, each plant's georeferenced risk points, fetched lazily for the plants in view.
 * They share the map's own canvas renderer (preferCanvas): a second canvas on top would swallow
 * the clicks meant for the enterprise markers beneath it. Clicks bubble on to the map, so a
 * point can be picked as the incident location.
 */
export default function ZoneRiskPoints({ enterprises, mapVersions, onStatus }: Props) {
  const map = useMap();
  const [view, setView] = useState<View>(() => readView(map));
  const [pointsById, setPointsById] = useState<Record<string, ZonePoint[]>>({});
  const requested = useRef(new Map<string, number>());
  const [pending, setPending] = useState(0);

  useMapEvents({ moveend: () => setView(readView(map)), zoomend: () => setView(readView(map)) });

  // A republished map is stale: forget it, the next pass reads it again if it is still in view.
  useEffect(() => {
    for (const [id, version] of requested.current) {
      if ((mapVersions[id] ?? 0) > version) requested.current.delete(id);
    }
  }, [mapVersions]);

  useEffect(() => {
    const ids = enterprisesToFetch(enterprises, view, new Set(requested.current.keys()));
    for (const id of ids) {
      requested.current.set(id, mapVersions[id] ?? 0);
      setPending((count) => count + 1);
      void fetchPublishedMap(id).then((result) => {
        setPending((count) => count - 1);
        // No map, no access, no network: the plant simply shows no points; the marker is still there.
        const points = result.kind === 'ready' ? georeferencedPoints(id, result.map.riskPoints) : [];
        setPointsById((current) => ({ ...current, [id]: points }));
      });
    }
  }, [enterprises, view, mapVersions]);

  const isShown = isRiskPointZoom(view.zoom);
  const shownIds = enterprises.map((enterprise) => enterprise.id).join(',');

  useEffect(() => {
    if (!isShown) return;
    const group = L.layerGroup();
    for (const id of shownIds.split(',')) {
      for (const point of pointsById[id] ?? []) {
        const marker = L.circleMarker([point.lat, point.lng], {
          radius: 7,
          weight: 2,
          color: '#ffffff',
          fillColor: riskPointStyle(point.kind).color,
          fillOpacity: 1,
        });
        // Enterprise-entered text: hand Leaflet a text node, never a string it would parse as HTML.
        marker.bindTooltip(() => textNode(`${point.code} ${point.name}`), { direction: 'top', offset: [0, -6] });
        group.addLayer(marker);
      }
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, isShown, shownIds, pointsById]);

  const pointCount = isShown ? shownIds.split(',').reduce((sum, id) => sum + (pointsById[id]?.length ?? 0), 0) : 0;
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;
  useEffect(() => {
    onStatusRef.current?.({ zoom: view.zoom, isShown, pointCount, isLoading: pending > 0 });
  }, [view.zoom, isShown, pointCount, pending]);

  return null;
}
