'use client';

import { useTranslations } from 'next-intl';
import { RISK_COLORS, RISK_ORDER } from '@/components/maps/risk-colors';
import { RISK_POINT_STYLES } from '@/components/maps/risk-point-style';
import styles from './dispatch.module.css';

/** What the marks on the zone map mean; the risk-point kinds only while they are drawn. */
export function MapLegend({ showKinds = false }: { showKinds?: boolean }) {
  const t = useTranslations('dashboard');
  const tMap = useTranslations('oneMap');
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
      {showKinds &&
        RISK_POINT_STYLES.map(({ kind, style }) => (
          <li key={kind} data-testid="zone-kind-legend">
            <span className={`${styles.swatch} ${styles.swatchPoint}`} style={{ background: style.color }} aria-hidden="true" />
            {tMap(style.labelKey)}
          </li>
        ))}
    </ul>
  );
}
