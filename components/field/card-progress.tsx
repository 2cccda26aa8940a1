'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { PERSON_STEPS, STATUS_TIMESTAMP } from '@/server/contracts/assignment-lifecycle';
import type { RoleCard } from '@/server/contracts/dispatch';
import { ACTION_STATUS, type QueuedAction } from './action-outbox';
import styles from './field.module.css';

/** 收到 → 出发 → 到达 → 完成 with the time of each step taken; a step still queued on the phone says so. */
export function CardProgress({ card, queued }: { card: RoleCard; queued: QueuedAction[] }) {
  const t = useTranslations('field');
  const tOffline = useTranslations('offline');
  const queuedStatuses = new Set(queued.map((item) => ACTION_STATUS[item.action]));
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const steps = PERSON_STEPS.map((status) => ({ status, at: card[STATUS_TIMESTAMP[status]] }));

  return (
    <section className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('card.progress')}</h3>
      <ol className={styles.progress}>
        {steps.map((step) => (
          <li
            key={step.status}
            className={queuedStatuses.has(step.status) ? styles.stepQueued : step.at ? styles.stepDone : styles.stepTodo}
          >
            <span className={styles.stepName}>{tCommon(`assignmentStatus.${step.status}`)}</span>
            <span className={styles.stepTime}>
              {step.at ? format.dateTime(new Date(step.at), { hour: '2-digit', minute: '2-digit' }) : '—'}
            </span>
            {queuedStatuses.has(step.status) && <span className={styles.stepQueuedLabel}>{tOffline('card.queued')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
