'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, Notice } from '@/components/ui/form-field';
import { describeChange } from '../describe-change';
import styles from './editor.module.css';

export type PublishedStatus = { version: number; publishedAt: string; approvedAt: string | null; isStale: boolean } | null;

type Props = { enterpriseId: string; published: PublishedStatus; pendingChanges: string[]; hasPlan: boolean };

/** Draft against published: what would change, and the button that freezes the next version. */
export function PublishPanel({ enterpriseId, published, pendingChanges, hasPlan }: Props) {
  const t = useTranslations('enterprise');
  const tMap = useTranslations('oneMap');
  const format = useFormatter();
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ version: number } | null>(null);
  const hasChanges = pendingChanges.length > 0;

  async function publish() {
    setIsBusy(true);
    setError(null);
    setResult(null);
    const response = await callApi<{ version: number; changes: string[] }>(`/api/enterprises/${enterpriseId}/map/publish`, {
      method: 'POST',
    });
    setIsBusy(false);
    if (!response.ok) {
      setError(response.status === 0 ? t('networkError') : response.error.message);
      return;
    }
    setResult({ version: response.data.version });
    router.refresh();
  }

  return (
    <section aria-labelledby="publish-title" data-testid="publish-panel">
      <div className={styles.publishRow}>
        <div>
          <h2 id="publish-title" className={styles.sectionTitle}>
            {t('publish.title')}
          </h2>
          {published ? (
            <div className={styles.toolbar}>
              <span>
                {t('publish.current', {
                  version: published.version,
                  date: format.dateTime(new Date(published.publishedAt), { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </span>
              {published.approvedAt ? (
                <Badge tone="success">{tMap('status.approved')}</Badge>
              ) : (
                <Badge tone="warning">{tMap('status.notApproved')}</Badge>
              )}
              {published.isStale && <Badge tone="danger">{tMap('status.stale')}</Badge>}
            </div>
          ) : (
            <span className={styles.muted}>{t('publish.never')}</span>
          )}
        </div>
        <Button variant="primary" data-testid="publish-button" onClick={publish} disabled={isBusy || !hasPlan || !hasChanges}>
          {isBusy ? t('publish.publishing') : t('publish.button')}
        </Button>
      </div>
      {!hasPlan ? (
        <p className={styles.muted}>{t('publish.needPlan')}</p>
      ) : hasChanges ? (
        <div data-testid="pending-changes">
          <strong>{t('publish.pending', { count: pendingChanges.length })}</strong>
          <ul className={styles.changes}>
            {pendingChanges.map((change) => {
              const text = describeChange(change);
              return <li key={change}>{tMap(text.key, text.values)}</li>;
            })}
          </ul>
        </div>
      ) : (
        <p className={styles.muted}>{t('publish.upToDate')}</p>
      )}
      {error && <Alert>{error}</Alert>}
      {result && (
        <div data-testid="publish-result" data-version={result.version}>
          <Notice>{t('publish.done', { version: result.version })}</Notice>
        </div>
      )}
      {published?.isStale && <p className={styles.muted}>{t('publish.staleHint')}</p>}
    </section>
  );
}
