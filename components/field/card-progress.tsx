'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { RoleCard } from '@/server/contracts/dispatch';
import styles from './field.module.css';

/** 收到 → 出发 → 到达 → 完成 with the time of each step taken. */
export function CardProgress({ card }: { card: RoleCard }) {
  const t = useTranslations('field');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const steps = [
    { status: 'acknowledged', at: card.acknowledgedAt },
    { status: 'en_route', at: card.enRouteAt },
    { status: 'on_scene', at: card.onSceneAt },
    { status: 'done', at: card.doneAt },
  ] as const;

  return (
    <section className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('card.progress')}</h3>
      <ol className={styles.progress}>
        {steps.map((step) => (
          <li key={step.status} className={step.at ? styles.stepDone : styles.stepTodo}>
            <span className={styles.stepName}>{tCommon(`assignmentStatus.${step.status}`)}</span>
            <span className={styles.stepTime}>
              {step.at ? format.dateTime(new Date(step.at), { hour: '2-digit', minute: '2-digit' }) : '—'}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
