import { getTranslations } from 'next-intl/server';
import type { DrillTargets } from '@/server/contracts/drill-targets';
import { formatDuration, type GroupReview } from '@/server/contracts/review';
import styles from './review.module.css';

/** Per role or department: median and worst times to 收到 and on scene, against the plan's targets. */
export async function ReviewGroups({ title, groups, targets }: { title: string; groups: GroupReview[]; targets: DrillTargets }) {
  const t = await getTranslations('review.groups');
  const verdict = (onTarget: boolean | null) =>
    onTarget === null ? null : <span className={onTarget ? styles.met : styles.missed}> {t(onTarget ? 'onTarget' : 'offTarget')}</span>;
  return (
    <section className={styles.section}>
      <h2>{title}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col" className={styles.num}>
              {t('people')}
            </th>
            <th scope="col" className={styles.num}>
              {t('ackMedian')}
            </th>
            <th scope="col" className={styles.num}>
              {t('ackWorst')}（{t('target')} {formatDuration(targets.everyoneAcknowledgedSeconds)}）
            </th>
            <th scope="col" className={styles.num}>
              {t('sceneMedian')}
            </th>
            <th scope="col" className={styles.num}>
              {t('sceneWorst')}（{t('target')} {formatDuration(targets.allRolesOnSceneSeconds)}）
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} data-testid="review-group">
              <th scope="row">{group.name}</th>
              <td className={styles.num}>{group.people}</td>
              <td className={styles.num}>{formatDuration(group.acknowledged.medianSeconds)}</td>
              <td className={styles.num}>
                {formatDuration(group.acknowledged.worstSeconds)}
                {verdict(group.isAcknowledgedOnTarget)}
              </td>
              <td className={styles.num}>{formatDuration(group.onScene.medianSeconds)}</td>
              <td className={styles.num}>
                {formatDuration(group.onScene.worstSeconds)}
                {verdict(group.isOnSceneOnTarget)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
