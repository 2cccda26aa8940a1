'use client';

import { useTranslations } from 'next-intl';
import type { AssignmentView } from '@/server/contracts/dispatch';
import { FIRST_REPUSH_AFTER_MS } from '@/server/contracts/delivery-timing';
import { formatClock, millisBetween } from './format-clock';
import styles from './presence.module.css';

type Props = { assignment: AssignmentView; clockNow: number | null; isPhoneOnline: boolean };

export type DeliveryPhase = 'sending' | 'undelivered' | 'delivered' | 'acknowledged' | 'closed';

/**
 * 'sending' until the first redelivery is due: a phone's receipt normally takes a fraction of a
 * second, and calling a card 未送达 (in red, 正在重发) before anything was re-sent is a false alarm.
 * Without a clock yet (the server render), a card pushed only once counts as still being sent.
 */
export function deliveryPhase(assignment: AssignmentView, now: number | null): DeliveryPhase {
  if (assignment.status === 'sent') {
    if (assignment.closedAt) return 'closed';
    const isFirstPushPending =
      assignment.pushAttempts <= 1 && (now === null || now - Date.parse(assignment.sentAt) < FIRST_REPUSH_AFTER_MS);
    return isFirstPushPending ? 'sending' : 'undelivered';
  }
  return assignment.status === 'delivered' ? 'delivered' : 'acknowledged';
}

/**
 * Did the card reach the phone? 已发送 (not yet: how long ago and how often it was pushed),
 * 已送达 (the phone confirmed), 已收到 (the person confirmed). The first is what needs a call.
 */
export function DeliveryState({ assignment, clockNow, isPhoneOnline }: Props) {
  const t = useTranslations('delivery');
  const to = useTranslations('deliveryOutcome');
  const phase = deliveryPhase(assignment, clockNow);

  if (phase === 'sending') {
    return (
      <div className={styles.deliveryState} data-testid="delivery-state" data-phase={phase}>
        <span>{to('sending.state')}</span>
      </div>
    );
  }

  if (phase === 'undelivered') {
    return (
      <div className={styles.undelivered} data-testid="delivery-state" data-phase={phase}>
        <strong className={styles.undeliveredBadge}>{t('state.undelivered')}</strong>
        <span>{t('state.sentFor', { clock: clockNow === null ? '—' : formatClock(millisBetween(assignment.sentAt, clockNow)) })}</span>
        <span>{t('state.attempts', { count: assignment.pushAttempts })}</span>
        <span className={styles.undeliveredHint}>{isPhoneOnline ? t('state.retrying') : t('state.waitingForPhone')}</span>
      </div>
    );
  }
  const deliveredAfter = assignment.deliveredAt ? formatClock(millisBetween(assignment.sentAt, assignment.deliveredAt)) : null;
  return (
    <div className={styles.deliveryState} data-testid="delivery-state" data-phase={phase}>
      <span>{t(`state.${phase}`)}</span>
      {deliveredAfter && phase !== 'closed' && (
        <span className={styles.deliveryMeta}>
          {t(phase === 'delivered' ? 'state.took' : 'state.deliveredAfter', { clock: deliveredAfter })}
        </span>
      )}
    </div>
  );
}
