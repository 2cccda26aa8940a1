'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { MapPoint } from '@/components/maps/point-map';
import type { MapConfig } from '@/server/contracts/views';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import styles from './board.module.css';

const PointMap = dynamic(() => import('@/components/maps/point-map'), {
  ssr: false,
  loading: () => <div className={styles.mapPlaceholder} />,
});

export type BoardTarget = { label: string; lat: number; lng: number };

/** Where the incident is and where the plan sends people. */
export function BoardMap({ config, incident, targets }: { config: MapConfig; incident: IncidentSummary; targets: BoardTarget[] }) {
  const t = useTranslations('board');
  const { lat, lng } = incident.location;
  const points = useMemo<MapPoint[]>(
    () => [{ kind: 'incident', lat, lng, label: t('map.incident') }, ...targets.map((target) => ({ kind: 'target' as const, ...target }))],
    [lat, lng, targets, t],
  );
  return (
    <section aria-labelledby="board-map-title">
      <h2 id="board-map-title" className={styles.sectionTitle}>
        {t('map.title')}
      </h2>
      <PointMap config={config} points={points} height={240} label={t('map.label')} />
    </section>
  );
}
