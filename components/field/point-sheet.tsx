'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { RiskPointDetails } from '@/components/enterprise/risk-point-details';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import styles from './one-map.module.css';

/**
 * A tapped point's measures rise from the bottom edge, under the thumb, wherever the list or the
 * plan was tapped; the plan stays usable above it, so the next point is one more tap.
 */
export function PointSheet({ point, enterpriseName, onClose }: { point: PublishedRiskPoint; enterpriseName: string; onClose: () => void }) {
  const t = useTranslations('field');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div
      className={styles.sheet}
      role="dialog"
      aria-modal="false"
      aria-label={t('oneMap.sheetLabel', { code: point.code, enterprise: enterpriseName })}
      data-testid="card-point-details"
      data-code={point.code}
    >
      <div className={styles.sheetBody}>
        <RiskPointDetails point={point} onClose={onClose} />
      </div>
      <button type="button" className={styles.sheetClose} onClick={onClose}>
        {t('oneMap.closeDetails')}
      </button>
    </div>
  );
}
