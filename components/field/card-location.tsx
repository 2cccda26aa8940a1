'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { MapPoint } from '@/components/maps/point-map';
import type { MapConfig } from '@/server/contracts/views';
import type { RoleCard } from '@/server/contracts/dispatch';
import { buildAmapUrl, buildGeoUri, distanceMeters, splitDistance } from './geo';
import type { PositionState } from './use-position';
import styles from './field.module.css';

const PointMap = dynamic(() => import('@/components/maps/point-map'), {
  ssr: false,
  loading: () => <div className={styles.mapPlaceholder} />,
});

// Closer than this, "the target is N m from the incident" is noise: it is the incident point.
const SAME_POINT_M = 15;

type Props = { card: RoleCard; mapConfig: MapConfig; position: PositionState };

/** Where to go: the target on a small map, how far it is, and a tap into the phone's map app. */
export function CardLocation({ card, mapConfig, position }: Props) {
  const t = useTranslations('field');
  const { target, incident } = card;

  const points = useMemo<MapPoint[]>(
    () => [
      { kind: 'target', lat: target.lat, lng: target.lng, label: target.label },
      { kind: 'incident', lat: incident.lat, lng: incident.lng, label: t('map.incident') },
    ],
    [target.lat, target.lng, target.label, incident.lat, incident.lng, t],
  );
  const incidentToTarget = distanceMeters(incident, target);
  const me = position.kind === 'located' ? { kind: 'me' as const, ...position.at, label: t('map.you') } : null;

  const formatDistance = (meters: number) => {
    const { unit, value } = splitDistance(meters);
    return unit === 'm' ? t('distance.meters', { value }) : t('distance.kilometers', { value });
  };

  return (
    <section className={styles.section} aria-labelledby={`target-${card.assignmentId}`}>
      <h3 id={`target-${card.assignmentId}`} className={styles.sectionTitle}>
        {t('card.target')}
      </h3>
      <p className={styles.targetLabel}>{target.label}</p>
      <p className={styles.distance} data-testid="distance">
        {position.kind === 'located'
          ? t('distance.fromYou', { distance: formatDistance(distanceMeters(position.at, target)) })
          : incidentToTarget < SAME_POINT_M
            ? t('distance.atIncident')
            : t('distance.fromIncident', { distance: formatDistance(incidentToTarget) })}
      </p>
      {position.kind === 'locating' && <p className={styles.hint}>{t('distance.locating')}</p>}
      {position.kind === 'unavailable' && <p className={styles.hint}>{t('distance.noLocation')}</p>}
      <div className={styles.navLinks}>
        <a className={styles.navPrimary} href={buildGeoUri(target, target.label)} data-testid="nav-link">
          {t('nav.open')}
        </a>
        <a
          className={styles.navSecondary}
          href={buildAmapUrl(target, target.label)}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="nav-link-amap"
        >
          {t('nav.amap')}
        </a>
      </div>
      <PointMap config={mapConfig} points={points} me={me} label={t('map.label', { target: target.label })} />
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={styles.legendTarget} />
          {t('map.target')}
        </li>
        <li>
          <span className={styles.legendIncident} />
          {t('map.incident')}
        </li>
        {me && (
          <li>
            <span className={styles.legendMe} />
            {t('map.you')}
          </li>
        )}
      </ul>
    </section>
  );
}
