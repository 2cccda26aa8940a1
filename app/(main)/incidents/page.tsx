import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { IncidentTable } from '@/components/dispatch/incident-table';
import { DrillHistory } from '@/components/review/drill-history';
import styles from '@/components/review/review.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { listIncidents } from '@/server/dispatch';
import { requirePageActor } from '@/server/pages/require-actor';
import { listDrillHistory } from '@/server/review';

export const dynamic = 'force-dynamic';

/** 事件列表: real incidents and drills apart (?view=drills), newest first; the drills with each plan's trend. */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const isDrills = (await searchParams).view === 'drills';
  const t = await getTranslations('review.drills');
  const incidents = (await listIncidents({ ctx })).filter((incident) => incident.isDrill === isDrills);
  return (
    <>
      <AppHeader actor={actor} current="/incidents" />
      <main>
        <nav className={styles.tabsBar} aria-label={`${t('realTitle')} / ${t('drillTitle')}`}>
          <div className={styles.tabs}>
            <Link href="/incidents" aria-current={isDrills ? undefined : 'page'} data-testid="tab-real">
              {t('realTitle')}
            </Link>
            <Link href="/incidents?view=drills" aria-current={isDrills ? 'page' : undefined} data-testid="tab-drills">
              {t('drillTitle')}
            </Link>
          </div>
        </nav>
        <IncidentTable incidents={incidents} />
        {isDrills && (
          <div className={styles.page}>
            <DrillHistory history={await listDrillHistory({ ctx })} />
          </div>
        )}
      </main>
    </>
  );
}
