'use client';

import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';
import { TextTooltip } from '@/components/maps/text-tooltip';
import type { MapConfig } from '@/server/contracts/views';
import styles from './field-reports.module.css';

export type ReportMarker = { id: string; lat: number; lng: number; label: string };

/**
 * The incident and each located field report as markers. SVG markers (not canvas) so each report
 * is an element of its own (`.field-report-marker`, with its report id) that tests and assistive
 * tools can find.
 */
export default function FieldReportMap({
  config,
  incident,
  markers,
  label,
}: {
  config: MapConfig;
  incident: { lat: number; lng: number; label: string };
  markers: ReportMarker[];
  label: string;
}) {
  const hasTiles = config.tileUrl.trim().length > 0;
  const points: [number, number][] = [
    [incident.lat, incident.lng],
    ...markers.map((marker) => [marker.lat, marker.lng] as [number, number]),
  ];
  return (
    <div className={styles.map} role="region" aria-label={label} data-testid="field-report-map" data-markers={markers.length}>
      <MapContainer
        bounds={points.length > 1 ? points : undefined}
        boundsOptions={{ padding: [24, 24], maxZoom: 16 }}
        center={points.length > 1 ? undefined : points[0]}
        zoom={15}
        scrollWheelZoom={false}
        attributionControl={hasTiles}
        style={{ height: '100%', width: '100%', background: hasTiles ? undefined : '#eef2ea' }}
      >
        {hasTiles && <TileLayer url={config.tileUrl} attribution={config.attribution} />}
        <CircleMarker center={[incident.lat, incident.lng]} radius={8} weight={3} fillOpacity={0.9} color="#78350f" fillColor="#f59e0b">
          <TextTooltip direction="top" text={incident.label} />
        </CircleMarker>
        {markers.map((marker) => (
          <CircleMarker
            key={marker.id}
            center={[marker.lat, marker.lng]}
            radius={7}
            weight={2}
            fillOpacity={0.9}
            color="#064e3b"
            fillColor="#10b981"
            className={`field-report-marker field-report-${marker.id}`}
          >
            <TextTooltip direction="top" text={marker.label} />
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
