'use client';

import L from 'leaflet';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import { CircleMarker, MapContainer, Marker, ScaleControl, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { TextTooltip } from './text-tooltip';
import type { EnterpriseSummary, MapConfig } from '@/server/contracts/views';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import styles from './dispatch-map.module.css';
import { RISK_COLORS } from './risk-colors';
import type { ZoneFocus } from './zone-map';
import ZoneRiskPoints, { type ZonePointsStatus } from './zone-risk-points';

type LatLng = { lat: number; lng: number };

export type DispatchMapProps = {
  config: MapConfig;
  /** Fixed after mount (React-Leaflet convention): where the map first opens. */
  center: LatLng;
  zoom: number;
  enterprises: EnterpriseSummary[];
  incidents: IncidentSummary[];
  picked: LatLng | null;
  linkedEnterpriseId: string;
  onPick: (point: LatLng) => void;
  onEnterprisePick: (enterpriseId: string) => void;
  typeName: (type: string) => string;
  /** Bumped per enterprise when it publishes a new one-map. */
  mapVersions?: Readonly<Record<string, number>>;
  onZoneStatus?: (status: ZonePointsStatus) => void;
  /** Where a search asked to look; a new object (even with the same place) moves the map again. */
  focus?: ZoneFocus | null;
};

const NO_VERSIONS: Readonly<Record<string, number>> = {};

// Built once: divIcons need no image files, unlike Leaflet's default marker.
const INCIDENT_ICON = L.divIcon({ className: styles.incidentIcon, iconSize: [22, 22], iconAnchor: [11, 11], html: '<span>!</span>' });
const DRILL_ICON = L.divIcon({
  className: `${styles.incidentIcon} ${styles.drillIcon}`,
  iconSize: [22, 22],
  iconAnchor: [11, 11],
  html: '<span>!</span>',
});
const PICKED_ICON = L.divIcon({ className: styles.pickedIcon, iconSize: [28, 28], iconAnchor: [14, 14] });

function PickOnClick({ onPick }: { onPick: (point: LatLng) => void }) {
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  useMapEvents({ click: (event) => onPickRef.current({ lat: event.latlng.lat, lng: event.latlng.lng }) });
  return null;
}

/** A location typed in or taken from an enterprise may lie off-screen; bring it into view, gently. */
function KeepInView({ point }: { point: LatLng | null }) {
  const map = useMap();
  useEffect(() => {
    if (point && !map.getBounds().contains([point.lat, point.lng])) map.panTo([point.lat, point.lng]);
  }, [map, point?.lat, point?.lng]);
  return null;
}

function FlyToFocus({ focus }: { focus: ZoneFocus | null | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (!focus) return;
    if (focus.kind === 'point') map.flyTo([focus.lat, focus.lng], focus.zoom, { duration: 0.6 });
    else
      map.flyToBounds(L.latLngBounds([focus.bounds.south, focus.bounds.west], [focus.bounds.north, focus.bounds.east]), {
        padding: [40, 40],
        maxZoom: 16,
        duration: 0.6,
      });
  }, [map, focus]);
  return null;
}

/**
 * The jurisdiction map of the dashboard: enterprises by risk (already filtered by the caller),
 * their risk points once zoomed in, running incidents, and the point being dispatched to.
 */
export default function DispatchMap(props: DispatchMapProps) {
  const {
    config,
    center,
    zoom,
    enterprises,
    incidents,
    picked,
    linkedEnterpriseId,
    onPick,
    onEnterprisePick,
    typeName,
    mapVersions,
    onZoneStatus,
    focus,
  } = props;
  const t = useTranslations('dashboard');
  const tc = useTranslations('common');
  const hasTiles = config.tileUrl.trim().length > 0;
  const initialCenter = useMemo<[number, number]>(() => [center.lat, center.lng], [center.lat, center.lng]);
  const pickedPosition = useMemo<[number, number] | null>(() => (picked ? [picked.lat, picked.lng] : null), [picked?.lat, picked?.lng]);

  return (
    <div className={styles.frame} data-testid="dispatch-map" aria-label={t('map.label')} role="region">
      <MapContainer
        center={initialCenter}
        zoom={zoom}
        preferCanvas
        attributionControl={hasTiles}
        className={styles.map}
        style={{ background: hasTiles ? undefined : '#e8eee4' }}
      >
        {hasTiles && <TileLayer url={config.tileUrl} attribution={config.attribution} />}
        <ScaleControl imperial={false} position="bottomleft" />
        <PickOnClick onPick={onPick} />
        <KeepInView point={picked} />
        <FlyToFocus focus={focus} />
        {enterprises.map((enterprise) => {
          const isLinked = enterprise.id === linkedEnterpriseId;
          return (
            <CircleMarker
              key={enterprise.id}
              center={[enterprise.location.lat, enterprise.location.lng]}
              radius={isLinked ? 11 : 8}
              weight={isLinked ? 4 : 2}
              color={isLinked ? '#111827' : '#ffffff'}
              fillColor={RISK_COLORS[enterprise.riskLevel]}
              fillOpacity={0.95}
              // The click links the enterprise; it must not also count as a click on the map.
              bubblingMouseEvents={false}
              eventHandlers={{ click: () => onEnterprisePick(enterprise.id) }}
            >
              <TextTooltip
                direction="top"
                offset={[0, -8]}
                text={t('map.enterpriseTooltip', { name: enterprise.name, risk: t(`risk.${enterprise.riskLevel}`) })}
              />
            </CircleMarker>
          );
        })}
        <ZoneRiskPoints enterprises={enterprises} mapVersions={mapVersions ?? NO_VERSIONS} onStatus={onZoneStatus} />
        {incidents.map((incident) => (
          <Marker
            key={incident.id}
            position={[incident.location.lat, incident.location.lng]}
            icon={incident.isDrill ? DRILL_ICON : INCIDENT_ICON}
            keyboard={false}
            // A click here still places the new incident: a second one at the same spot is plausible.
            bubblingMouseEvents
          >
            <TextTooltip
              direction="top"
              offset={[0, -12]}
              text={`${incident.isDrill ? `${tc('drill')} · ` : ''}${typeName(incident.incidentType)}`}
            />
          </Marker>
        ))}
        {pickedPosition && (
          <Marker position={pickedPosition} icon={PICKED_ICON} keyboard={false} interactive={false}>
            <TextTooltip direction="right" offset={[14, 0]} permanent text={t('map.picked')} />
          </Marker>
        )}
      </MapContainer>
    </div>
  );
}
