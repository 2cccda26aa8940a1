import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PlanDrillHistory } from '@/server/contracts/review';
import { DrillTrendChart } from './drill-trend-chart';
import styles from './review.module.css';

/** Each plan's drills with their scores, and the trend of the times per drill. */
export async function DrillHistory({ history }: { history: PlanDrillHistory[] }) {
  const t = await getTranslations('review.drills');
  const format = await getFormatter();
  return (
    <div className={styles.grid}>
      {history.map((plan) => (
        <section key={plan.planId} className={styles.section} data-testid="drill-history" aria-label={plan.planName}>
          <h2>
            {t('historyTitle')} · {plan.planName}
          </h2>
          <DrillTrendChart drills={plan.drills} />
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col" className={styles.num}>
                  {t('score')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...plan.drills].reverse().map((drill) => (
                <tr key={drill.incidentId}>
                  <td className={styles.num}>
                    {format.dateTime(new Date(drill.createdAt), {
                      year: 'numeric',
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </td>
                  <td className={styles.num}>{t('scoreValue', { met: drill.scoreCard.met, total: drill.scoreCard.lines.length })}</td>
                  <td>
                    <Link href={`/incidents/${drill.incidentId}/review`}>{t('open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
