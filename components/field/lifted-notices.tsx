'use client';

import { useTranslations } from 'next-intl';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import styles from './field.module.css';

export type LiftedNotice = { incidentId: string; incidentType: string | null; isDrill: boolean; reason: string | null };

/** 警报解除 stays on screen until the user has seen it, even after its cards are gone. */
export function LiftedNotices({ notices, onDismiss }: { notices: LiftedNotice[]; onDismiss: (incidentId: string) => void }) {
  const t = useTranslations('field');
  const tCommon = useTranslations('common');
  const typeName = useIncidentTypeName();
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <div
          key={notice.incidentId}
          className={styles.liftedNotice}
          data-testid="lifted-notice"
          data-incident-id={notice.incidentId}
          role="alert"
        >
          <p className={styles.liftedTitle}>
            {t('lifted.title')}
            {notice.isDrill && <span className={styles.inlineDrill}>{tCommon('drill')}</span>}
          </p>
          <p className={styles.liftedBody}>
            {notice.incidentType ? t('lifted.body', { type: typeName(notice.incidentType) }) : t('lifted.bodyUnknown')}
          </p>
          {notice.reason && (
            <p className={styles.liftedReason} data-testid="lifted-reason">
              {t('lifted.reason', { reason: notice.reason })}
            </p>
          )}
          <button type="button" className={styles.dismissButton} onClick={() => onDismiss(notice.incidentId)}>
            {t('lifted.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
