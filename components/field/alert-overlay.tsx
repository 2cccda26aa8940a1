'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { RoleCard } from '@/server/contracts/dispatch';
import { Elapsed } from './elapsed';
import { IncidentTypeLabel } from '@/components/ui/incident-type-label';
import type { ActionState } from './use-card-actions';
import styles from './field.module.css';

type Props = {
  card: RoleCard;
  queued: number;
  state: ActionState | undefined;
  isSilenced: boolean;
  isArmed: boolean;
  now: number | null;
  onAck: () => void;
  onSilence: () => void;
};

/** Full-screen and impossible to miss: stays until 收到 is confirmed by the server. */
export function AlertOverlay({ card, queued, state, isSilenced, isArmed, now, onAck, onSilence }: Props) {
  const t = useTranslations('field');
  const tCommon = useTranslations('common');
  const ackRef = useRef<HTMLButtonElement>(null);
  const isSending = state?.pending === 'ack';

  useEffect(() => ackRef.current?.focus(), [card.assignmentId]);

  return (
    <div
      className={styles.overlay}
      data-testid="alert-overlay"
      data-assignment-id={card.assignmentId}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="alert-heading"
      aria-describedby="alert-role"
    >
      <div className={styles.overlayBody}>
        <div className={styles.overlayTop}>
          <h2 id="alert-heading" className={styles.overlayHeading}>
            {t('alert.heading')}
          </h2>
          {card.incident.isDrill && <span className={styles.overlayDrill}>{tCommon('drill')}</span>}
        </div>
        <p id="alert-role" className={styles.overlayRole}>
          {card.roleName}
        </p>
        <p className={styles.overlayType}>
          <IncidentTypeLabel type={card.incident.incidentType} />
          {now !== null && (
            <>
              {' · '}
              <Elapsed since={card.incident.createdAt} now={now} />
            </>
          )}
        </p>
        <p className={styles.overlayText}>{card.incident.description}</p>
        <p className={styles.overlayText}>
          <strong>{t('alert.target')}</strong> {card.target.label}
        </p>
        {queued > 0 && <p className={styles.overlayQueue}>{t('alert.queue', { count: queued })}</p>}
      </div>
      <div className={styles.overlayActions}>
        {state?.error && (
          <p className={styles.overlayError} role="alert">
            {state.error}
          </p>
        )}
        {!isArmed && <p className={styles.overlayHint}>{t('alert.armHint')}</p>}
        {isSilenced ? (
          <p className={styles.overlayHint}>{t('alert.silenced')}</p>
        ) : (
          <button type="button" className={styles.silenceButton} onClick={onSilence}>
            {t('alert.silence')}
          </button>
        )}
        <button ref={ackRef} type="button" className={styles.ackButton} data-testid="alert-ack" disabled={isSending} onClick={onAck}>
          {isSending ? t('actions.sending') : t('alert.ack')}
        </button>
      </div>
    </div>
  );
}
