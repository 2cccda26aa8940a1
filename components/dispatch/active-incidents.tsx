'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import { formatClock, millisBetween } from './format-clock';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import { useNow } from '@/components/ui/use-now';
import styles from './dispatch.module.css';

/** The incidents still running, with how many of those paged have acknowledged. */
export function ActiveIncidents({ incidents, isConnected }: { incidents: IncidentSummary[]; isConnected: boolean }) {
  const t = useTranslations('dashboard');
  const tc = useTranslations('common');
  const format = useFormatter();
  const typeName = useIncidentTypeName();
  const now = useNow();

  return (
    <section className={styles.activeList} aria-labelledby="active-title">
      <div className={styles.activeHeader}>
        <h2 id="active-title" className={styles.panelTitle}>
          {t('active.title', { count: incidents.length })}
        </h2>
        <span className={styles.connection} data-connected={isConnected}>
          {isConnected ? t('active.live') : t('active.offline')}
        </span>
      </div>
      {incidents.length === 0 && <p className={styles.muted}>{t('active.empty')}</p>}
      <ul className={styles.activeItems}>
        {incidents.map((incident) => {
          const isAllAcknowledged = incident.counts.total > 0 && incident.counts.unacknowledged === 0;
          return (
            <li key={incident.id} data-testid="active-incident" data-incident-id={incident.id} className={styles.activeItem}>
              <Link href={`/incidents/${incident.id}`} className={styles.activeLink}>
                <span className={styles.activeTitle}>
                  {incident.isDrill && <Badge tone="drill">{tc('drill')}</Badge>} {typeName(incident.incidentType)}
                </span>
                <span className={styles.muted}>
                  {incident.planName}
                  {incident.enterprises.map((enterprise) => ` · ${enterprise.name}`).join('')}
                </span>
                <span className={styles.activeMeta}>
                  <span>
                    {t('active.triggeredAt', {
                      time: format.dateTime(new Date(incident.createdAt), { hour: '2-digit', minute: '2-digit' }),
                    })}
                    {now !== null && ` · ${t('active.elapsed', { clock: formatClock(millisBetween(incident.createdAt, now)) })}`}
                  </span>
                  <Badge tone={isAllAcknowledged ? 'success' : 'danger'}>
                    {t('active.acknowledged', { acknowledged: incident.counts.acknowledged, total: incident.counts.total })}
                  </Badge>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
