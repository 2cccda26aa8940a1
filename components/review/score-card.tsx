import { getTranslations } from 'next-intl/server';
import { formatDuration, type ScoreCard as ScoreCardView } from '@/server/contracts/review';
import styles from './review.module.css';

/** The drill's score card: each of the plan's targets met or missed, with the numbers. */
export async function ScoreCard({ card }: { card: ScoreCardView }) {
  const t = await getTranslations('review.score');
  return (
    <section className={styles.section} data-testid="score-card" aria-labelledby="score-title">
      <h2 id="score-title">{t('title')}</h2>
      <p className={styles.muted}>{t('summary', { met: card.met, missed: card.missed, pending: card.pending })}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('goal')}</th>
            <th scope="col">{t('actual')}</th>
            <th scope="col">{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {card.lines.map((line) => (
            <tr key={line.target} data-testid="score-line" data-target={line.target} data-outcome={line.outcome}>
              <th scope="row">{t(line.target)}</th>
              <td className={styles.num}>{t('within', { minutes: line.targetSeconds / 60 })}</td>
              <td className={styles.num}>{line.actualSeconds === null ? t('notYet') : formatDuration(line.actualSeconds)}</td>
              <td className={styles[line.outcome]}>{t(line.outcome)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
