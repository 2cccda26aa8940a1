'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { StatutoryReportView } from '@/server/contracts/statutory-report-input';
import { fromLocalInput } from './report-form-state';
import type { ReportsState } from './use-reports';
import styles from './statutory-reports.module.css';

const TIME = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
const FIELDS = ['jurisdictionName', 'contact', 'means'] as const;

/** 通报毗邻地区: whom, when and how a neighbouring jurisdiction was told, recorded on the report. */
export function NeighbourNotifications({ report, version, state }: { report: StatutoryReportView; version: number; state: ReportsState }) {
  const t = useTranslations('statutoryReports');
  const format = useFormatter();
  const [fields, setFields] = useState({ jurisdictionName: '', contact: '', means: '', notifiedAt: '' });
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setIsSaving(true);
    setError(null);
    const notifiedAt = fields.notifiedAt ? fromLocalInput(fields.notifiedAt) : new Date().toISOString();
    const result = await state.notify(report.id, { ...fields, notifiedAt }, version);
    setIsSaving(false);
    if (!result.ok) setError(result.status === 0 ? t('page.network') : result.error.message);
    else setFields({ jurisdictionName: '', contact: '', means: '', notifiedAt: '' });
  };

  return (
    <section className={styles.panel} aria-labelledby="notify-title" data-testid="neighbour-notifications">
      <h2 id="notify-title">{t('notify.title')}</h2>
      {report.notifications.length === 0 ? (
        <p className={styles.muted}>{t('notify.none')}</p>
      ) : (
        <ul data-testid="notification-list">
          {report.notifications.map((notice) => (
            <li key={notice.id}>
              {t('notify.row', {
                time: format.dateTime(new Date(notice.notifiedAt), TIME),
                means: notice.means,
                jurisdiction: notice.jurisdictionName,
                contact: notice.contact,
                name: notice.recordedBy,
              })}
            </li>
          ))}
        </ul>
      )}
      <form
        className={styles.notifyForm}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {FIELDS.map((key) => (
          <FormField key={key} id={`notify-${key}`} label={t(`notify.${key}`)} hint={key === 'means' ? t('notify.meansHint') : undefined}>
            <input
              id={`notify-${key}`}
              data-testid={`notify-${key}`}
              required
              maxLength={100}
              value={fields[key]}
              onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
            />
          </FormField>
        ))}
        <FormField id="notify-notifiedAt" label={t('notify.notifiedAt')}>
          <input
            id="notify-notifiedAt"
            data-testid="notify-notifiedAt"
            type="datetime-local"
            value={fields.notifiedAt}
            onChange={(event) => setFields({ ...fields, notifiedAt: event.target.value })}
          />
        </FormField>
        {error && (
          <div className={styles.wide}>
            <Alert>{error}</Alert>
          </div>
        )}
        <div className={styles.actions}>
          <Button type="submit" data-testid="notify-submit" disabled={isSaving}>
            {isSaving ? t('notify.saving') : t('notify.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
