'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/form-field';
import { describeChange } from './describe-change';
import styles from './enterprise.module.css';

export type MapVersionRow = {
  version: number;
  changes: string[];
  publishedAt: string;
  publishedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
};

type Props = { enterpriseId: string; versions: MapVersionRow[]; canApprove: boolean };

/** Who published which version when, what changed, and the bureau's review of each. */
export function VersionHistory({ enterpriseId, versions, canApprove }: Props) {
  const t = useTranslations('oneMap');
  const format = useFormatter();
  const router = useRouter();
  const [busyVersion, setBusyVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  async function approve(version: number) {
    setBusyVersion(version);
    setError(null);
    const result = await callApi(`/api/enterprises/${enterpriseId}/map/versions/${version}/approve`, { method: 'POST' });
    setBusyVersion(null);
    if (!result.ok) {
      setError(result.status === 0 ? t('history.networkError') : result.error.message);
      return;
    }
    router.refresh();
  }

  if (versions.length === 0) return <p className={styles.muted}>{t('history.empty')}</p>;
  return (
    <div>
      {error && <Alert>{error}</Alert>}
      <ol className={styles.history}>
        {versions.map((row) => (
          <li key={row.version} data-testid="version-row" data-version={row.version} className={styles.historyRow}>
            <div className={styles.historyHead}>
              <strong>{t('status.version', { version: row.version })}</strong>
              <span className={styles.muted}>
                {t('history.publishedBy', { date: when(row.publishedAt), name: row.publishedBy ?? t('history.system') })}
              </span>
              {row.approvedAt ? (
                <Badge tone="success">
                  {t('history.approvedBy', { date: when(row.approvedAt), name: row.approvedBy ?? t('history.system') })}
                </Badge>
              ) : (
                <Badge tone="warning">{t('status.notApproved')}</Badge>
              )}
              {canApprove && !row.approvedAt && (
                <Button
                  variant="primary"
                  data-testid="approve-version"
                  data-version={row.version}
                  disabled={busyVersion !== null}
                  onClick={() => approve(row.version)}
                >
                  {busyVersion === row.version ? t('history.approving') : t('history.approve')}
                </Button>
              )}
            </div>
            <ul className={styles.changes}>
              {row.changes.map((change) => {
                const text = describeChange(change);
                return <li key={change}>{t(text.key, text.values)}</li>;
              })}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
