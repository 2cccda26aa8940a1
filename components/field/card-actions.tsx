'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { AssignmentStatus } from '@/server/contracts/assignment-lifecycle';
import type { QueuedAction } from './action-outbox';
import { nextActions, type CardAction } from './field-cards';
import type { ActionState } from './use-card-actions';
import styles from './field.module.css';

type Props = {
  status: AssignmentStatus;
  state: ActionState | undefined;
  /** Taps on this card still waiting for the network, oldest first. */
  queued: QueuedAction[];
  onAction: (action: CardAction) => void;
};

/** The next valid steps only, big and at the bottom where the thumb is; the first is the primary one. */
export function CardActions({ status, state, queued, onAction }: Props) {
  const t = useTranslations('field');
  const tOffline = useTranslations('offline');
  const format = useFormatter();
  const lastQueued = queued.at(-1);
  const actions = nextActions(status);
  const isBusy = Boolean(state?.pending);

  return (
    <div className={styles.actions}>
      {lastQueued && (
        <p className={styles.queuedNote} data-testid="queued-note" data-action={lastQueued.action} data-occurred-at={lastQueued.occurredAt}>
          {tOffline('card.queuedStep', {
            action: t(`actions.${lastQueued.action}`),
            time: format.dateTime(new Date(lastQueued.occurredAt), { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
          })}
        </p>
      )}
      {state?.error && (
        <p className={styles.actionError} role="alert">
          {state.error}
        </p>
      )}
      {actions.length === 0 && <p className={styles.doneWaiting}>{t('actions.doneWaiting')}</p>}
      {actions.map((action, index) => (
        <button
          key={action}
          type="button"
          data-testid={`action-${action}`}
          className={index === 0 ? styles.actionPrimary : styles.actionSecondary}
          disabled={isBusy}
          aria-busy={state?.pending === action}
          onClick={() => onAction(action)}
        >
          {state?.pending === action ? t('actions.sending') : index === 0 ? t(`actions.${action}`) : t(`actions.${action}Skip`)}
        </button>
      ))}
    </div>
  );
}
