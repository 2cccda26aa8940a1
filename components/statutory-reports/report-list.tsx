'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/form-field';
import type { StatutoryReportKind } from '@/server/contracts/statutory-reports';
import type { ReportsState } from './use-reports';
import styles from './statutory-reports.module.css';

const TIME = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** Every report of the incident, each with its versions (草稿 / 已签发); new drafts are made here. */
export function ReportList({ state }: { state: ReportsState }) {
  const t = useTranslations('statutoryReports');
  const format = useFormatter();
  const [busy, setBusy] = useState<StatutoryReportKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reports } = state.view;
  const has = (kind: StatutoryReportKind) => reports.some((report) => report.kind === kind);

  const create = async (kind: StatutoryReportKind) => {
    setBusy(kind);
    setError(null);
    const result = await state.create(kind);
    setBusy(null);
    if (!result.ok) setError(result.status === 0 ? t('page.network') : result.error.message);
  };

  const createButton = (kind: StatutoryReportKind, label: string) => (
    <Button
      variant={kind === 'initial' ? 'primary' : 'default'}
      data-testid={`create-${kind}`}
      disabled={busy !== null || (kind !== 'follow_up' && has(kind))}
      onClick={() => void create(kind)}
    >
      {busy === kind ? t('page.creating') : label}
    </Button>
  );

  return (
    <section className={styles.panel} aria-labelledby="report-list-title">
      <h2 id="report-list-title">{t('page.list')}</h2>
      <div className={styles.createButtons}>
        {createButton('initial', t('page.createInitial'))}
        {createButton('follow_up', t('page.createFollowUp'))}
        {createButton('final', t('page.createFinal'))}
      </div>
      {error && <Alert>{error}</Alert>}
      {reports.length === 0 && <p className={styles.muted}>{t('page.none')}</p>}
      <ul className={styles.reportList} data-testid="report-list">
        {reports.map((report) => (
          <li key={report.id} className={styles.reportItem} data-testid={`report-${report.kind}-${report.seq}`}>
            <h3>{t(`kind.${report.kind}`, { seq: report.seq })}</h3>
            <ol className={styles.versionList} aria-label={t('page.versions')}>
              {[...report.versions].reverse().map((version) => {
                const isOpen = state.selection?.reportId === report.id && state.selection.version === version.version;
                return (
                  <li
                    key={version.version}
                    className={isOpen ? styles.versionActive : undefined}
                    data-testid="report-version"
                    data-signed={version.signedOffAt !== null}
                  >
                    <span>{t('page.version', { version: version.version })}</span>
                    <Badge tone={version.signedOffAt ? 'success' : 'neutral'}>
                      {t(version.signedOffAt ? 'state.signed' : 'state.draft')}
                    </Badge>
                    <span className={styles.muted}>
                      {version.signedOffAt
                        ? t('page.signedBy', {
                            name: version.signedOffBy ?? '',
                            time: format.dateTime(new Date(version.signedOffAt), TIME),
                          })
                        : t('page.savedBy', { name: version.savedBy, time: format.dateTime(new Date(version.savedAt), TIME) })}
                    </span>
                    {isOpen ? (
                      <span className={styles.muted}>{t('page.viewing')}</span>
                    ) : (
                      <Button onClick={() => state.select({ reportId: report.id, version: version.version })}>{t('page.open')}</Button>
                    )}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
