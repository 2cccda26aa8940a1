'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { IncidentDetail, IncidentSummary } from '@/server/contracts/dispatch';
import { formatClock, millisBetween } from './format-clock';
import { LiftControl } from './lift-control';
import { InitialReportClockView } from '@/components/statutory-reports/initial-report-clock';
import { SeverityControl } from '@/components/statutory-reports/severity-control';
import reportStyles from '@/components/statutory-reports/statutory-reports.module.css';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import styles from './board.module.css';

type Props = {
  incident: IncidentDetail;
  clockNow: number | null;
  isConnected: boolean;
  onLifted: (incident: IncidentSummary) => void;
  onStale: () => void;
  /** The wall clock, ticking also after the lift: the 初报 is still due then. */
  now: number | null;
};

const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;

export function IncidentOverview({ incident, clockNow, isConnected, onLifted, onStale, now }: Props) {
  const t = useTranslations('board');
  const tc = useTranslations('common');
  const tr = useTranslations('statutoryReports');
  const treview = useTranslations('review');
  const format = useFormatter();
  const typeName = useIncidentTypeName();
  const isLifted = incident.status === 'lifted';
  const { acknowledged, total } = incident.counts;

  return (
    <section className={styles.overview} aria-labelledby="incident-title">
      {incident.isDrill && (
        <p className={styles.drillBanner} data-testid="drill-banner">
          {t('drillBanner', { drill: tc('drill') })}
        </p>
      )}
      <div className={styles.overviewTop}>
        <div>
          <h1 id="incident-title" className={styles.title}>
            {incident.isDrill && <Badge tone="drill">{tc('drill')}</Badge>} {typeName(incident.incidentType)}
            <span className={styles.planName}>{incident.planName}</span>
          </h1>
          <p className={styles.description}>{incident.description}</p>
        </div>
        <div className={styles.overviewActions}>
          <span className={styles.status} data-testid="incident-status" data-status={incident.status}>
            <Badge tone={isLifted ? 'success' : 'danger'}>{tc(`incidentStatus.${incident.status}`)}</Badge>
          </span>
          <Link href={`/incidents/${incident.id}/reports`} className={styles.reportsLink} data-testid="reports-link">
            {tr('page.reportsLink')}
          </Link>
          <Link href={`/incidents/${incident.id}/review`} className={styles.reportsLink} data-testid="open-review">
            {treview('openReview')}
          </Link>
          {!isLifted && <LiftControl incidentId={incident.id} onLifted={onLifted} onStale={onStale} />}
        </div>
      </div>
      <div className={reportStyles.severity}>
        <InitialReportClockView clock={incident.initialReport} now={now} />
        <span data-testid="incident-severity" data-severity={incident.severity ?? ''}>
          {tr('severity.label')}：<strong>{incident.severity ? tr(`severity.${incident.severity}`) : tr('severity.unset')}</strong>
        </span>
        <SeverityControl incidentId={incident.id} severity={incident.severity} onChanged={onLifted} />
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('overview.triggered')}</dt>
          <dd>{t('overview.triggeredBy', { time: format.dateTime(new Date(incident.createdAt), TIME), name: incident.createdBy })}</dd>
        </div>
        <div>
          <dt>{isLifted ? t('overview.lastedFor') : t('overview.elapsed')}</dt>
          <dd className={styles.clock} data-testid="incident-elapsed">
            {clockNow === null ? '—' : formatClock(millisBetween(incident.createdAt, clockNow))}
          </dd>
        </div>
        {incident.liftedAt && (
          <div>
            <dt>{t('overview.liftedAt')}</dt>
            <dd>{format.dateTime(new Date(incident.liftedAt), TIME)}</dd>
          </div>
        )}
        <div>
          <dt>{t('overview.acknowledged')}</dt>
          <dd className={acknowledged < total ? styles.factDanger : styles.factOk}>
            {t('overview.acknowledgedCount', { acknowledged, total })}
          </dd>
        </div>
        <div>
          <dt>{t('overview.location')}</dt>
          <dd>{t('overview.coordinates', { lat: incident.location.lat.toFixed(5), lng: incident.location.lng.toFixed(5) })}</dd>
        </div>
        <div>
          <dt>{t('overview.enterprise')}</dt>
          <dd data-testid="overview-enterprises">
            {incident.enterprises.map((enterprise) => enterprise.name).join('、') || t('overview.noEnterprise')}
          </dd>
        </div>
        <div>
          <dt>{t('overview.connection')}</dt>
          <dd className={isConnected ? styles.factOk : styles.factDanger} data-testid="board-connection" data-connected={isConnected}>
            {isConnected ? t('overview.live') : t('overview.offline')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
