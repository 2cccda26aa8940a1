'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import type { PendingReportView } from '@/server/contracts/intake';
import type { PlanView } from '@/server/contracts/views';
import { PendingReportCard } from './pending-report-card';
import { usePendingReports } from './use-pending-reports';
import { useReportChime } from './use-report-chime';
import styles from './intake.module.css';

/** 待确认上报: reports from other systems, live, announced with a chime, each confirmed with one press or dismissed. */
export function PendingReports({ plans }: { plans: PlanView[] }) {
  const t = useTranslations('intake');
  const chime = useReportChime();
  const [isMuted, setIsMuted] = useState(false);
  const onNew = useCallback((_report: PendingReportView) => setIsMuted(!chime()), [chime]);
  const { reports, remove } = usePendingReports(onNew);
  if (reports.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby="pending-reports-title" data-testid="pending-reports">
      <h2 id="pending-reports-title" className={styles.title}>
        {t('title', { count: reports.length })}
      </h2>
      {isMuted && <p className={styles.muted}>{t('soundBlocked')}</p>}
      <ul className={styles.list}>
        {reports.map((report) => (
          <PendingReportCard key={report.id} report={report} plans={plans} onDecided={remove} />
        ))}
      </ul>
    </section>
  );
}
