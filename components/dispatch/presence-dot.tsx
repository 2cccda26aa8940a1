'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { PresenceState } from './use-presence';
import styles from './presence.module.css';

type Props = {
  name: string;
  state: PresenceState | undefined;
  isLive: boolean;
  /** Also print when an offline phone was last seen. */
  showLastSeen?: boolean;
  /** Just the dot (the name is printed next to it by the caller). */
  isCompact?: boolean;
};

/** A phone's reachability at a glance: a filled green dot when online, a hollow grey one when not. */
export function PresenceDot({ name, state, isLive, showLastSeen = false, isCompact = false }: Props) {
  const t = useTranslations('delivery');
  const format = useFormatter();
  const isOnline = state?.isOnline ?? false;
  const lastSeen = state?.lastSeenAt
    ? t('presence.lastSeen', {
        time: format.dateTime(new Date(state.lastSeenAt), { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      })
    : t('presence.neverSeen');
  const label = [t(isOnline ? 'presence.onlineLabel' : 'presence.offlineLabel', { name }), isOnline ? null : lastSeen]
    .filter(Boolean)
    .join(' · ');

  return (
    <span
      className={showLastSeen ? `${styles.presence} ${styles.presenceBlock}` : styles.presence}
      data-testid="presence"
      data-online={String(isOnline)}
      data-stale={String(!isLive)}
      title={isLive ? label : `${label} · ${t('presence.stale')}`}
    >
      <span className={styles.dot} aria-hidden="true" />
      {!isCompact && (
        <span className={styles.presenceText} aria-hidden="true">
          {t(isOnline ? 'presence.online' : 'presence.offline')}
        </span>
      )}
      {showLastSeen && !isOnline && (
        <span className={styles.lastSeen} aria-hidden="true">
          {lastSeen}
        </span>
      )}
      <span className={styles.srOnly}>{label}</span>
    </span>
  );
}
