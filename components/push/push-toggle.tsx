'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';
import styles from './push-toggle.module.css';
import { usePushSubscription } from './use-push-subscription';

/**
 * A small switch for lock-screen alerts (Web Push) on this phone. Shows nothing while checking
 * and only a short note where it cannot work, so it can sit in a crowded duty bar.
 */
export function PushToggle() {
  const t = useTranslations('channels.push');
  const { state, isBusy, hasFailed, enable, disable } = usePushSubscription();
  // Nothing to offer while checking, or when the server has no VAPID keys (the admin page says so).
  if (state === 'checking' || state === 'unavailable') return null;

  const note = state === 'unsupported' || state === 'denied' ? t(state) : null;
  return (
    <div className={styles.toggle} data-testid="push-toggle" data-state={state}>
      {note ? (
        <span className={styles.note}>{note}</span>
      ) : (
        <Button onClick={() => void (state === 'on' ? disable() : enable())} disabled={isBusy} aria-pressed={state === 'on'}>
          {isBusy ? t('busy') : state === 'on' ? t('disable') : t('enable')}
        </Button>
      )}
      <span className="visually-hidden" role="status">
        {state === 'on' ? t('on') : state === 'off' ? t('off') : ''}
      </span>
      {hasFailed && (
        <span className={styles.error} role="alert">
          {t('failed')}
        </span>
      )}
    </div>
  );
}
