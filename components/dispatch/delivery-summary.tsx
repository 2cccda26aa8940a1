'use client';

import { useTranslations } from 'next-intl';
import type { AssignmentView } from '@/server/contracts/dispatch';
import { deliveryPhase } from './delivery-state';
import type { Presence } from './use-presence';
import styles from './presence.module.css';

type Props = { assignments: AssignmentView[]; presence: Presence; isLifted: boolean; clockNow: number | null };

/** The board's delivery headline: how many cards reached a phone, and how many phones are up. */
export function DeliverySummary({ assignments, presence, isLifted, clockNow }: Props) {
  const t = useTranslations('delivery');
  const to = useTranslations('deliveryOutcome');
  if (assignments.length === 0) return null;
  const total = assignments.length;
  const phases = assignments.map((assignment) => deliveryPhase(assignment, clockNow));
  const undelivered = phases.filter((phase) => phase === 'undelivered').length;
  const sending = phases.filter((phase) => phase === 'sending').length;
  const delivered = assignments.filter((assignment) => assignment.status !== 'sent').length;
  const online = new Set(assignments.filter((a) => presence.stateOf(a.userId)?.isOnline).map((a) => a.userId)).size;

  return (
    <p className={styles.summary} data-testid="delivery-summary" data-undelivered={undelivered}>
      <span className={undelivered > 0 ? styles.summaryDanger : sending > 0 ? styles.summaryNeutral : styles.summaryOk}>
        {t('summary.delivered', { delivered, total })}
      </span>
      {undelivered > 0 && !isLifted && <span className={styles.summaryDanger}>{t('summary.undelivered', { count: undelivered })}</span>}
      {sending > 0 && !isLifted && <span className={styles.summaryNeutral}>{to('sending.summary', { count: sending })}</span>}
      {!isLifted && (
        <span className={styles.summaryNeutral} data-stale={String(!presence.isLive)}>
          {t('summary.online', { online, total })}
        </span>
      )}
    </p>
  );
}
