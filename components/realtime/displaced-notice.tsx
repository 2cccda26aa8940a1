'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { reconnectHere, useDisplaced } from './displaced-state';
import styles from './displaced-notice.module.css';

/** Shown over any page whose live connection was let go for a newer page of the same person. */
export function DisplacedNotice() {
  const t = useTranslations('common.displaced');
  const isDisplaced = useDisplaced();
  if (!isDisplaced) return null;
  return (
    <div className={styles.notice} role="alert" data-testid="session-displaced">
      <strong>{t('title')}</strong>
      <span>{t('body')}</span>
      <Button variant="primary" onClick={reconnectHere} data-testid="reconnect-here">
        {t('reconnect')}
      </Button>
    </div>
  );
}
