import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { IncidentReview } from '@/server/contracts/review';
import { SEVERITY_LABELS } from '@/server/contracts/severity';
import { PrintButton } from './print-button';
import { ReviewExtras } from './review-extras';
import { ReviewGroups } from './review-groups';
import { ReviewPeople } from './review-people';
import { ScoreCard } from './score-card';
import { SwimlaneChart } from './swimlane-chart';
import styles from './review.module.css';

const WHEN = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** 复盘: the printable after-action review of one incident or drill. */
export async function ReviewPage({ review }: { review: IncidentReview }) {
  const t = await getTranslations('review');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  const { incident } = review;
  const when = (iso: string) => format.dateTime(new Date(iso), WHEN);
  const typeName = tc.has(`incidentTypes.${incident.incidentType}`) ? tc(`incidentTypes.${incident.incidentType}`) : incident.incidentType;
  const severity = incident.severity ? SEVERITY_LABELS[incident.severity][locale === 'en' ? 'en' : 'zh'] : t('severityUnset');

  return (
    <div className={styles.page} data-drill={incident.isDrill} data-testid="review-page">
      <div className={styles.header}>
        <div>
          <h1 className={styles.title}>
            {incident.isDrill && <Badge tone="drill">{tc('drill')}</Badge>} {t(incident.isDrill ? 'drillTitle' : 'title')}
          </h1>
          <p className={styles.meta}>{t('subtitle', { plan: incident.planName, type: typeName, time: when(incident.createdAt) })}</p>
          <p className={styles.meta}>{incident.description}</p>
          <p className={styles.meta}>
            {t('discoveredAt', { time: when(incident.discoveredAt) })} · {t('severity', { level: severity })} ·{' '}
            {incident.liftedAt ? t('lifted', { time: when(incident.liftedAt) }) : t('active', { time: when(review.generatedAt) })}
          </p>
        </div>
        <div className={styles.actions}>
          <Link href={`/incidents/${incident.id}`}>{t('back')}</Link>
          <a href={`/api/incidents/${incident.id}/review/export?format=pdf`} download data-testid="review-pdf">
            {t('exportPdf')}
          </a>
          <PrintButton />
        </div>
      </div>
      {review.scoreCard && <ScoreCard card={review.scoreCard} />}
      <section className={styles.section} aria-labelledby="chart-title">
        <h2 id="chart-title">{t('chart.title')}</h2>
        <SwimlaneChart lanes={review.swimlane} />
      </section>
      <ReviewPeople people={review.people} />
      <ReviewGroups title={t('groups.byRole')} groups={review.byRole} targets={review.targets} />
      <ReviewGroups title={t('groups.byDepartment')} groups={review.byDepartment} targets={review.targets} />
      <ReviewExtras review={review} />
    </div>
  );
}
