'use client';

import L from 'leaflet';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import { riskPointStyle } from './risk-point-style';
import { createLabelledCanvas, type LabelledCircleOptions } from './site-plan-canvas';
import { pixelToLatLng, planBounds, type PlanSize } from './site-plan-coords';
import { SitePlanFrame } from './site-plan-frame';
import styles from './site-plan.module.css';

export type SitePlanImage = PlanSize & { imageUrl: string };

type Props = {
  /** Fixed after mount, like every MapContainer prop: give the component a new key for a new plan. */
  plan: SitePlanImage;
  points: PublishedRiskPoint[];
  selectedId?: string | null;
  onSelectPoint?: (point: PublishedRiskPoint) => void;
  label: string;
};

const RADIUS = 11;
const SELECTED = { color: '#facc15', weight: 4 };
const NORMAL = { color: '#ffffff', weight: 2 };

function PlanPoints({ plan, points, selectedId, onSelectPoint }: Omit<Props, 'label'>) {
  const map = useMap();
  const { width, height } = plan;
  const markers = useRef(new Map<string, L.CircleMarker>());
  const onSelect = useRef(onSelectPoint);
  onSelect.current = onSelectPoint;

  useEffect(() => {
    const renderer = createLabelledCanvas(L.latLngBounds(planBounds({ width, height })));
    const group = L.layerGroup();
    const byId = new Map<string, L.CircleMarker>();
    for (const point of points) {
      const style = riskPointStyle(point.kind);
      const options: LabelledCircleOptions = {
        renderer,
        radius: RADIUS,
        fillColor: style.color,
        fillOpacity: 1,
        ...NORMAL,
        label: String(point.number),
      };
      const marker = L.circleMarker(pixelToLatLng(point, { width, height }), options);
      marker.on('click', () => onSelect.current?.(point));
      byId.set(point.id, marker);
      group.addLayer(marker);
    }
    group.addTo(map);
    markers.current = byId;
    return () => {
      group.remove();
      renderer.remove();
    };
  }, [map, width, height, points]);

  useEffect(() => {
    const marker = selectedId ? markers.current.get(selectedId) : undefined;
    if (!marker) return;
    marker.setStyle(SELECTED);
    marker.bringToFront();
    return () => {
      marker.setStyle(NORMAL);
    };
  }, [selectedId, points]);
  return null;
}

/** The read-only one-map: the site plan as an image in plain pixel space, risk points on a canvas. */
function SitePlanMap({ plan, points, selectedId, onSelectPoint, label }: Props) {
  return (
    <SitePlanFrame plan={plan} label={label} testId="site-plan-map">
      <PlanPoints plan={plan} points={points} selectedId={selectedId} onSelectPoint={onSelectPoint} />
    </SitePlanFrame>
  );
}

export default memo(SitePlanMap);
