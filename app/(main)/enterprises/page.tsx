import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RiskLevelBadge } from '@/components/enterprise/risk-level-badge';
import styles from '@/components/enterprise/enterprise.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { Badge } from '@/components/ui/badge';
import { listEnterprises } from '@/server/enterprises';
import { listMapStatuses } from '@/server/one-map/list-map-statuses';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** The jurisdiction's risk-source enterprises and where each one-map stands in review. */
export default async function EnterprisesPage() {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const [t, tMap, format] = await Promise.all([getTranslations('enterprise'), getTranslations('oneMap'), getFormatter()]);
  const [enterprises, statuses] = await Promise.all([listEnterprises({ ctx }), listMapStatuses({ ctx })]);

  return (
    <>
      <AppHeader actor={actor} current="/enterprises" />
      <main className={styles.page}>
        <div>
          <h1 className={styles.title}>{t('index.title')}</h1>
          <p className={styles.muted}>{t('index.intro')}</p>
        </div>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('index.enterprise')}</th>
              <th scope="col">{t('index.riskLevel')}</th>
              <th scope="col">{t('index.latestVersion')}</th>
              <th scope="col">{t('index.review')}</th>
            </tr>
          </thead>
          <tbody>
            {enterprises.map((enterprise) => {
              const status = statuses[enterprise.id];
              return (
                <tr key={enterprise.id} data-testid="enterprise-row" data-enterprise-id={enterprise.id}>
                  <td>
                    <Link href={`/enterprises/${enterprise.id}`}>
                      <strong>{enterprise.name}</strong>
                    </Link>
                    <div className={styles.muted}>{enterprise.address}</div>
                  </td>
                  <td>
                    <RiskLevelBadge level={enterprise.riskLevel} />
                  </td>
                  <td>
                    {status ? (
                      <>
                        {tMap('status.version', { version: status.latestVersion })}
                        <div className={styles.muted}>{format.dateTime(new Date(status.publishedAt), { dateStyle: 'medium' })}</div>
                      </>
                    ) : (
                      <span className={styles.muted}>{t('index.notPublished')}</span>
                    )}
                  </td>
                  <td>
                    {status && (
                      <div className={styles.statusRow}>
                        {status.isLatestApproved ? (
                          <Badge tone="success">{tMap('status.approved')}</Badge>
                        ) : (
                          <Badge tone="warning">{t('index.pending', { count: status.pendingApprovals })}</Badge>
                        )}
                        {status.isStale && <Badge tone="danger">{tMap('status.stale')}</Badge>}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </main>
    </>
  );
}
