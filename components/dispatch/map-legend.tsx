'use client';

import { useTranslations } from 'next-intl';
import { RISK_COLORS, RISK_ORDER } from '@/components/maps/risk-colors';
import styles from './dispatch.module.css';

export function MapLegend() {
  const t = useTranslations('dashboard');
  return (
    <ul className={styles.legend} aria-label={t('map.legend')}>
      {RISK_ORDER.map((level) => (
        <li key={level}>
          <span className={styles.swatch} style={{ background: RISK_COLORS[level] }} aria-hidden="true" />
          {t(`risk.${level}`)}
        </li>
      ))}
      <li>
        <span className={`${styles.swatch} ${styles.swatchIncident}`} aria-hidden="true" />
        {t('map.legendIncident')}
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.swatchDrill}`} aria-hidden="true" />
        {t('map.legendDrill')}
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.swatchPicked}`} aria-hidden="true" />
        {t('map.picked')}
      </li>
    </ul>
  );
}
