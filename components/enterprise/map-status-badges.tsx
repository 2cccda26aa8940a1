import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import styles from './enterprise.module.css';

type Props = { version: number; publishedAt: string; approvedAt: string | null; isStale: boolean };

/** Which version this is, when it was published, and whether the bureau has reviewed it lately. */
export function MapStatusBadges({ version, publishedAt, approvedAt, isStale }: Props) {
  const t = useTranslations('oneMap');
  const format = useFormatter();
  return (
    <div className={styles.statusRow}>
      <span data-testid="map-version" data-version={version} className={styles.version}>
        {t('status.version', { version })}
      </span>
      <span className={styles.muted}>
        {t('status.publishedAt', { date: format.dateTime(new Date(publishedAt), { dateStyle: 'medium' }) })}
      </span>
      {approvedAt ? <Badge tone="success">{t('status.approved')}</Badge> : <Badge tone="warning">{t('status.notApproved')}</Badge>}
      {isStale && <Badge tone="danger">{t('status.stale')}</Badge>}
    </div>
  );
}
