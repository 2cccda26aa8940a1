'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PushToggle } from '@/components/push/push-toggle';
import styles from './field.module.css';

type Props = {
  isArmed: boolean;
  isSupported: boolean;
  isConnected: boolean;
  /** Taps waiting for the network. */
  queuedCount: number;
  hasStarted: boolean;
  /** Off the roster, 一键启动 never pages this person: "ringing on" must not read as "on call". */
  isOnRoster: boolean;
  onStart: () => Promise<boolean>;
};

/** Always on screen: are alerts armed, is the phone online, what is waiting to be sent; plus the one tap that unlocks sound. */
export function DutyBar({ isArmed, isSupported, isConnected, queuedCount, hasStarted, isOnRoster, onStart }: Props) {
  const t = useTranslations('field');
  const tOffline = useTranslations('offline');
  const [isStarting, setIsStarting] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);

  async function start() {
    setIsStarting(true);
    const isOk = await onStart();
    setIsStarting(false);
    setHasFailed(!isOk);
  }

  return (
    <>
      <div className={styles.statusArea}>
        <div className={styles.statusBar}>
          <span className={isArmed ? styles.chipOk : styles.chipBad} data-testid="alerts-armed" data-armed={String(isArmed)} role="status">
            <span className={styles.dot} aria-hidden="true" />
            {isArmed ? t('duty.armed') : t('duty.notArmed')}
          </span>
          <span
            className={isConnected ? styles.chipOk : styles.chipWarn}
            data-testid="connection-status"
            data-connected={String(isConnected)}
            data-queued={queuedCount}
            role="status"
          >
            <span className={styles.dot} aria-hidden="true" />
            {isConnected ? tOffline('status.online') : tOffline('status.offline')}
          </span>
        </div>
        {!isOnRoster && (
          <p className={styles.offRoster} data-testid="off-roster" role="note">
            {t('duty.offRoster')}
          </p>
        )}
        <PushToggle />
        {queuedCount > 0 && (
          <p className={styles.outboxBar} data-testid="outbox-status" data-count={queuedCount} role="status">
            <span className={styles.outboxCount}>{tOffline('queue.count', { count: queuedCount })}</span>
            <span className={styles.outboxHint}>{isConnected ? tOffline('queue.sending') : tOffline('queue.waiting')}</span>
          </p>
        )}
      </div>
      {!isArmed && (
        <div className={styles.dutyPanel}>
          <p className={styles.dutyHint}>
            {!isSupported ? t('duty.unsupported') : hasFailed ? t('duty.failed') : hasStarted ? t('duty.rearmHint') : t('duty.startHint')}
          </p>
          {isSupported && (
            <button type="button" className={styles.startButton} data-testid="start-duty" disabled={isStarting} onClick={start}>
              {isStarting ? t('duty.starting') : hasStarted ? t('duty.rearm') : t('duty.start')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
