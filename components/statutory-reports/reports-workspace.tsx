'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { useNow } from '@/components/ui/use-now';
import type { IncidentReportsView } from '@/server/contracts/statutory-report-input';
import { InitialReportClockView } from './initial-report-clock';
import { NeighbourNotifications } from './neighbour-notifications';
import { ReportEditor } from './report-editor';
import { ReportList } from './report-list';
import { useReports } from './use-reports';
import styles from './statutory-reports.module.css';

/** The reports page: the list with versions and states on the left, the open version on the right. */
export function ReportsWorkspace({ initial }: { initial: IncidentReportsView }) {
  const t = useTranslations('statutoryReports');
  const now = useNow();
  const state = useReports(initial);
  const { view, selection } = state;
  const report = view.reports.find((candidate) => candidate.id === selection?.reportId) ?? null;
  const version = report?.versions.find((candidate) => candidate.version === selection?.version) ?? null;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1>
            {view.incident.isDrill && <Badge tone="drill">{t('page.drill')}</Badge>} {t('page.title')}
          </h1>
          <p className={styles.muted}>{view.incident.description}</p>
          <Link href={`/incidents/${view.incident.id}`} data-testid="reports-back">
            {t('page.back')}
          </Link>
        </div>
        <InitialReportClockView clock={view.clock} now={now} />
      </header>
      <ReportList state={state} />
      <div>
        {report && version ? (
          <>
            <ReportEditor
              key={`${report.id}:${version.version}`}
              incidentId={view.incident.id}
              report={report}
              version={version}
              canSignOff={view.canSignOff}
              state={state}
            />
            <NeighbourNotifications key={report.id} report={report} version={version.version} state={state} />
          </>
        ) : (
          <section className={styles.panel}>
            <p className={styles.muted}>{t('page.none')}</p>
          </section>
        )}
      </div>
    </div>
  );
}
