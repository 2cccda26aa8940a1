import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import styles from './board.module.css';

/** The incident register: every incident of the district, each a link to its board. */
export async function IncidentTable({ incidents }: { incidents: IncidentSummary[] }) {
  const t = await getTranslations('board');
  const tc = await getTranslations('common');
  const tr = await getTranslations('review');
  const format = await getFormatter();
  const typeName = (type: string) => (tc.has(`incidentTypes.${type}`) ? tc(`incidentTypes.${type}`) : type);

  return (
    <div className={styles.listPage}>
      <h1 className={styles.listTitle}>{t('list.title', { count: incidents.length })}</h1>
      {incidents.length === 0 ? (
        <p className={styles.muted}>{t('list.empty')}</p>
      ) : (
        <table className={styles.listTable}>
          <thead>
            <tr>
              <th scope="col">{t('list.created')}</th>
              <th scope="col">{t('list.type')}</th>
              <th scope="col">{t('list.plan')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.acknowledged')}</th>
              <th scope="col">{t('list.enterprise')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <tr
                key={incident.id}
                data-testid="incident-row"
                data-incident-id={incident.id}
                className={incident.status === 'active' ? styles.listActive : undefined}
              >
                <td className={styles.numeric}>
                  {format.dateTime(new Date(incident.createdAt), {
                    year: 'numeric',
                    month: '2-digit',
                    day: '2-digit',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </td>
                <td>
                  {incident.isDrill && <Badge tone="drill">{tc('drill')}</Badge>} {typeName(incident.incidentType)}
                </td>
                <td>{incident.planName}</td>
                <td>
                  <Badge tone={incident.status === 'active' ? 'danger' : 'success'}>{tc(`incidentStatus.${incident.status}`)}</Badge>
                </td>
                <td className={styles.numeric}>
                  {t('list.acknowledgedCount', { acknowledged: incident.counts.acknowledged, total: incident.counts.total })}
                </td>
                <td>{incident.enterprises.map((enterprise) => enterprise.name).join('、') || '—'}</td>
                <td>
                  <Link href={`/incidents/${incident.id}`}>{t('list.open')}</Link> ·{' '}
                  <Link href={`/incidents/${incident.id}/review`}>{tr('openReview')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
