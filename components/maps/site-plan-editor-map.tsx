'use client';

import L from 'leaflet';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import { riskPointStyle } from './risk-point-style';
import { latLngToPixel, pixelToLatLng, type PlanPixel, type PlanSize } from './site-plan-coords';
import { SitePlanFrame } from './site-plan-frame';
import type { SitePlanImage } from './site-plan-map';
import styles from './site-plan.module.css';

export type EditorMode = 'select' | 'add' | 'georef';

type Props = {
  /** Fixed after mount: a new plan image needs a new key. */
  plan: SitePlanImage;
  points: PublishedRiskPoint[];
  georef: PlanPixel[];
  selectedId: string | null;
  mode: EditorMode;
  onPlanClick: (pixel: PlanPixel) => void;
  onSelectPoint: (id: string) => void;
  /** Resolves false when the server refused the move, and the marker springs back. */
  onMovePoint: (id: string, pixel: PlanPixel) => Promise<boolean>;
  label: string;
};

type Handlers = Pick<Props, 'onPlanClick' | 'onSelectPoint' | 'onMovePoint'>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pointIcon(point: PublishedRiskPoint, isSelected: boolean): L.DivIcon {
  const style = riskPointStyle(point.kind);
  const code = escapeHtml(point.code);
  const classes = [styles.pin, isSelected ? styles.pinSelected : ''].join(' ');
  return L.divIcon({
    className: styles.pinRoot,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    html: `<span class="${classes}" style="background:${style.color}" data-testid="editor-point" data-code="${code}">${style.glyph}<span class="${styles.tag}">${code}</span></span>`,
  });
}

function georefIcon(index: number): L.DivIcon {
  return L.divIcon({
    className: styles.pinRoot,
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    html: `<span class="${styles.georefPin}"><span>${index + 1}</span></span>`,
  });
}

function EditorPoint({
  point,
  plan,
  isSelected,
  handlers,
}: {
  point: PublishedRiskPoint;
  plan: PlanSize;
  isSelected: boolean;
  handlers: React.RefObject<Handlers>;
}) {
  const icon = useMemo(() => pointIcon(point, isSelected), [point, isSelected]);
  const position = useMemo(() => pixelToLatLng(point, plan), [point, plan]);
  const eventHandlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      click: () => handlers.current.onSelectPoint(point.id),
      dragend: (event) => {
        const marker = event.target as L.Marker;
        const at = marker.getLatLng();
        const pixel = latLngToPixel(at.lat, at.lng, plan);
        // Dropped past the edge: snap to the nearest spot on the plan, which is what is saved.
        marker.setLatLng(pixelToLatLng(pixel, plan));
        void handlers.current.onMovePoint(point.id, pixel).then((isSaved) => {
          if (!isSaved) marker.setLatLng(pixelToLatLng(point, plan));
        });
      },
    }),
    [point, plan, handlers],
  );
  return <Marker position={position} icon={icon} draggable eventHandlers={eventHandlers} keyboard title={`${point.code} ${point.name}`} />;
}

function PlanClicks({ plan, mode, handlers }: { plan: PlanSize; mode: EditorMode; handlers: React.RefObject<Handlers> }) {
  const map = useMap();
  useMapEvents({
    click: (event) => {
      if (mode === 'select') return;
      handlers.current.onPlanClick(latLngToPixel(event.latlng.lat, event.latlng.lng, plan));
    },
  });
  useEffect(() => {
    const container = map.getContainer();
    container.classList.toggle(styles.addMode!, mode !== 'select');
  }, [map, mode]);
  return null;
}

/** The enterprise's editing map: few points, so DOM markers that can be dragged and focused. */
function SitePlanEditorMap({ plan, points, georef, selectedId, mode, label, ...callbacks }: Props) {
  const { width, height } = plan;
  const size = useMemo(() => ({ width, height }), [width, height]);
  // Callbacks change every render; markers keep stable handlers that read the latest ones.
  const handlers = useRef<Handlers>(callbacks);
  handlers.current = callbacks;
  const georefIcons = useMemo(() => [0, 1, 2].map(georefIcon), []);

  return (
    <SitePlanFrame plan={plan} label={label} testId="editor-map">
      <PlanClicks plan={size} mode={mode} handlers={handlers} />
      {georef.map((pixel, index) => (
        <Marker key={`g${index}`} position={pixelToLatLng(pixel, size)} icon={georefIcons[index]!} interactive={false} keyboard={false} />
      ))}
      {points.map((point) => (
        <EditorPoint key={point.id} point={point} plan={size} isSelected={point.id === selectedId} handlers={handlers} />
      ))}
    </SitePlanFrame>
  );
}

export default memo(SitePlanEditorMap);
